import type { SlaMetric, SlaPolicy, TicketSla, TicketSlaMetric } from '@yidan/contracts';
import type { SlaPolicyRow } from './schema.js';

/** What `tickets.sla` holds: the API's shape, plus when it was computed. */
export type StoredSla = TicketSla & { computedAt: string };

/** The deadline of a metric now in force: running (not met) and not paused. */
const dueOf = (metrics: TicketSlaMetric[], metric: SlaMetric) => {
  const m = metrics.find((x) => x.metric === metric);
  return m && !m.fulfilledAt && !m.paused ? m.dueAt : null;
};

/** The SLA state of a ticket under a policy, as stored on the ticket and returned by the API. */
export function slaState(policy: SlaPolicyRow, metrics: TicketSlaMetric[], now: Date): StoredSla {
  return {
    policyId: policy.id,
    policyTitle: policy.title,
    businessHours: policy.businessHours,
    firstResponseDueAt: dueOf(metrics, 'firstResponse'),
    nextResponseDueAt: dueOf(metrics, 'nextResponse'),
    resolutionDueAt: dueOf(metrics, 'resolution'),
    breached: metrics.filter((m) => m.breached).map((m) => m.metric),
    paused: metrics.some((m) => m.paused),
    metrics,
    computedAt: now.toISOString(),
  };
}

/** The nearest deadline not yet met (breached ones included): `tickets.sla_due_at`, for sorting. */
export function nearestDue(metrics: TicketSlaMetric[]): Date | null {
  const times = metrics.filter((m) => !m.fulfilledAt && m.dueAt).map((m) => Date.parse(m.dueAt!));
  return times.length ? new Date(Math.min(...times)) : null;
}

/** A ticket's `sla` as the API returns it (null when no policy applies). */
export function presentTicketSla(stored: Record<string, unknown> | null): TicketSla | null {
  if (!stored || typeof stored.policyId !== 'number') return null;
  const { computedAt: _, ...sla } = stored as StoredSla;
  return sla;
}

export function presentSlaPolicy(p: SlaPolicyRow): SlaPolicy {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    enabled: p.enabled,
    sortOrder: p.sortOrder,
    conditions: p.conditions,
    targets: p.targets,
    businessHours: p.businessHours,
    pauseOnPending: p.pauseOnPending,
    actions: p.actions.map((a) => ({
      metric: a.metric,
      offsetMinutes: a.offsetMinutes,
      actions: a.actions.map((x) => ({ field: x.field, value: x.value ?? null })),
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
