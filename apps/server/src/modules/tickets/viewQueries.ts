import type { LocalizedLabel } from '@yidan/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { conditionIssues } from '../../platform/rules/catalogue.js';
import { compileConditions } from '../../platform/rules/compile.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { agents, groups } from '../org/schema.js';
import {
  bindCurrentAgent,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
  type TicketCatalogue,
  ticketCatalogue,
} from './catalogue.js';
import { type TicketSort, ticketListWhere } from './list.js';
import { tickets, ticketTemplates } from './schema.js';
import { listTicketViews, usableTicketView, type ViewCaller, type ViewRecord } from './views.js';

/**
 * A view's conditions as a WHERE fragment for the caller (`$me` bound to them). Saved sets were
 * validated on save; one that no longer fits the catalogue (a custom field since deleted or
 * switched off) matches nothing rather than failing the list or widening it.
 */
export function viewCondition(ctx: ViewCaller, cat: TicketCatalogue, view: ViewRecord): SQL {
  const bound = bindCurrentAgent(view.conditions, ctx.actor.agentId);
  // Options removed since (a retired package) only make a condition false; anything else is stale.
  if (conditionIssues(bound, cat.catalogue).some((x) => x.message !== 'not_an_option')) return sql`false`;
  let where: SQL;
  try {
    where = compileConditions(bound, cat.catalogue, cat.columns, {
      now: new Date(),
      timeZone: ctx.actor.vendor.timeZone,
    });
  } catch (err) {
    if (err instanceof ConditionError) return sql`false`;
    throw err;
  }
  return view.templateId === null ? where : (and(where, eq(tickets.templateId, view.templateId)) as SQL);
}

/** The SQL value a view groups by (text), or null when the grouping is unknown. */
function groupExpression(groupBy: string | null, ctx: ViewCaller): SQL | null {
  switch (groupBy) {
    case 'status':
      return sql`${tickets.status}`;
    case 'priority':
      return sql`${tickets.priority}`;
    case 'assignee':
      return sql`(${tickets.assigneeId})::text`;
    case 'group':
      return sql`(${tickets.groupId})::text`;
    case 'template':
      return sql`(${tickets.templateId})::text`;
  }
  const key = groupBy?.startsWith('custom.') ? groupBy.slice('custom.'.length) : null;
  const field = key ? ctx.fields.find((f) => f.key === key && !f.system && f.type === 'select') : null;
  return field ? sql`nullif(${tickets.custom}->>${field.key}::text, '')` : null;
}

/** Restricts a view to one of its groups; '' is the group without a value (未分配, 无). */
function groupFilter(view: ViewRecord, ctx: ViewCaller, value: string): SQL {
  const x = groupExpression(view.groupBy, ctx);
  if (!x) return sql`true`;
  return value === '' ? sql`${x} is null` : sql`${x} = ${value}::text`;
}

export interface TicketViewFilter {
  where: SQL;
  sort: TicketSort;
}

/**
 * What listing or exporting tickets "by view" adds to the list's own filters: the view's
 * conditions (and template), optionally one group of it, and its default sort. Unknown or
 * invisible views are 404. The data scope stays with ticketListWhere.
 */
export async function ticketViewFilter(
  db: Db,
  ctx: ViewCaller,
  viewId: string,
  opts: { group?: string | undefined } = {},
): Promise<TicketViewFilter> {
  const view = await usableTicketView(db, ctx, viewId);
  const cat = await ticketCatalogue(db, ctx, { savedViews: true });
  const where = viewCondition(ctx, cat, view);
  return {
    where: opts.group === undefined ? where : (and(where, groupFilter(view, ctx, opts.group)) as SQL),
    sort: view.sort,
  };
}

/**
 * 查询器数量: the number of tickets in each sidebar view, in one query (a `count(*) filter` per
 * view over the tickets the caller may see).
 */
