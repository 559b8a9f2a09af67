import type { MacroActionField, TriggerActionField } from '@yidan/contracts';
import { Input, Segmented, Select, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { ActionValueInput } from '../../triggers/components/ActionValueInput';
import { pickLabel } from '../../triggers/components/actionOptions';

interface Props {
  spec: MacroActionField;
  value?: unknown;
  onChange?: (value: unknown) => void;
  testId?: string;
}

/**
 * The editor of one macro action's value: the trigger editors for field values, a text box for the
 * reply (Liquid placeholders) and the block message, pickers of form fields and macros, 是/否.
 */
export function MacroValueInput({ spec, value, onChange = () => undefined, testId }: Props) {
  const { t, lang } = useT();
  switch (spec.valueType) {
    case 'text':
      return (
        <Input.TextArea
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          placeholder={spec.key === 'submit.block' ? t('macros.value.block') : t('macros.value.reply')}
          aria-label={t('triggers.action.value')}
          data-testid={testId}
        />
      );
    case 'fields':
    case 'macros': {
      const list = Array.isArray(value) ? value.map(String) : [];
      return (
        <Select
          mode="multiple"
          value={list}
          onChange={(next: string[]) => onChange(spec.valueType === 'macros' ? next.map(Number) : next)}
          options={(spec.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={spec.valueType === 'macros' ? t('macros.value.macros') : t('macros.value.fields')}
          aria-label={t('triggers.action.value')}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    }
    case 'boolean':
      return (
        <Segmented<string>
          value={value === false ? 'no' : 'yes'}
          onChange={(v) => onChange(v === 'yes')}
          options={[
            { value: 'yes', label: t('triggers.value.yes') },
            { value: 'no', label: t('triggers.value.no') },
          ]}
          data-testid={testId}
        />
      );
    case 'flag':
      return <Typography.Text type="secondary">{t('macros.value.flag')}</Typography.Text>;
    default:
      // The field values are the triggers': the same editors.
      return (
        <ActionValueInput
          spec={spec as unknown as TriggerActionField}
          value={value}
          onChange={onChange}
          testId={testId}
        />
      );
  }
}
