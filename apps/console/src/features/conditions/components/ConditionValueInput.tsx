import {
  type ConditionField,
  MAX_PATTERN_LENGTH,
  type Operator,
  type RelativeTime,
  valueShape,
} from '@yidan/contracts';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Lang } from '../../../i18n/lang';
import { builderText, optionLabel } from '../utils/conditionLabels';
import { RelativeTimeInput } from './RelativeTimeInput';

interface Props {
  field: ConditionField;
  op: Operator;
  value: unknown;
  onChange: (value: unknown) => void;
  lang: Lang;
  disabled?: boolean;
}

const wide = { minWidth: 200, flex: 1 };
/** An id value from a picker: a number, or a token such as `$me` (the current agent) kept as text. */
const toIdValue = (v: string): number | string | undefined => {
  if (v.startsWith('$')) return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const numericType = (field: ConditionField) =>
  field.type === 'number' || field.type === 'integer' || field.type === 'id';

/** The editor of a condition's value, chosen by field type and operator; none for 有值 / 为空 / 变更了. */
export function ConditionValueInput({ field, op, value, onChange, lang, disabled }: Props) {
  const options = field.options?.map((o) => ({ value: o.value, label: optionLabel(field, o.value, lang) }));
  const shape = valueShape(op);
  if (shape === 'none') return null;
  if (shape === 'relative') {
    return (
      <RelativeTimeInput value={value as RelativeTime} onChange={onChange} lang={lang} disabled={disabled} />
    );
  }
  if (shape === 'pattern') {
    return (
      <Input
        value={value as string}
        onChange={(e) => onChange(e.target.value)}
        maxLength={MAX_PATTERN_LENGTH}
        placeholder={builderText('pattern', lang)}
        disabled={disabled}
        style={wide}
      />
    );
  }
  // Several values: 属于 / 不属于 / 包含任一 …, and changed_to on list fields.
  if (shape === 'list' || field.type === 'multiselect' || field.type === 'tags') {
    const list = Array.isArray(value) ? value.map(String) : [];
    const pickOptions = options && field.type !== 'tags';
    return (
      <Select
        mode={pickOptions ? 'multiple' : 'tags'}
        value={list}
        onChange={(next: string[]) =>
          onChange(numericType(field) ? next.map(toIdValue).filter((n) => n !== undefined) : next)
        }
        options={pickOptions ? options : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        tokenSeparators={pickOptions ? undefined : [',', '，']}
        placeholder={builderText(pickOptions ? 'value' : 'values', lang)}
        disabled={disabled}
        style={wide}
      />
    );
  }
  if ((field.type === 'select' || field.type === 'id') && options) {
    // Id fields with options (agents, groups, templates) keep numbers, plus tokens like `$me` (当前客服).
    const isId = field.type === 'id';
    return (
      <Select
        value={value === undefined || value === null ? undefined : String(value)}
        onChange={(v: string) => onChange(isId ? toIdValue(v) : v)}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={builderText('value', lang)}
        disabled={disabled}
        style={wide}
      />
    );
  }
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'id':
      return (
        <InputNumber
          value={value as number | undefined}
          onChange={(n) => onChange(n ?? undefined)}
          precision={field.type === 'number' ? undefined : 0}
          min={field.type === 'id' ? 1 : undefined}
          placeholder={builderText('value', lang)}
          disabled={disabled}
          style={{ width: 160 }}
        />
      );
    case 'boolean':
      return (
        <Switch
          checked={value === true}
          onChange={onChange}
          checkedChildren={builderText('yes', lang)}
          unCheckedChildren={builderText('no', lang)}
          disabled={disabled}
        />
      );
    case 'date':
    case 'datetime': {
      const withTime = field.type === 'datetime';
      return (
        <DatePicker
          value={typeof value === 'string' && value ? dayjs(value) : null}
          // Dates travel as 'YYYY-MM-DD'; instants as ISO 8601 with the browser's offset.
          onChange={(d) =>
            onChange(
              d ? (withTime ? d.second(0).millisecond(0).format() : d.format('YYYY-MM-DD')) : undefined,
            )
          }
          showTime={withTime ? { format: 'HH:mm' } : undefined}
          format={withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
          disabled={disabled}
          style={{ width: withTime ? 200 : 160 }}
        />
      );
    }
    default:
      return (
        <Input
          value={value as string | undefined}
          onChange={(e) => onChange(e.target.value)}
          maxLength={500}
          placeholder={builderText('value', lang)}
          disabled={disabled}
          style={wide}
        />
      );
  }
}
