import type { TicketChange } from '@yidan/contracts';
import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { formatMessage } from '../../platform/http/messages.js';
import type { Deps } from '../../platform/http/route.js';
import type { SheetRow } from '../../platform/spreadsheets/read.js';
import { localTime } from '../calendar/clock.js';
import { companies, identities } from '../customers/schema.js';
import { type TicketContext, ticketContext } from '../tickets/context.js';
import { tickets } from '../tickets/schema.js';
import { authorOf, insertTicket } from '../tickets/service.js';
import type { ImportField } from './fields.js';
import type { ChunkOutcome, ChunkWriter } from './imports.js';
import { describeErrors, planColumns, type RowError } from './rows.js';
import { importTasks } from './schema.js';
import { loadTicketLookups, type TicketDraft, TicketRowMapper } from './ticketRows.js';

/**
 * Tickets have no natural key, so a re-run cannot update what the last run created. Instead the
 * same file (by its bytes) is refused for a day after an import of it that created tickets or is
 * still running; a corrected file differs and goes through.
 */
export const REPEAT_WINDOW_HOURS = 24;

export async function assertFileNotImportedRecently(db: Db, vendorId: number, fileHash: string) {
  const [previous] = await db
    .select({ id: importTasks.id })
    .from(importTasks)
    .where(
      and(
        eq(importTasks.vendorId, vendorId),
        eq(importTasks.entity, 'tickets'),
        sql`${importTasks.options}->>'fileHash' = ${fileHash}`,
        sql`${importTasks.createdAt} > now() - make_interval(hours => ${REPEAT_WINDOW_HOURS})`,
        or(inArray(importTasks.status, ['queued', 'running']), gt(importTasks.imported, 0)),
      ),
    )
    .orderBy(desc(importTasks.createdAt))
    .limit(1);
  if (previous) throw new AppError('import_file_repeated', { id: previous.id, hours: REPEAT_WINDOW_HOURS });
}

/** The contacts holding these phone numbers (identities are unique per vendor). */
async function contactsByPhone(tx: Db, vendorId: number, drafts: TicketDraft[]) {
  const values = [...new Set(drafts.flatMap((d) => (d.contactPhone ? [d.contactPhone.value] : [])))];
  if (values.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ kind: identities.kind, value: identities.value, contactId: identities.contactId })
    .from(identities)
    .where(
      and(
        eq(identities.vendorId, vendorId),
        inArray(identities.kind, ['mobile', 'landline']),
        inArray(identities.value, values),
      ),
    );
  return new Map(rows.map((r) => [`${r.kind}:${r.value}`, r.contactId]));
}

/** Company ids by exact name; a name shared by several companies is ambiguous. */
async function companiesByName(tx: Db, vendorId: number, drafts: TicketDraft[]) {
  const names = [...new Set(drafts.flatMap((d) => (d.companyName ? [d.companyName] : [])))];
  const map = new Map<string, number[]>();
  if (names.length === 0) return map;
  const rows = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.vendorId, vendorId), inArray(companies.name, names)));
  for (const r of rows) map.set(r.name, [...(map.get(r.name) ?? []), r.id]);
  return map;
}

/**
 * Keeps an imported ticket's original creation time (创建时间 column), read in the vendor's time
 * zone. The create path has no option for it, so it is set right after, in the same savepoint.
 */
async function backdateTicket(tx: Db, vendorId: number, id: number, at: string, timeZone: string) {
  const instant = sql`(${at}::timestamp at time zone ${timeZone})`;
  await tx
    .update(tickets)
    .set({ createdAt: instant, updatedAt: instant, statusChangedAt: instant })
    .where(and(eq(tickets.vendorId, vendorId), eq(tickets.id, id)));
}

interface TicketRun {
  deps: Deps;
  ctx: TicketContext;
  mapper: TicketRowMapper;
  timeZone: string;
}

