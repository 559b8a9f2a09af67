import {
  type Condition,
  type ConditionField,
  type ConditionFieldType,
  isEventOperator,
  OPERATORS_BY_TYPE,
  type Operator,
  valueShape,
} from '@yidan/contracts';

/** Operators the builder offers for a field: event operators only where the rule reacts to changes. */
export function operatorsFor(field: ConditionField, allowEvents: boolean): readonly Operator[] {
  const ops = OPERATORS_BY_TYPE[field.type];
  return allowEvents ? ops : ops.filter((op) => !isEventOperator(op));
}

/** A starting value that fits the operator's shape, so switching operators never leaves a wrong shape. */
export function defaultValue(type: ConditionFieldType, op: Operator): unknown {
  switch (valueShape(op)) {
    case 'none':
      return undefined;
    case 'list':
      return [];
    case 'relative':
      return { amount: 1, unit: 'days' };
    case 'pattern':
      return '';
    case 'single':
      if (type === 'boolean') return true;
      return type === 'multiselect' || type === 'tags' ? [] : undefined;
  }
}

const withValue = (condition: Omit<Condition, 'value'>, value: unknown): Condition =>
  value === undefined ? condition : { ...condition, value };

/** A fresh row on a field, with its first operator. */
export function newCondition(field: ConditionField, allowEvents: boolean): Condition {
  const op = operatorsFor(field, allowEvents)[0] ?? 'present';
  return withValue({ field: field.key, op }, defaultValue(field.type, op));
}

/** The row after choosing another operator: the value stays when it still has the right shape. */
export function changeOperator(
  condition: Condition,
  field: ConditionField | undefined,
  op: Operator,
): Condition {
  const type = field?.type ?? 'text';
  const keep = valueShape(op) === valueShape(condition.op) && valueShape(op) !== 'none';
  return withValue({ field: condition.field, op }, keep ? condition.value : defaultValue(type, op));
}
