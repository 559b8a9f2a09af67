import { MACRO_FORM_SYSTEM_KEYS } from '@yidan/contracts';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { fromFormValue, toFormValue } from '../../customers/components/customFieldValues';
import type { FieldDefinition } from '../../customers/types/customerTypes';

const CUSTOM = 'ticket.custom.';
type Values = Record<string, unknown>;

/**
 * A ticket form's values as macros read them, keyed like the condition catalogue ('ticket.priority',
 * 'ticket.custom.<key>'): only the fields the form has, dates as ISO, custom values as the API takes them.
 */
export function readMacroValues(form: FormInstance, defs: FieldDefinition[]): Values {
  const all = form.getFieldsValue() as Values;
  const values: Values = {};
  for (const key of MACRO_FORM_SYSTEM_KEYS) {
    const name = key.slice('ticket.'.length);
    if (!(name in all)) continue;
    const v = all[name];
    values[key] = name === 'dueAt' ? ((v as Dayjs | null | undefined)?.toISOString() ?? null) : (v ?? null);
  }
  const custom = (all.custom ?? {}) as Values;
  for (const def of defs)
    if (def.type !== 'calculated') values[`${CUSTOM}${def.key}`] = fromFormValue(def, custom[def.key]);
  return values;
}

/** Puts what macros changed into the form, in its controls' shapes (dates as dayjs). */
export function writeMacroValues(
  form: FormInstance,
  defs: FieldDefinition[],
  values: Values,
  changed: string[],
) {
  for (const key of changed) {
    const v = values[key];
    if (key.startsWith(CUSTOM)) {
      const def = defs.find((d) => d.key === key.slice(CUSTOM.length));
      if (def) form.setFieldValue(['custom', def.key], toFormValue(def, v));
      continue;
    }
    const name = key.slice('ticket.'.length);
    form.setFieldValue(name, name === 'dueAt' ? (typeof v === 'string' ? dayjs(v) : null) : v);
  }
}

/** The macro keys of a form change (antd's changedValues): 'priority' → 'ticket.priority'. */
export function changedMacroKeys(changed: Values): string[] {
  return Object.entries(changed).flatMap(([name, v]) =>
    name === 'custom' && v && typeof v === 'object'
      ? Object.keys(v).map((k) => `${CUSTOM}${k}`)
      : [`ticket.${name}`],
  );
}
