import type { ConditionSet, TriggerActionField } from '@yidan/contracts';
import type { Rule, RuleCreate } from '../types/triggerTypes';

/** One row of 执行以下操作 while editing: the field may not be chosen yet. */
export interface ActionDraft {
  field?: string;
  value?: unknown;
}

export interface TriggerFormValues {
  title: string;
  description: string;
  enabled: boolean;
  conditions: ConditionSet;
  actions: ActionDraft[];
}

export const EMPTY_CONDITIONS: ConditionSet = { all: [], any: [] };

export function emptyTriggerValues(): TriggerFormValues {
  return { title: '', description: '', enabled: true, conditions: EMPTY_CONDITIONS, actions: [{}] };
}

export function triggerToValues(t: Rule): TriggerFormValues {
  return {
    title: t.title,
    description: t.description,
    enabled: t.enabled,
    conditions: t.conditions,
    actions: t.actions.map((a) => ({ field: a.field, value: a.value })),
  };
}

/** Actions that add something (tags, CC, notes, notifications) may repeat; set-type ones appear once. */
export const isRepeatable = (spec: TriggerActionField) =>
  spec.valueType === 'tags' ||
  spec.valueType === 'agents' ||
  spec.valueType === 'text' ||
  spec.valueType === 'notification' ||
  spec.valueType === 'target' ||
  spec.valueType === 'message';

/** The value a freshly chosen action starts with, in the shape its editor edits. */
export function initialActionValue(spec: TriggerActionField | undefined): unknown {
  switch (spec?.valueType) {
    case 'tags':
    case 'agents':
      return [];
    case 'text':
      return '';
    case 'notification':
      return { to: ['assignee'], title: '', body: '' };
    case 'assignment':
      return { groupId: undefined, strategy: spec.options?.[0]?.value ?? 'least_load' };
    case 'target':
      return {};
    case 'message':
      return { body: '' };
    default:
      return undefined;
  }
}

const blankText = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** Whether the row still needs a value before it can be saved (null means 清空 where allowed). */
export function actionValueMissing(spec: TriggerActionField, value: unknown): boolean {
  switch (spec.valueType) {
    case 'custom':
      return false; // blank clears the field
    case 'tags':
    case 'agents':
      return !Array.isArray(value) || value.length === 0;
    case 'text':
      return blankText(value);
    case 'notification': {
      const n = (value ?? {}) as { to?: unknown[]; title?: unknown };
      return !n.to?.length || blankText(n.title);
    }
    case 'assignment':
      return typeof (value as { groupId?: unknown } | undefined)?.groupId !== 'number';
    case 'target':
      return typeof (value as { targetId?: unknown } | undefined)?.targetId !== 'number';
    case 'message':
      return blankText((value as { body?: unknown } | undefined)?.body);
    default:
      return value === undefined || (value === null && !spec.nullable);
  }
}

const isBlankCustom = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

/** The value as the API takes it: trimmed text, no empty optional body, a blank custom value clears. */
function actionValueForBody(spec: TriggerActionField | undefined, value: unknown): unknown {
  switch (spec?.valueType) {
    case 'custom':
      return isBlankCustom(value) ? null : value;
    case 'text':
      return typeof value === 'string' ? value.trim() : value;
    case 'notification': {
      const n = value as { to: unknown[]; title: string; body?: string };
      const body = n.body?.trim();
      return { to: n.to, title: n.title.trim(), ...(body ? { body } : {}) };
    }
    default:
      return value;
  }
}

export function valuesToTriggerBody(v: TriggerFormValues, catalogue: TriggerActionField[]): RuleCreate {
  return {
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    enabled: v.enabled,
    conditions: v.conditions ?? EMPTY_CONDITIONS,
    actions: (v.actions ?? []).map((a) => ({
      field: a.field ?? '',
      value: actionValueForBody(
        catalogue.find((s) => s.key === a.field),
        a.value,
      ),
    })),
  };
}
