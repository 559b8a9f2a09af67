import type {
  ConditionSet,
  MacroActionField,
  MacroMode,
  TriggerActionField,
  Visibility,
} from '@yidan/contracts';
import { actionValueMissing, initialActionValue } from '../../triggers/components/triggerFormValues';
import type { Macro, MacroCreate } from '../types/macroTypes';

/** One row of 进行这些操作 while editing: the action may not be chosen yet. */
export interface MacroActionDraft {
  field?: string;
  value?: unknown;
  onlyIfEmpty?: boolean;
}

export interface MacroFormValues {
  title: string;
  description: string;
  enabled: boolean;
  mode: MacroMode;
  watchFields: string[];
  conditions: ConditionSet;
  actions: MacroActionDraft[];
  elseActions: MacroActionDraft[];
  visibility: Visibility;
  templateIds: number[];
}

const EMPTY_CONDITIONS: ConditionSet = { all: [], any: [] };

export function emptyMacroValues(mode: MacroMode = 'manual'): MacroFormValues {
  return {
    title: '',
    description: '',
    enabled: true,
    mode,
    watchFields: [],
    conditions: EMPTY_CONDITIONS,
    actions: [{}],
    elseActions: [],
    visibility: { scope: 'all', groupIds: [], agentIds: [] },
    templateIds: [],
  };
}

export function macroToValues(m: Macro): MacroFormValues {
  return {
    title: m.title,
    description: m.description,
    enabled: m.enabled,
    mode: m.mode,
    watchFields: m.watchFields,
    conditions: m.conditions,
    actions: m.actions.map((a) => ({ ...a })),
    elseActions: m.elseActions.map((a) => ({ ...a })),
    visibility: m.visibility,
    templateIds: m.templateIds,
  };
}

/** The macro types the trigger editors already know, as the trigger helpers take them. */
const asTrigger = (spec: MacroActionField) => spec as unknown as TriggerActionField;

/** The value a freshly chosen action starts with, in the shape its editor edits. */
export function initialMacroValue(spec: MacroActionField | undefined): unknown {
  if (!spec) return undefined;
  switch (spec.valueType) {
    case 'fields':
    case 'macros':
      return [];
    case 'flag':
    case 'boolean':
      return true;
    default:
      return initialActionValue(asTrigger(spec));
  }
}

/** Whether the row still needs a value before it can be saved. */
export function macroValueMissing(spec: MacroActionField, value: unknown): boolean {
  switch (spec.valueType) {
    case 'fields':
    case 'macros':
      return !Array.isArray(value) || value.length === 0;
    case 'flag':
      return false;
    case 'boolean':
      return typeof value !== 'boolean';
    default:
      return actionValueMissing(asTrigger(spec), value);
  }
}

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

function valueForBody(spec: MacroActionField | undefined, value: unknown): unknown {
  switch (spec?.valueType) {
    case 'custom':
      return isBlank(value) ? null : value;
    case 'text':
      return typeof value === 'string' ? value.trim() : value;
    case 'flag':
      return true;
    default:
      return value;
  }
}

const actionsForBody = (drafts: MacroActionDraft[] | undefined, catalogue: MacroActionField[]) =>
  (drafts ?? []).map((a) => {
    const spec = catalogue.find((s) => s.key === a.field);
    return {
      field: a.field ?? '',
      value: valueForBody(spec, a.value),
      ...(a.onlyIfEmpty && spec?.emptiable ? { onlyIfEmpty: true } : {}),
    };
  });

export function valuesToMacroBody(v: MacroFormValues, catalogue: MacroActionField[]): MacroCreate {
  return {
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    enabled: v.enabled,
    mode: v.mode,
    watchFields: v.mode === 'change' ? (v.watchFields ?? []) : [],
    conditions: v.conditions ?? EMPTY_CONDITIONS,
    actions: actionsForBody(v.actions, catalogue),
    elseActions: actionsForBody(v.elseActions, catalogue),
    visibility: v.visibility,
    templateIds: v.templateIds ?? [],
  };
}
