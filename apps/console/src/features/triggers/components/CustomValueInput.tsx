import type { TriggerActionField } from '@yidan/contracts';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { CLEAR, pickLabel } from './actionOptions';

interface Props {
  spec: TriggerActionField;
  value: unknown;
  onChange: (value: unknown) => void;
  testId?: string;
}

const wide = { width: '100%' };

/**
 * A custom field's value, by the field's own type. Left blank it clears the field (sent as null);
 * the server checks the value like any write to the field.
 */
export function CustomValueInput({ spec, value, onChange, testId }: Props) {
  const { t, lang } = useT();
  const options = (spec.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }));
  const common = { 'aria-label': t('triggers.action.value'), 'data-testid': testId };
  switch (spec.customType) {
    case 'select':
      return (
        <Select
          value={value === null ? CLEAR : (value as string | undefined)}
          onChange={(v: string) => onChange(v === CLEAR ? null : v)}
          options={[{ value: CLEAR, label: t('triggers.value.clear') }, ...options]}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('triggers.value.pick')}
          style={wide}
          {...common}
        />
      );
    case 'multiselect':
      return (
        <Select
          mode="multiple"
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('triggers.value.pick')}
          style={wide}
          {...common}
        />
      );
    case 'checkbox':
      return (
        <Select
          value={value === true ? 'yes' : value === false ? 'no' : value === null ? CLEAR : undefined}
          onChange={(v: string) => onChange(v === CLEAR ? null : v === 'yes')}
          options={[
            { value: 'yes', label: t('triggers.value.yes') },
            { value: 'no', label: t('triggers.value.no') },
            { value: CLEAR, label: t('triggers.value.clear') },
          ]}
          placeholder={t('triggers.value.pick')}
          style={wide}
          {...common}
        />
      );
    case 'integer':
    case 'decimal':
    case 'rating':
      return (
        <InputNumber
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange(n ?? null)}
          precision={spec.customType === 'decimal' ? undefined : 0}
          min={spec.customType === 'rating' ? 1 : undefined}
          placeholder={t('triggers.value.blankClears')}
          style={wide}
          {...common}
        />
      );
    case 'date':
    case 'datetime': {
      const withTime = spec.customType === 'datetime';
      return (
        <DatePicker
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) =>
            onChange(d ? (withTime ? d.second(0).millisecond(0).format() : d.format('YYYY-MM-DD')) : null)
          }
          showTime={withTime ? { format: 'HH:mm' } : undefined}
          format={withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
          placeholder={t('triggers.value.blankClears')}
          style={wide}
          {...common}
        />
      );
    }
    case 'cascade':
      // The levels in order (省 → 市 → 区); the server checks them against the field's tree.
      return (
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          placeholder={t('triggers.value.blankClears')}
          style={wide}
          {...common}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={10_000}
          placeholder={t('triggers.value.blankClears')}
          {...common}
        />
      );
    default:
      return (
        <Input
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          maxLength={500}
          placeholder={t('triggers.value.blankClears')}
          {...common}
        />
      );
  }
}
