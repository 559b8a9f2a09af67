import type {
  Condition,
  ConditionField,
  ConditionSet,
  FieldDefinition,
  LocalizedLabel,
  TriggerAction,
} from '@yidan/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import {
  createFieldCatalogue,
  type FieldCatalogue,
  validateConditions,
} from '../../platform/rules/catalogue.js';
import type { ConditionColumns } from '../../platform/rules/compile.js';
import { type ConditionRecord, prepareEvaluator } from '../../platform/rules/evaluate.js';
import { type BusinessCalendar, businessMinutesBetween } from '../calendar/businessTime.js';
import { getBusinessHours, listCalendarDays } from '../calendar/service.js';
import {
  bindCurrentAgent,
  type TicketCatalogue,
  ticketCatalogue,
  ticketQueryFields,
} from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { type TicketRow, tickets } from '../tickets/schema.js';
import type { AssignmentValue } from './actions.js';

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });

/**
 * The times automations measure: hours since a ticket's timestamp (or until its due time). A
 * ticket without the timestamp (never assigned, not solved, no due time, not pending) fails every
 * time condition on it.
 */
interface TimeBase {
  /** `time.hoursSince<Name>` / `time.businessHoursSince<Name>` (`…Until…` for due). */
  name: string;
  until: boolean;
  zh: string;
  en: string;
  /** The timestamp measured from (null: the condition fails). */
  value: (t: TicketRow) => Date | null;
  column: SQL;
}
const TIME_BASES: TimeBase[] = [
  {
    name: 'Created',
    until: false,
    zh: '创建后',
    en: 'since created',
    value: (t) => t.createdAt,
    column: sql`${tickets.createdAt}`,
  },
  {
    name: 'Updated',
    until: false,
    zh: '更新后',
    en: 'since updated',
    value: (t) => t.updatedAt,
    column: sql`${tickets.updatedAt}`,
  },
  {
    name: 'StatusChanged',
    until: false,
    zh: '状态变更后',
    en: 'since status changed',
    value: (t) => t.statusChangedAt,
    column: sql`${tickets.statusChangedAt}`,
  },
  {
    name: 'Pending',
    until: false,
    zh: '待回应后',
    en: 'since pending',
    value: (t) => (t.status === 'pending' ? t.statusChangedAt : null),
    column: sql`(case when ${tickets.status} = 'pending' then ${tickets.statusChangedAt} end)`,
  },
  {
    name: 'Assigned',
    until: false,
    zh: '分配后',
    en: 'since assigned',
    value: (t) => t.assignedAt,
    column: sql`${tickets.assignedAt}`,
  },
  {
    name: 'Solved',
    until: false,
    zh: '解决后',
    en: 'since solved',
    value: (t) => t.solvedAt,
    column: sql`${tickets.solvedAt}`,
  },
  {
    name: 'Due',
    until: false,
    zh: '超过截止时间',
    en: 'since due',
    value: (t) => t.dueAt,
    column: sql`${tickets.dueAt}`,
  },
  {
    name: 'Due',
    until: true,
    zh: '距截止时间',
    en: 'until due',
    value: (t) => t.dueAt,
    column: sql`${tickets.dueAt}`,
  },
];

interface TimeField {
  key: string;
  base: TimeBase;
  business: boolean;
  /** The calendar-hours field of the same time (itself for calendar fields). */
  calendarKey: string;
}
const keyOf = (b: TimeBase, business: boolean) =>
  `time.${business ? 'businessHours' : 'hours'}${b.until ? 'Until' : 'Since'}${b.name}`;
const TIME: TimeField[] = TIME_BASES.flatMap((base) =>
  [false, true].map((business) => ({
    key: keyOf(base, business),
    base,
    business,
    calendarKey: keyOf(base, false),
  })),
);
const TIME_BY_KEY = new Map(TIME.map((t) => [t.key, t]));
export const isTimeField = (key: string) => TIME_BY_KEY.has(key);
const usesBusinessHours = (set: ConditionSet) =>
  [...set.all, ...set.any].some((c) => TIME_BY_KEY.get(c.field)?.business);

/** Operators a time condition may use (小时数 大于 / 小于 / 是 …) and the largest number of hours. */
const TIME_OPS = new Set(['is', 'lt', 'lte', 'gt', 'gte']);
const MAX_HOURS = 100_000;

/** The time fields of the condition builder, all whole hours (integer). */
export const TIME_FIELDS: ConditionField[] = TIME.map((t) => ({
  key: t.key,
  type: 'integer',
  label: label(
    `${t.base.zh}${t.business ? '工作' : ''}小时数`,
    `${t.business ? 'Business hours' : 'Hours'} ${t.base.en}`,
  ),
}));

/** Whole hours from `from` to `to` (negative when `to` is earlier), as SQL floor() does. */
const wholeHours = (ms: number) => Math.floor(ms / 3_600_000);

