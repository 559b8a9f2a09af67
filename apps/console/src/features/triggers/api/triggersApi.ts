import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { RulePreview } from '../components/RulePreviewModal';
import type { RuleKind } from '../ruleKinds';
import { RULE_KINDS } from '../ruleKinds';
import type { Rule, RuleCatalogue, RuleCreate, RuleUpdate } from '../types/triggerTypes';

const base = (kind: RuleKind) => RULE_KINDS[kind].apiPath;

/** 触发器 (5.1.6.1) or 自动化任务 (5.1.6.2) in the order they run, disabled ones too. */
export async function listRules(kind: RuleKind): Promise<Rule[]> {
  return (await api.get<ListOf<Rule>>(base(kind))).items;
}

/**
 * The condition fields and actions the builder offers: triggers have the change (event.type /
 * event.actorType), automations the time conditions (time.hoursSinceUpdated …).
 */
export function getRuleCatalogue(kind: RuleKind): Promise<RuleCatalogue> {
  return api.get<RuleCatalogue>(`${base(kind)}/catalogue`);
}

export function createRule(kind: RuleKind, body: RuleCreate): Promise<Rule> {
  return api.post<Rule>(base(kind), body);
}

export function updateRule(kind: RuleKind, id: number, body: RuleUpdate): Promise<Rule> {
  return api.patch<Rule>(`${base(kind)}/${id}`, body);
}

export function deleteRule(kind: RuleKind, id: number): Promise<void> {
  return api.delete(`${base(kind)}/${id}`);
}

/** 预览: the open tickets an automation with these conditions would act on now. */
export function previewAutomation(conditions: RuleCreate['conditions']): Promise<RulePreview> {
  return api.post<RulePreview>('/automations/preview', { conditions });
}

/** Listed ids first, in this order; the server keeps any others after them. */
export async function orderRules(kind: RuleKind, orderedIds: number[]): Promise<Rule[]> {
  return (await api.put<ListOf<Rule>>(`${base(kind)}/order`, { ids: orderedIds })).items;
}
