import type { SlaMetric, TicketSlaMetric, TicketStatus } from '@yidan/contracts';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
} from '../calendar/businessTime.js';

/**
 * The SLA clock (pure): from a ticket's history, the state of each metric a policy sets a target
 * for — when its clock started, its deadline, whether it is met, breached or paused — with
 * Zendesk's semantics:
 *
 * - 首次响应 (first reply time) runs from creation to the first public agent reply;
 * - 二次响应 (next reply time) runs from a customer's public reply (the oldest one not yet
 *   answered, once the first reply was given) to the next public agent reply;
 * - 解决 runs from creation while the ticket is unsolved (new, open, and pending unless the policy
 *   pauses there — Zendesk's requester wait time; without pausing, its full resolution time) and is
 *   met when solved; reopening resumes it where it stopped;
 * - solving meets every running metric; a met metric stays met (apply.ts keeps its result).
 *
 * Minutes are calendar minutes or business minutes of the vendor calendar (holidays, 调休).
 */

export interface SlaHistory {
  createdAt: Date;
  /** The status from creation on: each change in order, the first at creation. */
  statuses: { at: Date; status: TicketStatus }[];
  /** Public replies in order: by an agent, or by the customer. */
  replies: { at: Date; by: 'agent' | 'customer' }[];
}

export interface SlaTerms {
  /** Minutes per metric for the ticket's priority; a metric without one is not measured. */
  targets: Partial<Record<SlaMetric, number>>;
  businessHours: boolean;
  pauseOnPending: boolean;
}

/** How time is counted: calendar minutes, or business minutes of a calendar. */
interface Minutes {
  between(from: Date, to: Date): number;
  /** The instant `minutes` after `from`; null when the calendar has no working time ahead. */
  add(from: Date, minutes: number): Date | null;
}

const calendarMinutes: Minutes = {
  between: (from, to) => Math.max(0, to.getTime() - from.getTime()) / 60_000,
  add: (from, minutes) => new Date(from.getTime() + minutes * 60_000),
};

const businessMinutes = (cal: BusinessCalendar): Minutes => ({
  between: (from, to) => businessMinutesBetween(from, to, cal),
  add: (from, minutes) => addBusinessMinutes(from, minutes, cal),
});

/** A stretch of time the clock ran; `to: null` is still running. */
type Interval = { from: Date; to: Date | null };

const SOLVED: TicketStatus[] = ['solved', 'closed'];
const isSolved = (s: TicketStatus) => SOLVED.includes(s);

/** The status stretches of the history, each until the next change (the last one open). */
function statusStretches(h: SlaHistory) {
  return h.statuses.map((s, i) => ({ ...s, until: h.statuses[i + 1]?.at ?? null }));
}

/** When the ticket was last solved (or closed) while it is so now; null while unsolved. */
function solvedAt(h: SlaHistory): Date | null {
  let at: Date | null = null;
  for (const s of h.statuses) {
    if (!isSolved(s.status)) at = null;
    else at ??= s.at;
  }
  return at;
}

/** 首次响应: creation until the first public agent reply or the first solve. */
function firstResponse(h: SlaHistory) {
  const reply = h.replies.find((r) => r.by === 'agent')?.at ?? null;
  const solve = h.statuses.find((s) => isSolved(s.status))?.at ?? null;
  const end = [reply, solve].filter((d): d is Date => d !== null).sort((a, b) => +a - +b)[0] ?? null;
  return { startedAt: h.createdAt, intervals: [{ from: h.createdAt, to: end }], fulfilledAt: end };
}

/**
 * 二次响应: the last measurement — from the oldest customer reply not yet answered (after the first
 * response) to the next public agent reply or solve; null when the customer never waited for one.
 */
