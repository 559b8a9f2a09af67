import type { Condition, ConditionField, Operator, RelativeUnit } from '@yidan/contracts';
import type { Lang } from '../../../i18n/lang';

type Text = { zh: string; en: string };
const pick = (text: Text, lang: Lang) => (lang === 'en' ? text.en : text.zh);

const OPERATOR_LABELS: Record<Operator, Text> = {
  is: { zh: '是', en: 'is' },
  is_not: { zh: '不是', en: 'is not' },
  lt: { zh: '小于', en: 'less than' },
  lte: { zh: '小于等于', en: 'at most' },
  gt: { zh: '大于', en: 'greater than' },
  gte: { zh: '大于等于', en: 'at least' },
  contains: { zh: '包含', en: 'contains' },
  not_contains: { zh: '不包含', en: 'does not contain' },
  starts_with: { zh: '开头是', en: 'starts with' },
  in: { zh: '属于', en: 'is one of' },
  not_in: { zh: '不属于', en: 'is none of' },
  includes_any: { zh: '包含任一', en: 'includes any of' },
  includes_all: { zh: '包含全部', en: 'includes all of' },
  includes_none: { zh: '都不包含', en: 'includes none of' },
  present: { zh: '有值', en: 'is present' },
  blank: { zh: '为空', en: 'is blank' },
  matches: { zh: '匹配正则', en: 'matches pattern' },
  before: { zh: '早于', en: 'before' },
  after: { zh: '晚于', en: 'after' },
  within_last: { zh: '过去…内', en: 'within the last' },
  within_next: { zh: '未来…内', en: 'within the next' },
  changed: { zh: '变更了', en: 'changed' },
  changed_to: { zh: '变更为', en: 'changed to' },
  changed_from: { zh: '变更自', en: 'changed from' },
};

const UNIT_LABELS: Record<RelativeUnit, Text> = {
  minutes: { zh: '分钟', en: 'minutes' },
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
};

const BUILDER_TEXT = {
  all: { zh: '满足以下全部条件', en: 'Meet ALL of these conditions' },
  any: { zh: '满足以下任意条件', en: 'Meet ANY of these conditions' },
  add: { zh: '添加条件', en: 'Add condition' },
  remove: { zh: '删除条件', en: 'Remove condition' },
  field: { zh: '选择字段', en: 'Field' },
  operator: { zh: '运算符', en: 'Operator' },
  value: { zh: '请输入值', en: 'Value' },
  values: { zh: '输入后回车，可填多个', en: 'Type and press Enter; several allowed' },
  pattern: { zh: '正则表达式，如 ^用友', en: 'Regular expression, e.g. ^Kingdee' },
  amount: { zh: '时长', en: 'Amount' },
  unknownField: { zh: '字段已不存在', en: 'Field no longer exists' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
} satisfies Record<string, Text>;
export type BuilderTextKey = keyof typeof BUILDER_TEXT;

/** Chinese or English label of an operator (是, 包含任一, 过去…内 …). */
export const operatorLabel = (op: Operator, lang: Lang): string => pick(OPERATOR_LABELS[op], lang);
export const unitLabel = (unit: RelativeUnit, lang: Lang): string => pick(UNIT_LABELS[unit], lang);
export const builderText = (key: BuilderTextKey, lang: Lang): string => pick(BUILDER_TEXT[key], lang);
export const fieldLabel = (field: ConditionField, lang: Lang): string => pick(field.label, lang);

/** The label of an option value, or the value itself when the field has no such option. */
export function optionLabel(field: ConditionField, value: string, lang: Lang): string {
  const option = field.options?.find((o) => o.value === value);
  return option ? pick(option.label, lang) : value;
}

/** One condition as a sentence for lists and summaries: "状态 属于 处理中、已解决". */
export function describeCondition(
  condition: Condition,
  fields: readonly ConditionField[],
  lang: Lang,
): string {
  const field = fields.find((f) => f.key === condition.field);
  const name = field ? fieldLabel(field, lang) : condition.field;
  const sep = lang === 'en' ? ', ' : '、';
  const show = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    if (Array.isArray(v)) return v.map(show).join(sep);
    if (typeof v === 'boolean') return builderText(v ? 'yes' : 'no', lang);
    if (typeof v === 'object' && 'amount' in v && 'unit' in v) {
      const rel = v as { amount: number; unit: RelativeUnit };
      return `${rel.amount} ${unitLabel(rel.unit, lang)}`;
    }
    return field && typeof v === 'string' ? optionLabel(field, v, lang) : String(v);
  };
  if ((condition.op === 'within_last' || condition.op === 'within_next') && lang !== 'en') {
    // 过去…内 reads as one phrase around its amount: 服务到期 未来 30 天内.
    return `${name} ${condition.op === 'within_last' ? '过去' : '未来'} ${show(condition.value)}内`;
  }
  return [name, operatorLabel(condition.op, lang), show(condition.value)].filter(Boolean).join(' ');
}
