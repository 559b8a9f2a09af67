import { Segmented } from 'antd';
import { useT } from '../../../i18n/useT';
import type { ViewGroup } from '../types/ticketTypes';

const ALL = '__all__';

interface Props {
  groups: ViewGroup[];
  /** undefined: every group. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** A grouped view's groups with their counts (GET /ticket-views/:id/groups); one picks a group. */
export function TicketGroupFilter({ groups, value, onChange }: Props) {
  const { t, lang } = useT();
  const total = groups.reduce((n, g) => n + g.count, 0);
  const name = (g: ViewGroup) =>
    g.label ? (lang === 'en' ? g.label.en : g.label.zh) : g.value || t('tickets.group.none');
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented<string>
        size="small"
        value={value ?? ALL}
        onChange={(next) => onChange(next === ALL ? undefined : next)}
        options={[
          { value: ALL, label: `${t('tickets.group.all')}（${total}）` },
          ...groups.map((g) => ({ value: g.value, label: `${name(g)}（${g.count}）` })),
        ]}
        data-testid="ticket-group-filter"
      />
    </div>
  );
}