function nextResponse(h: SlaHistory) {
  const events = [
    ...h.replies.map((r) => ({ at: r.at, kind: r.by })),
    ...h.statuses.filter((s) => isSolved(s.status)).map((s) => ({ at: s.at, kind: 'solve' as const })),
  ].sort((a, b) => +a.at - +b.at);
  let answered = false;
  let waiting: Date | null = null;
  let last: Interval | null = null;
  for (const e of events) {
    if (e.kind === 'customer') {
      if (answered && waiting === null) waiting = e.at;
    } else if (!answered) answered = true;
    else if (waiting !== null) {
      last = { from: waiting, to: e.at };
      waiting = null;
    }
  }
  if (waiting !== null) last = { from: waiting, to: null };
  return last && { startedAt: last.from, intervals: [last], fulfilledAt: last.to };
}

/** 解决: the stretches in counting statuses (new, open; pending unless paused there). */
function resolution(h: SlaHistory, pauseOnPending: boolean) {
  const counts = (s: TicketStatus) => s === 'new' || s === 'open' || (s === 'pending' && !pauseOnPending);
  const intervals = statusStretches(h)
    .filter((s) => counts(s.status))
    .map((s) => ({ from: s.at, to: s.until }));
  const current = h.statuses.at(-1)?.status;
  return {
    startedAt: h.createdAt,
    intervals,
    fulfilledAt: solvedAt(h),
    paused: current === 'pending' && pauseOnPending,
  };
}

/**
 * Walks the intervals the clock ran: the deadline is where the target is used up — inside a past
 * interval (reached), or projected into the running one; while paused before it, there is none.
 */
function measure(
  metric: SlaMetric,
  target: number,
  m: { startedAt: Date; intervals: Interval[]; fulfilledAt: Date | null; paused?: boolean },
  minutes: Minutes,
  now: Date,
): TicketSlaMetric {
  let used = 0;
  let dueAt: Date | null = null;
  const until = m.fulfilledAt ?? now;
  for (const { from, to } of m.intervals) {
    if (dueAt === null) {
      const candidate = minutes.add(from, target - used);
      if (candidate && (to === null || candidate <= to)) dueAt = candidate;
    }
    // biome-ignore lint/complexity/useMathMinMax: Dates, not numbers
    used += minutes.between(from, to ?? (until > from ? until : from));
  }
  return {
    metric,
    targetMinutes: target,
    startedAt: m.startedAt.toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    fulfilledAt: m.fulfilledAt?.toISOString() ?? null,
    breached: dueAt !== null && dueAt <= until,
    paused: !m.fulfilledAt && (m.paused ?? false),
    remainingMinutes: Math.round(target - used),
  };
}

/** Each metric the terms set a target for and the history has a measurement of, at `now`. */
export function measureSla(
  terms: SlaTerms,
  history: SlaHistory,
  calendar: BusinessCalendar | null,
  now: Date,
): TicketSlaMetric[] {
  const minutes = terms.businessHours && calendar ? businessMinutes(calendar) : calendarMinutes;
  const out: TicketSlaMetric[] = [];
  const first = terms.targets.firstResponse;
  if (first) out.push(measure('firstResponse', first, firstResponse(history), minutes, now));
  const next = terms.targets.nextResponse;
  const waiting = next ? nextResponse(history) : null;
  if (next && waiting) out.push(measure('nextResponse', next, waiting, minutes, now));
  const resolve = terms.targets.resolution;
  if (resolve)
    out.push(measure('resolution', resolve, resolution(history, terms.pauseOnPending), minutes, now));
  return out;
}

/**
 * A met metric stays met (Zendesk): the same measurement (same start) met before keeps the
 * target, deadline and breach it was met with, whatever the priority or policy is now.
 */
export function keepFulfilled(previous: TicketSlaMetric[], next: TicketSlaMetric[]): TicketSlaMetric[] {
  return next.map((m) => {
    const before = previous.find((p) => p.metric === m.metric);
    return before?.fulfilledAt && m.fulfilledAt && before.startedAt === m.startedAt ? before : m;
  });
}