/**
 * The time columns for the SQL prefilter at `now`: whole calendar hours, null without the
 * timestamp. Business-hour fields have none (the prefilter uses calendar hours, see relaxBusiness).
 */
function timeColumns(now: Date): Record<string, SQL> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return Object.fromEntries(
    TIME.filter((t) => !t.business).map((t) => {
      const span = t.base.until ? sql`(${t.base.column} - ${at})` : sql`(${at} - ${t.base.column})`;
      return [t.key, sql`floor(extract(epoch from ${span}) / 3600)::bigint`];
    }),
  );
}

/**
 * A superset of the set for SQL: business hours never exceed calendar hours (same sign), so a
 * business condition `gt/gte n` (n ≥ 0) becomes the calendar condition; `is/lt/lte` becomes
 * "the timestamp exists". Business hours are then checked in memory.
 */
export function relaxBusiness(set: ConditionSet): ConditionSet {
  const relax = (c: Condition): Condition => {
    const t = TIME_BY_KEY.get(c.field);
    if (!t?.business) return c;
    return c.op === 'gt' || c.op === 'gte'
      ? { ...c, field: t.calendarKey }
      : { field: t.calendarKey, op: 'present' };
  };
  return { all: set.all.map(relax), any: set.any.map(relax) };
}

/** What the runner compiles and evaluates with: every ticket field of the vendor plus the time fields. */
export function automationRuntimeCatalogue(
  fields: FieldDefinition[],
  now: Date,
): { catalogue: FieldCatalogue; columns: ConditionColumns } {
  const base = ticketQueryFields({
    fields,
    packages: [],
    agents: [],
    groups: [],
    templates: [],
    masked: false,
  });
  return {
    catalogue: createFieldCatalogue([...base.fields, ...TIME_FIELDS]),
    columns: { ...base.columns, ...timeColumns(now) },
  };
}

/** The vendor's business calendar (weekly hours, holidays and make-up workdays). */
export async function vendorCalendar(db: Db, vendorId: number, timeZone: string): Promise<BusinessCalendar> {
  const [weekly, days] = await Promise.all([getBusinessHours(db, vendorId), listCalendarDays(db, vendorId)]);
  return {
    timeZone,
    weekly,
    spans: days.map((d) => ({ kind: d.kind, name: d.name, startDate: d.startDate, endDate: d.endDate })),
  };
}

/** The values of the time fields a set uses, for a ticket at `now` (business hours need the calendar). */
export function timeRecord(
  set: ConditionSet,
  row: TicketRow,
  now: Date,
  calendar: BusinessCalendar | null,
): ConditionRecord {
  const out: Record<string, number | null> = {};
  for (const c of [...set.all, ...set.any]) {
    const t = TIME_BY_KEY.get(c.field);
    if (!t || c.field in out) continue;
    const at = t.base.value(row);
    if (!at) {
      out[c.field] = null;
      continue;
    }
    const [from, to] = t.base.until ? [now, at] : [at, now];
    if (!t.business) out[c.field] = wholeHours(to.getTime() - from.getTime());
    else if (!calendar) out[c.field] = null;
    else {
      const minutes =
        to >= from ? businessMinutesBetween(from, to, calendar) : -businessMinutesBetween(to, from, calendar);
      out[c.field] = wholeHours(minutes * 60_000);
    }
  }
  return out;
}

/** Loads the calendar only for sets with business-hour conditions. */
export async function calendarFor(
  db: Db,
  vendorId: number,
  timeZone: string,
  sets: ConditionSet[],
): Promise<BusinessCalendar | null> {
  return sets.some(usesBusinessHours) ? vendorCalendar(db, vendorId, timeZone) : null;
}

/** The automation builder's condition catalogue: the caller's ticket catalogue plus time fields. */
export async function automationCatalogue(
  db: Db,
  ctx: Pick<TicketContext, 'actor' | 'fields' | 'masked'>,
): Promise<TicketCatalogue> {
  const base = await ticketCatalogue(db, ctx);
  const fields = [...base.fields, ...TIME_FIELDS];
  return { fields, columns: base.columns, catalogue: createFieldCatalogue(fields) };
}

/** Action field → the condition field whose value it sets. */
const SET_CONDITION: Record<string, string> = {
  'ticket.status': 'ticket.status',
  'ticket.priority': 'ticket.priority',
  'ticket.type': 'ticket.type',
  'ticket.groupId': 'ticket.groupId',
  'ticket.assigneeId': 'ticket.assigneeId',
  'ticket.templateId': 'ticket.templateId',
};

/**
 * Whether the actions make the condition false whatever the ticket was (Zendesk: "a condition
 * that an action nullifies"): a field the actions set to a value the condition refuses
 * (status is pending → set solved; priority is not urgent → set urgent), or tags the actions add
 * that the condition wants absent (tags include none of X → add X) or remove that it wants present.
 */
