import { DeleteOutlined } from '@ant-design/icons';
import type { Condition, ConditionField, Operator } from '@yidan/contracts';
import { Button, Flex, Select, Tooltip } from 'antd';
import type { Lang } from '../../../i18n/lang';
import { changeOperator, newCondition, operatorsFor } from '../utils/conditionDrafts';
import { builderText, fieldLabel, operatorLabel } from '../utils/conditionLabels';
import { ConditionValueInput } from './ConditionValueInput';

interface Props {
  condition: Condition;
  fields: readonly ConditionField[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
  lang: Lang;
  allowEvents: boolean;
  disabled?: boolean;
}

/** One condition: field → operator (only those its type allows) → value editor, and a remove button. */
export function ConditionRow({ condition, fields, onChange, onRemove, lang, allowEvents, disabled }: Props) {
  const field = fields.find((f) => f.key === condition.field);
  const fieldOptions = fields.map((f) => ({ value: f.key, label: fieldLabel(f, lang) }));
  const ops: readonly Operator[] = field ? operatorsFor(field, allowEvents) : [condition.op];

  const chooseField = (key: string) => {
    const next = fields.find((f) => f.key === key);
    if (next) onChange(newCondition(next, allowEvents));
  };

  return (
    <Flex gap={8} align="center" wrap data-testid="condition-row">
      <Tooltip title={field ? undefined : builderText('unknownField', lang)}>
        <Select
          value={condition.field}
          onChange={chooseField}
          options={fieldOptions}
          showSearch={{ optionFilterProp: 'label' }}
          status={field ? undefined : 'error'}
          placeholder={builderText('field', lang)}
          aria-label={builderText('field', lang)}
          disabled={disabled}
          style={{ width: 200 }}
        />
      </Tooltip>
      <Select
        value={condition.op}
        onChange={(op: Operator) => onChange(changeOperator(condition, field, op))}
        options={ops.map((op) => ({ value: op, label: operatorLabel(op, lang) }))}
        aria-label={builderText('operator', lang)}
        disabled={disabled || !field}
        style={{ width: 140 }}
      />
      {field && (
        <ConditionValueInput
          field={field}
          op={condition.op}
          value={condition.value}
          onChange={(value) => onChange({ ...condition, value })}
          lang={lang}
          disabled={disabled}
        />
      )}
      <Button
        type="text"
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={builderText('remove', lang)}
        title={builderText('remove', lang)}
        disabled={disabled}
      />
    </Flex>
  );
}
