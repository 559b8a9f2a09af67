import type { LocalizedLabel, TriggerActionField } from '@yidan/contracts';
import type { Lang } from '../../../i18n/lang';
import type { DirectoryAgent } from '../../org/api/agentsApi';
import type { DirectoryGroup } from '../../org/api/groupsApi';

/** The Select value standing for null (清空): a Select cannot hold null as a chosen option. */
export const CLEAR = '__clear__';

export const pickLabel = (l: LocalizedLabel, lang: Lang) => (lang === 'en' ? l.en : l.zh);

/** An id as the API takes it: numbers for agents and groups, tokens such as `$me` or `assignee` as text. */
export const toId = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

/** The catalogue's options that are not ids: `$me` (更新者), `assignee` (处理客服). */
export const tokenOptions = (spec: TriggerActionField, lang: Lang) =>
  (spec.options ?? [])
    .filter((o) => !/^\d+$/.test(o.value))
    .map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }));

/** Enabled agents from the directory, plus any disabled one the value still names. */
export const agentOptions = (agents: DirectoryAgent[], keep: unknown[] = []) =>
  agents.filter((a) => a.enabled || keep.includes(a.id)).map((a) => ({ value: String(a.id), label: a.name }));

export const groupOptions = (groups: DirectoryGroup[]) =>
  groups.map((g) => ({ value: String(g.id), label: g.name }));

/** Where an action is listed in the picker, as the manual's separators group them. */
export function actionGroup(spec: TriggerActionField): 'system' | 'custom' | 'other' | 'notify' {
  if (spec.key.startsWith('notify.') || spec.key === 'target') return 'notify';
  if (spec.valueType === 'custom') return 'custom';
  if (spec.valueType === 'tags' || spec.valueType === 'agents' || spec.valueType === 'text') return 'other';
  return 'system';
}
