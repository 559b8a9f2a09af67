import { RELATIVE_UNITS, type RelativeTime } from '@yidan/contracts';
import { InputNumber, Select, Space } from 'antd';
import type { Lang } from '../../../i18n/lang';
import { builderText, unitLabel } from '../utils/conditionLabels';

interface Props {
  value: RelativeTime | undefined;
  onChange: (value: RelativeTime) => void;
  lang: Lang;
  disabled?: boolean;
}

/** Amount + unit for 过去…内 / 未来…内 (within the last / next). */
export function RelativeTimeInput({ value, onChange, lang, disabled }: Props) {
  const current = value ?? { amount: 1, unit: 'days' as const };
  return (
    <Space.Compact>
      <InputNumber
        min={1}
        max={100_000}
        precision={0}
        value={current.amount}
        onChange={(amount) => onChange({ ...current, amount: amount ?? 1 })}
        disabled={disabled}
        aria-label={builderText('amount', lang)}
        style={{ width: 100 }}
      />
      <Select
        value={current.unit}
        onChange={(unit) => onChange({ ...current, unit })}
        options={RELATIVE_UNITS.map((unit) => ({ value: unit, label: unitLabel(unit, lang) }))}
        disabled={disabled}
        style={{ width: 90 }}
      />
    </Space.Compact>
  );
}
