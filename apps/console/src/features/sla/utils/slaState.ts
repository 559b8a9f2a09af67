import type { TicketSla, TicketSlaMetric } from '../types/slaTypes';

/** What a metric shows at `now`: met (on time or late), paused, running or overdue. */
export type MetricState =
  | { kind: 'met'; late: boolean }
  | { kind: 'paused'; remainingMinutes: number }
  | { kind: 'running'; dueAt: number; minutesLeft: number }
  | { kind: 'overdue'; dueAt: number; minutesOver: number };

export function metricState(m: TicketSlaMetric, now: number): MetricState {
  if (m.fulfilledAt) return { kind: 'met', late: m.breached };
  if (m.paused || !m.dueAt) return { kind: 'paused', remainingMinutes: m.remainingMinutes };
  const dueAt = Date.parse(m.dueAt);
  return dueAt <= now
    ? { kind: 'overdue', dueAt, minutesOver: (now - dueAt) / 60_000 }
    : { kind: 'running', dueAt, minutesLeft: (dueAt - now) / 60_000 };
}

/** The metric the list shows: the running one due first (overdue ones included), else a paused one. */
export function nearestMetric(sla: TicketSla): TicketSlaMetric | null {
  const running = sla.metrics
    .filter((m) => !m.fulfilledAt && !m.paused && m.dueAt)
    .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  return running[0] ?? sla.metrics.find((m) => !m.fulfilledAt && m.paused) ?? null;
}
