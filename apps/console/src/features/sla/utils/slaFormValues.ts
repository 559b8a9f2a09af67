import {
  type ConditionSet,
  SLA_METRICS,
  type SlaMetric,
  TICKET_PRIORITIES,
  type TicketPriority,
  type TriggerActionField,
} from '@yidan/contracts';
import {
  type ActionDraft,
  EMPTY_CONDITIONS,
  valuesToTriggerBody,
} from '../../triggers/components/triggerFormValues';
import type { SlaPolicy, SlaPolicyCreate } from '../types/slaTypes';

/** A target while editing: hours and minutes, both blank when the metric is not measured. */
export interface TargetDraft {
  hours?: number | null;
  minutes?: number | null;
}
export type TargetsDraft = Record<TicketPriority, Record<SlaMetric, TargetDraft>>;

/** 执行动作的时机 while editing: 首次响应时限 之前 30 分钟 → these actions. */
export interface TimingDraft {
  metric: SlaMetric;
  when: 'before' | 'after';
  minutes: number;
  actions: ActionDraft[];
}

export interface SlaFormValues {
  title: string;
  description: string;
  enabled: boolean;
  conditions: ConditionSet;
  targets: TargetsDraft;
  businessHours: boolean;
  pauseOnPending: boolean;
  actions: TimingDraft[];
}

/** Priorities as the targets table lists them: most urgent first. */
export const PRIORITIES_BY_URGENCY: TicketPriority[] = [...TICKET_PRIORITIES].reverse();

const emptyTargets = (): TargetsDraft =>
  Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [p, Object.fromEntries(SLA_METRICS.map((m) => [m, {}]))]),
  ) as TargetsDraft;

/** The manual's example (5.3.3 场景): 紧急 15 分钟响应 … 2 小时解决. */
export function emptySlaValues(): SlaFormValues {
  return {
    title: '',
    description: '',
    enabled: true,
    conditions: EMPTY_CONDITIONS,
    targets: emptyTargets(),
    businessHours: true,
    pauseOnPending: true,
    actions: [],
  };
}

export function slaToValues(p: SlaPolicy): SlaFormValues {
  const targets = emptyTargets();
  for (const priority of TICKET_PRIORITIES)
    for (const metric of SLA_METRICS) {
      const minutes = p.targets[priority]?.[metric];
      if (minutes) targets[priority][metric] = { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
    }
  return {
    title: p.title,
    description: p.description,
    enabled: p.enabled,
    conditions: p.conditions,
    targets,
    businessHours: p.businessHours,
    pauseOnPending: p.pauseOnPending,
    actions: p.actions.map((a) => ({
      metric: a.metric,
      when: a.offsetMinutes < 0 ? 'before' : 'after',
      minutes: Math.abs(a.offsetMinutes),
      actions: a.actions.map((x) => ({ field: x.field, value: x.value })),
    })),
  };
}

/** Minutes of a target cell; 0 or blank is no target. */
export const draftMinutes = (d: TargetDraft | undefined) => (d?.hours ?? 0) * 60 + (d?.minutes ?? 0);

export function valuesToSlaBody(v: SlaFormValues, catalogue: TriggerActionField[]): SlaPolicyCreate {
  const targets: SlaPolicyCreate['targets'] = {};
  for (const priority of TICKET_PRIORITIES) {
    const row: Partial<Record<SlaMetric, number>> = {};
    for (const metric of SLA_METRICS) {
      const minutes = draftMinutes(v.targets?.[priority]?.[metric]);
      if (minutes > 0) row[metric] = minutes;
    }
    if (Object.keys(row).length) targets[priority] = row;
  }
  return {
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    enabled: v.enabled,
    conditions: v.conditions ?? EMPTY_CONDITIONS,
    targets,
    businessHours: v.businessHours,
    pauseOnPending: v.pauseOnPending,
    actions: (v.actions ?? []).map((a) => ({
      metric: a.metric,
      offsetMinutes: (a.when === 'before' ? -1 : 1) * (a.minutes ?? 0),
      // The trigger editor's conversion (trimmed texts, blank custom values clear …).
      actions: valuesToTriggerBody(
        { title: '', description: '', enabled: true, conditions: EMPTY_CONDITIONS, actions: a.actions ?? [] },
        catalogue,
      ).actions,
    })),
  };
}