function nullifies(c: Condition, actions: TriggerAction[], catalogue: FieldCatalogue): boolean {
  const set = new Map<string, unknown>();
  const added: string[] = [];
  const removed: string[] = [];
  const ccAdded: string[] = [];
  for (const a of actions) {
    if (SET_CONDITION[a.field] && a.value !== '$me') set.set(SET_CONDITION[a.field]!, a.value ?? null);
    else if (a.field.startsWith('ticket.custom.')) set.set(a.field, a.value ?? null);
    else if (a.field === 'ticket.autoAssign') set.set('ticket.groupId', (a.value as AssignmentValue).groupId);
    else if (a.field === 'ticket.tags.add') added.push(...(a.value as string[]).map((t) => t.trim()));
    else if (a.field === 'ticket.tags.remove') removed.push(...(a.value as string[]).map((t) => t.trim()));
    else if (a.field === 'ticket.cc.add') ccAdded.push(...(a.value as number[]).map(String));
  }
  if (set.has(c.field)) {
    try {
      const test = prepareEvaluator({ all: [c], any: [] }, catalogue);
      return !test({ [c.field]: set.get(c.field) }, { now: new Date(), timeZone: 'UTC' });
    } catch {
      return false;
    }
  }
  const list = Array.isArray(c.value) ? c.value.map(String) : [];
  const overlaps = (xs: string[]) => list.some((v) => xs.includes(v));
  if (c.field === 'ticket.tags') {
    if (c.op === 'blank') return added.length > 0;
    if (c.op === 'includes_none') return overlaps(added);
    if (c.op === 'includes_any') return list.length > 0 && list.every((v) => removed.includes(v));
    if (c.op === 'includes_all') return overlaps(removed);
  }
  if (c.field === 'ticket.ccAgentIds') {
    if (c.op === 'blank') return ccAdded.length > 0;
    if (c.op === 'includes_none') return overlaps(ccAdded);
  }
  return false;
}

/**
 * What every automation must have (checked on save, like Zendesk): a time condition (in 全部条件,
 * or an 任意条件 list of time conditions only), a condition on the ticket itself, and a condition
 * its own actions nullify, so it cannot act on a ticket again and again. Time conditions take
 * is / lt / lte / gt / gte and a whole number of hours 0–100000.
 */
export function automationRuleErrors(
  conditions: ConditionSet,
  actions: TriggerAction[],
  catalogue: FieldCatalogue,
): AppError | null {
  const fieldErrors: FieldError[] = [];
  for (const part of ['all', 'any'] as const) {
    conditions[part].forEach((c, i) => {
      if (!isTimeField(c.field)) return;
      const at = `body.conditions.${part}.${i}`;
      if (!TIME_OPS.has(c.op)) fieldErrors.push({ path: `${at}.op`, message: 'operator_not_allowed' });
      else if (
        typeof c.value !== 'number' ||
        !Number.isInteger(c.value) ||
        c.value < 0 ||
        c.value > MAX_HOURS
      )
        fieldErrors.push({ path: `${at}.value`, message: 'expected_hours' });
    });
  }
  if (fieldErrors.length) return new AppError('validation_failed', {}, fieldErrors);
  const timed =
    conditions.all.some((c) => isTimeField(c.field)) ||
    (conditions.any.length > 0 && conditions.any.every((c) => isTimeField(c.field)));
  if (!timed)
    return new AppError('automation_no_time_condition', {}, [
      { path: 'body.conditions', message: 'automation_no_time_condition' },
    ]);
  if (![...conditions.all, ...conditions.any].some((c) => !isTimeField(c.field)))
    return new AppError('automation_no_ticket_condition', {}, [
      { path: 'body.conditions', message: 'automation_no_ticket_condition' },
    ]);
  // A condition in 全部条件 (or the only one in 任意条件) must fail once the actions ran.
  const decisive = [...conditions.all, ...(conditions.any.length === 1 ? conditions.any : [])];
  if (!decisive.some((c) => !isTimeField(c.field) && nullifies(c, actions, catalogue)))
    return new AppError('automation_never_nullified', {}, [
      { path: 'body.conditions', message: 'automation_never_nullified' },
    ]);
  return null;
}

/** Condition errors against the caller's automation catalogue (no change operators), `$me` bound to them. */
export async function automationConditionErrors(
  db: Db,
  ctx: TicketContext,
  conditions: ConditionSet,
): Promise<FieldError[]> {
  const cat = await automationCatalogue(db, ctx);
  const bound = bindCurrentAgent(conditions, ctx.actor.agentId);
  return validateConditions(bound, cat.catalogue, { events: false, path: 'body.conditions' });
}