/**
 * One chunk: each valid row becomes one ticket through the API's create path (validation, number,
 * timeline) in its own savepoint, so a refused row leaves the others of the chunk in place.
 */
async function ticketChunk(tx: Db, run: TicketRun, rows: SheetRow[]): Promise<ChunkOutcome> {
  const { ctx, mapper } = run;
  const vendorId = ctx.actor.vendorId;
  const out: ChunkOutcome = { imported: 0, updated: 0, skipped: 0, failures: [] };
  const failRow = (row: SheetRow, errors: RowError[]) =>
    out.failures.push({ rowNumber: row.number, cells: row.cells, reason: describeErrors(errors) });
  const drafts: { row: SheetRow; draft: TicketDraft }[] = [];
  for (const row of rows) {
    const mapped = mapper.map(row);
    if (mapped.item) drafts.push({ row, draft: mapped.item });
    else failRow(row, mapped.errors);
  }
  const contactOf = await contactsByPhone(
    tx,
    vendorId,
    drafts.map((d) => d.draft),
  );
  const companyOf = await companiesByName(
    tx,
    vendorId,
    drafts.map((d) => d.draft),
  );
  const created: { id: number; changes: TicketChange[] }[] = [];
  for (const { row, draft } of drafts) {
    const input = { ...draft.input };
    const errors: RowError[] = [];
    if (draft.contactPhone) {
      const id = contactOf.get(`${draft.contactPhone.kind}:${draft.contactPhone.value}`);
      if (id) input.contactId = id;
      else errors.push({ column: mapper.columnOf('contactMobile'), message: 'unknown_contact' });
    }
    if (draft.companyName) {
      const ids = companyOf.get(draft.companyName) ?? [];
      if (ids.length === 1) input.companyId = ids[0]!;
      else
        errors.push({
          column: mapper.columnOf('companyId'),
          message: ids.length ? 'company_ambiguous' : 'unknown_company',
        });
    }
    if (errors.length) {
      failRow(row, errors);
      continue;
    }
    try {
      const done = await tx.transaction(async (sp) => {
        const result = await insertTicket(sp, ctx, input, { source: 'import' });
        if (draft.createdAt) await backdateTicket(sp, vendorId, result.row.id, draft.createdAt, run.timeZone);
        return result;
      });
      created.push({ id: done.row.id, changes: done.changes });
      out.imported++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failRow(
        row,
        err.fieldErrors.length
          ? mapper.rowErrors(err.fieldErrors)
          : [{ column: '', message: formatMessage(err.code, 'zh-CN', err.params) }],
      );
    }
  }
  out.failures.sort((a, b) => a.rowNumber - b.rowNumber);
  const author = authorOf(ctx);
  // After commit, listeners (view counts, realtime) see imported tickets like any new ticket; triggers do not run on imports (docs/rules.md).
  out.afterCommit = () => {
    for (const c of created)
      run.deps.events.emit('ticket.changed', {
        vendorId,
        ticketId: c.id,
        kind: 'created',
        changes: c.changes,
        author,
      });
  };
  return out;
}

/** The ticket import's chunk writer, running as the agent who uploaded the file. */
export async function prepareTicketImport(
  deps: Deps,
  actor: Actor,
  task: typeof importTasks.$inferSelect,
  fields: ImportField[],
): Promise<ChunkWriter> {
  const ctx = await ticketContext(deps.db, actor);
  const lk = await loadTicketLookups(deps.db, actor.vendorId);
  const timeZone = actor.vendor.timeZone;
  const now = localTime(new Date(), timeZone);
  const plan = planColumns(task.header, task.options.mapping, fields);
  const run: TicketRun = {
    deps,
    ctx,
    mapper: new TicketRowMapper(plan, lk, `${now.date} ${now.time}`),
    timeZone,
  };
  return {
    write: (tx, rows) => ticketChunk(tx, run, rows),
    analyze: sql`analyze tickets, ticket_events`,
  };
}
