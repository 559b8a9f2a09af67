import { Select } from 'antd';
import type { Shift } from '../../../api/types';
import { useT } from '../../../i18n/useT';

const REST = 0;

interface Props {
  agentId: number;
  date: string;
  shiftId: number | null;
  shifts: Shift[];
  onChange: (shiftId: number | null) => void;
}

/** One roster cell: a shift, or 休息 (no entry). */
export function RosterCell({ agentId, date, shiftId, shifts, onChange }: Props) {
  const { t } = useT();
  const current = shifts.find((s) => s.id === shiftId);

  return (
    <Select
      size="small"
      value={shiftId ?? REST}
      onChange={(value: number) => onChange(value === REST ? null : value)}
      popupMatchSelectWidth={false}
      style={{
        width: '100%',
        borderInlineStart: `3px solid ${current ? (current.color ?? '#1677ff') : 'transparent'}`,
        borderRadius: 6,
      }}
      options={[
        { value: REST, label: <span style={{ color: '#8c8c8c' }}>{t('shifts.rest')}</span> },
        ...shifts.map((s) => ({ value: s.id, label: s.name, title: `${s.start}–${s.end}` })),
      ]}
      data-testid={`roster-cell-${agentId}-${date}`}
    />
  );
}