export async function ticketViewCounts(db: Db, ctx: ViewCaller): Promise<Record<string, number>> {
  const views = await listTicketViews(db, ctx, { manage: false, lang: 'zh-CN' });
  if (views.length === 0) return {};
  const cat = await ticketCatalogue(db, ctx, { savedViews: true });
  const columns = Object.fromEntries(
    views.map((v, i) => [
      `c${i}`,
      sql<number>`count(*) filter (where ${viewCondition(ctx, cat, v)})`.mapWith(Number),
    ]),
  );
  const [row] = await db.select(columns).from(tickets).where(ticketListWhere(ctx, {}));
  return Object.fromEntries(views.map((v, i) => [v.id, Number(row?.[`c${i}`] ?? 0)]));
}

export interface ViewGroup {
  /** The group's value ('' for none): pass it back as `viewGroup` to list the group. */
  value: string;
  label: LocalizedLabel | null;
  count: number;
}

async function namesOf(db: Db, vendorId: number, groupBy: string, ids: number[]) {
  if (ids.length === 0) return new Map<string, string>();
  const table = groupBy === 'assignee' ? agents : groupBy === 'group' ? groups : ticketTemplates;
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.vendorId, vendorId), inArray(table.id, ids)));
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/** 分组: ticket counts per value of the view's grouping, for the grouped list's headers. */
export async function ticketViewGroups(
  db: Db,
  ctx: ViewCaller,
  viewId: string,
): Promise<{ groupBy: string | null; items: ViewGroup[] }> {
  const view = await usableTicketView(db, ctx, viewId);
  const x = groupExpression(view.groupBy, ctx);
  if (!x) return { groupBy: null, items: [] };
  const cat = await ticketCatalogue(db, ctx, { savedViews: true });
  const rows = await db
    .select({ value: sql<string | null>`${x}`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(tickets)
    .where(ticketListWhere(ctx, { where: viewCondition(ctx, cat, view) }))
    // By position: a custom field's key is a bound parameter, which GROUP BY cannot match by text.
    .groupBy(sql`1`);
  const labelOf = await groupLabels(
    db,
    ctx,
    view.groupBy!,
    rows.map((r) => r.value),
  );
  const items = rows.map((r) => ({ value: r.value ?? '', label: labelOf(r.value), count: r.count }));
  // Statuses in their workflow order, priorities most urgent first; other groups largest first.
  const order =
    view.groupBy === 'status'
      ? Object.keys(TICKET_STATUS_LABELS)
      : view.groupBy === 'priority'
        ? Object.keys(TICKET_PRIORITY_LABELS).reverse()
        : null;
  items.sort((a, b) =>
    order
      ? order.indexOf(a.value) - order.indexOf(b.value)
      : b.count - a.count || a.value.localeCompare(b.value),
  );
  return { groupBy: view.groupBy, items };
}

async function groupLabels(
  db: Db,
  ctx: ViewCaller,
  groupBy: string,
  values: (string | null)[],
): Promise<(v: string | null) => LocalizedLabel | null> {
  const same = (s: string) => ({ zh: s, en: s });
  if (groupBy === 'status')
    return (v) => TICKET_STATUS_LABELS[v as keyof typeof TICKET_STATUS_LABELS] ?? null;
  if (groupBy === 'priority')
    return (v) => TICKET_PRIORITY_LABELS[v as keyof typeof TICKET_PRIORITY_LABELS] ?? null;
  if (groupBy.startsWith('custom.')) {
    const field = ctx.fields.find((f) => `custom.${f.key}` === groupBy);
    const options = new Map(field?.options.map((o) => [o.value, o.label]) ?? []);
    return (v) => (v === null ? null : same(options.get(v) ?? v));
  }
  const ids = values.filter((v): v is string => v !== null).map(Number);
  const names = await namesOf(db, ctx.actor.vendorId, groupBy, ids);
  return (v) => (v === null ? null : same(names.get(v) ?? v));
}
