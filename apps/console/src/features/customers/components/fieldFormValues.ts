import type { FieldOption, ReadOnlyScope } from '@yidan/contracts';
import type {
  FieldCreate,
  FieldDefinition,
  FieldEntity,
  FieldType,
  FieldUpdate,
} from '../types/customerTypes';

export interface FieldFormValues {
  label: string;
  key?: string;
  type: FieldType;
  options?: { label: string; value?: string }[];
  cascade?: FieldOption[];
  required: boolean;
  readOnly: ReadOnlyScope;
  regex?: string;
  enabled: boolean;
  /** Ticket-only settings: rating `max`, calculated `expression` and `precision`. */
  config?: { max?: number; expression?: string; precision?: number };
}

export const CHOICE_TYPES: FieldType[] = ['select', 'multiselect'];
/** Types whose settings live in `config`. */
export const CONFIG_TYPES: FieldType[] = ['rating', 'calculated'];
export const DEFAULT_RATING_MAX = 5;

export function emptyFieldValues(): FieldFormValues {
  return {
    label: '',
    type: 'text',
    options: [],
    cascade: [],
    required: false,
    readOnly: { all: false, groupIds: [], agentIds: [] },
    enabled: true,
    config: { max: DEFAULT_RATING_MAX },
  };
}

export function fieldToValues(field: FieldDefinition): FieldFormValues {
  return {
    label: field.label,
    key: field.key,
    type: field.type,
    options: CHOICE_TYPES.includes(field.type)
      ? field.options.map((o) => ({ label: o.label, value: o.value }))
      : [],
    cascade: field.type === 'cascade' ? field.options : [],
    required: field.required,
    readOnly: field.readOnly,
    regex: field.regex ?? undefined,
    enabled: field.enabled,
    config: (field.config ?? {}) as FieldFormValues['config'],
  };
}

function optionsOf(v: FieldFormValues): FieldOption[] | undefined {
  if (CHOICE_TYPES.includes(v.type)) {
    return (v.options ?? []).map((o) => ({
      label: o.label.trim(),
      value: o.value?.trim() || o.label.trim(),
    }));
  }
  if (v.type === 'cascade') return v.cascade ?? [];
  return undefined;
}

function configOf(type: FieldType, v: FieldFormValues): Record<string, unknown> | undefined {
  if (type === 'rating') return { max: v.config?.max ?? DEFAULT_RATING_MAX };
  if (type === 'calculated') {
    const precision = v.config?.precision;
    return {
      expression: v.config?.expression?.trim() ?? '',
      ...(precision === undefined || precision === null ? {} : { precision }),
    };
  }
  return undefined;
}

export function valuesToCreate(entity: FieldEntity, v: FieldFormValues): FieldCreate {
  const options = optionsOf(v);
  return {
    entity,
    label: v.label.trim(),
    type: v.type,
    ...(v.key?.trim() ? { key: v.key.trim() } : {}),
    ...(options ? { options } : {}),
    required: v.required,
    readOnly: v.readOnly,
    ...(v.type === 'regex' && v.regex ? { regex: v.regex } : {}),
    ...(CONFIG_TYPES.includes(v.type) ? { config: configOf(v.type, v) } : {}),
  };
}

/** System fields only take a new name; a custom field's key is sent only when it was changed. */
export function valuesToUpdate(field: FieldDefinition, v: FieldFormValues): FieldUpdate {
  if (field.system) return { label: v.label.trim() };
  const options = optionsOf(v);
  return {
    label: v.label.trim(),
    ...(v.key?.trim() && v.key.trim() !== field.key ? { key: v.key.trim() } : {}),
    ...(options ? { options } : {}),
    required: v.required,
    readOnly: v.readOnly,
    ...(field.type === 'regex' ? { regex: v.regex?.trim() || null } : {}),
    ...(CONFIG_TYPES.includes(field.type) ? { config: configOf(field.type, v) } : {}),
    enabled: v.enabled,
  };
}

/** Two options with the same stored value would be indistinguishable in records. */
export function duplicateOptionValue(v: FieldFormValues): string | null {
  const values = (optionsOf(v) ?? []).map((o) => o.value);
  return values.find((value, i) => values.indexOf(value) !== i) ?? null;
}
