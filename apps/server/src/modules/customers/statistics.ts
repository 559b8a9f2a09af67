import {
  type ChannelCounts,
  type CustomerStatisticsPage,
  type CustomerStatisticsQuery,
  type CustomerStatisticsRow,
  RECORD_CHANNELS,
} from '@yidan/contracts';
import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { localTime } from '../calendar/clock.js';
import { type CustomerContext, companyScope } from './context.js';
import { companies } from './schema.js';
import { daysBetween } from './serviceStatus.js';

/**
 * 客户统计 (manual 2.12): per company in the caller's data scope, its services by channel (service
 * records), its tickets (all of them, open ones) and its last service. Ticket counts are totals
 * of the company and ignore the caller's ticket data scope: they reveal no ticket's content.
 */

const channelColumns = sql.join(
  RECORD_CHANNELS.map((c) => sql`count(*) filter (where r.channel = ${c})::int as ${sql.identifier(c)}`),
  sql`, `,
);

/** companies plus two lateral aggregates: s (service records) and k (tickets); no alias on companies, so companyScope applies. */
const FROM = sql`
  from companies
  left join lateral (
    select ${channelColumns}, count(*)::int as total, max(r.started_at) as last
    from service_records r
    where r.vendor_id = companies.vendor_id and r.company_id = companies.id
  ) s on true
  left join lateral (
    select count(*)::int as tickets,
      count(*) filter (where t.status in ('new', 'open', 'pending'))::int as open
    from tickets t
    where t.vendor_id = companies.vendor_id and t.company_id = companies.id and t.merged_into_id is null
  ) k on true`;

const SORTS = {
  lastService: { expr: sql`coalesce(s.last, '-infinity'::timestamptz)`, cast: sql`timestamptz`, desc: false },
  '-lastService': {
    expr: sql`coalesce(s.last, '-infinity'::timestamptz)`,
    cast: sql`timestamptz`,
    desc: true,
  },
  name: { expr: sql`${companies.name}`, cast: sql`text`, desc: false },
  '-totalServices': { expr: sql`s.total`, cast: sql`int`, desc: true },
} as const;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(ctx: CustomerContext, q: CustomerStatisticsQuery): SQL {
  const where: (SQL | undefined)[] = [eq(companies.vendorId, ctx.actor.vendorId), companyScope(ctx)];
  if (q.q) where.push(or(ilike(companies.name, like(q.q)), eq(companies.serviceCode, q.q)));
  if (q.companyId) where.push(eq(companies.id, q.companyId));
  if (q.groupId) where.push(eq(companies.groupId, q.groupId));
  if (q.ownerAgentId) where.push(eq(companies.ownerAgentId, q.ownerAgentId));
  if (q.notServedDays)
    where.push(sql`(s.last is null or s.last < now() - make_interval(days => ${q.notServedDays}))`);
  return and(...where) as SQL;
}

const encodeCursor = (v: string, id: number) => Buffer.from(JSON.stringify([v, id])).toString('base64url');
function decodeCursor(c: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isSafeInteger(v[1]))
      return [v[0], v[1] as number];
  } catch {}
  throw new AppError('validation_failed', {}, [{ path: 'querystring.cursor', message: 'invalid_cursor' }]);
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const counts = (r: Raw): ChannelCounts =>
  Object.fromEntries(RECORD_CHANNELS.map((c) => [c, num(r[c])])) as ChannelCounts;
const instant = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));

export async function customerStatistics(
  db: Db,
  ctx: CustomerContext,
  q: CustomerStatisticsQuery,
): Promise<CustomerStatisticsPage> {
  const limit = q.limit ?? 50;
  const sort = SORTS[q.sort ?? 'lastService'];
  const where = filters(ctx, q);
  const dir = sort.desc ? sql`desc` : sql`asc`;
  let after: SQL | undefined;
  if (q.cursor) {
    const [v, id] = decodeCursor(q.cursor);
    const key = sql`(${sort.expr}, ${companies.id})`;
    const at = sql`(${v}::${sort.cast}, ${id})`;
    after = sort.desc ? sql`${key} < ${at}` : sql`${key} > ${at}`;
  }
  const page = await db.execute(sql`
    select ${companies.id} as id, ${companies.name} as name, ${companies.ownerAgentId} as owner_agent_id,
      a.name as owner_agent_name, ${companies.serviceEnd}::text as service_end,
      ${sql.join(
        RECORD_CHANNELS.map((c) => sql`coalesce(s.${sql.identifier(c)}, 0) as ${sql.identifier(c)}`),
        sql`, `,
      )},
      coalesce(s.total, 0) as total, s.last as last, coalesce(k.tickets, 0) as tickets,
      coalesce(k.open, 0) as open, (${sort.expr})::text as sort_key
    ${FROM}
    left join agents a on a.vendor_id = companies.vendor_id and a.id = companies.owner_agent_id
    where ${where} ${after ? sql`and ${after}` : sql``}
    order by ${sort.expr} ${dir}, ${companies.id} ${dir}
    limit ${limit + 1}`);
  const [summary] = (
    await db.execute(sql`
    select count(*)::int as companies,
      ${sql.join(
        RECORD_CHANNELS.map(
          (c) => sql`coalesce(sum(s.${sql.identifier(c)}), 0)::int as ${sql.identifier(c)}`,
        ),
        sql`, `,
      )},
      coalesce(sum(s.total), 0)::int as total, count(*) filter (where s.total = 0)::int as never
    ${FROM}
    where ${where}`)
  ).rows as Raw[];
  const today = localTime(new Date(), ctx.actor.vendor.timeZone).date;
  const rows = (page.rows as Raw[]).slice(0, limit);
  const items = rows.map((r): CustomerStatisticsRow => {
    const last = instant(r.last);
    return {
      companyId: num(r.id),
      companyName: String(r.name),
      ownerAgentId: r.owner_agent_id === null ? null : num(r.owner_agent_id),
      ownerAgentName: (r.owner_agent_name as string | null) ?? null,
      serviceEnd: (r.service_end as string | null) ?? null,
      services: counts(r),
      totalServices: num(r.total),
      tickets: num(r.tickets),
      openTickets: num(r.open),
      lastServiceAt: last?.toISOString() ?? null,
      daysSinceService: last ? daysBetween(localTime(last, ctx.actor.vendor.timeZone).date, today) : null,
    };
  });
  const lastRow = rows.at(-1);
  return {
    items,
    nextCursor:
      page.rows.length > limit && lastRow ? encodeCursor(String(lastRow.sort_key), num(lastRow.id)) : null,
    summary: {
      companies: num(summary?.companies),
      services: counts(summary ?? {}),
      totalServices: num(summary?.total),
      neverServed: num(summary?.never),
    },
  };
}
