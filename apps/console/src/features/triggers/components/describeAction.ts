import type { TriggerAction, TriggerActionField } from '@yidan/contracts';
import type { Lang } from '../../../i18n/lang';
import { pickLabel } from './actionOptions';

/**
 * One action as a short phrase for the list: "优先级 → 紧急" when the value is an option of the
 * catalogue, else the action's name alone (notes and notifications are too long to show).
 */
export function describeAction(action: TriggerAction, catalogue: TriggerActionField[], lang: Lang): string {
  const spec = catalogue.find((s) => s.key === action.field);
  if (!spec) return action.field;
  const name = pickLabel(spec.label, lang);
  const values = Array.isArray(action.value) ? action.value : [action.value];
  const shown = values
    .map((v) => spec.options?.find((o) => o.value === String(v)))
    .filter((o) => o !== undefined)
    .map((o) => pickLabel(o.label, lang));
  if (spec.valueType === 'tags' && Array.isArray(action.value)) shown.push(...action.value.map(String));
  return shown.length ? `${name} → ${shown.join(lang === 'en' ? ', ' : '、')}` : name;
}
