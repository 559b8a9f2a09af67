import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  type ImportEntity,
  type ImportStatus,
  type Permission,
  TICKET_IMPORT_MAX_ROWS,
} from '@yidan/contracts';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { type Actor, loadActor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/http/route.js';
import { readSheet, type SheetRow } from '../../platform/spreadsheets/read.js';
import { writeXlsx } from '../../platform/spreadsheets/write.js';
import { customerContext } from '../customers/context.js';
import {
  type CompanyUpsertItem,
  type ContactUpsertItem,
  loadUpsertLookups,
  UpsertConflict,
  upsertCompanies,
  upsertContacts,
} from '../customers/upsert.js';
import { ticketContext } from '../tickets/context.js';
import { autoMatch, checkMapping, type ImportField, importFields } from './fields.js';
import { describeErrors, FirstSeen, planColumns, type RowError, RowMapper } from './rows.js';
import { importFailures, importRows, importTasks } from './schema.js';
import { assertFileNotImportedRecently, prepareTicketImport } from './ticketImports.js';

export const IMPORT_MAX_ROWS = 50_000;
/** Who may run an import of each entity (checked at upload and again when the job runs). */
export const IMPORT_PERMISSION: Record<ImportEntity, Permission> = {
  companies: 'customer.import',
  contacts: 'customer.import',
  tickets: 'ticket.import',
};
const maxRowsOf = (entity: ImportEntity) => (entity === 'tickets' ? TICKET_IMPORT_MAX_ROWS : IMPORT_MAX_ROWS);
/** The routes a task is reached by: the customer routes and the ticket routes never see each other's tasks. */
const basePath = (entity: ImportEntity) =>
  entity === 'tickets' ? '/api/v1/ticket-imports' : '/api/v1/imports';
/** Rows per transaction: each chunk commits its writes and the `processed` counter together. */
export const IMPORT_CHUNK = 500;
/**
 * Tickets are created one by one through the API's create path, which holds the vendor's ticket
 * counter row until commit: smaller chunks keep other agents' new tickets from waiting long.
 */
export const TICKET_IMPORT_CHUNK = 100;

export interface Upload {
  /** A temporary file holding the upload; it is moved or removed. */
  path: string;
  fileName: string;
}
export interface ImportRef {
  vendorId: number;
  importId: number;
}

type ImportRow = typeof importTasks.$inferSelect;

export function presentImport(row: ImportRow): ImportStatus {
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    fileName: row.fileName,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    failedRowsUrl:
      row.status === 'done' && row.failed > 0 && row.failedRowsFile
        ? `${basePath(row.entity)}/${row.id}/failed-rows`
        : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The fields a column may map to, for this caller (their vendor's labels and custom fields). */
export async function fieldsFor(db: Db, actor: Actor, entity: ImportEntity): Promise<ImportField[]> {
  if (entity === 'tickets') return importFields(entity, (await ticketContext(db, actor)).fields);
  const ctx = await customerContext(db, actor);
  return importFields(entity, entity === 'companies' ? ctx.companyFields : ctx.contactFields);
}

/** Header, first five rows and the auto-matched mapping, for the console's mapping step. */
export async function previewImport(
  db: Db,
  actor: Actor,
  entity: ImportEntity,
  upload: Upload,
  noHeader: boolean,
) {
  try {
    const rows: string[][] = [];
    const sheet = await readSheet(
      upload.path,
      upload.fileName,
      { noHeader, maxRows: maxRowsOf(entity) },
      (row) => {
        rows.push(row.cells);
        return rows.length >= 5 ? 'stop' : undefined;
      },
    );
    const fields = await fieldsFor(db, actor, entity);
    return {
      header: sheet.header,
      rows: rows.map((r) => sheet.header.map((_, i) => r[i] ?? '')),
      mapping: noHeader ? {} : autoMatch(sheet.header, fields),
      fields: fields.map((f) => ({ key: f.key, label: f.label, required: f.required })),
    };
  } finally {
    fs.rmSync(upload.path, { force: true });
  }
}

const ROWS_PER_INSERT = 1000;

/** Appends data rows of an import (one statement per batch, the rows as one JSON parameter). */
async function storeRows(db: Db, ref: ImportRef, firstSeq: number, rows: SheetRow[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r, i) => [firstSeq + i, r.number, r.cells, r.formulas]));
  await db.execute(sql`
    insert into import_rows (vendor_id, import_id, seq, row_number, cells, formulas)
    select ${ref.vendorId}, ${ref.importId}, (r->>0)::int, (r->>1)::int, r->2, r->3
    from jsonb_array_elements(${json}::jsonb) as r`);
}

/**
 * Accepts an upload: checks and reads the whole file once (bad files are refused here, with the
 * reason), keeps its rows in the database for the job (which may run on another node), checks
 * the mapping and queues the import. Until the upload is complete the import reads as failed,
 * so an upload cut short by a crash leaves nothing that looks half-done.
 */
export async function createImport(
  deps: Deps,
  actor: Actor,
  upload: Upload,
  input: {
    entity: ImportEntity;
    mapping?: Record<string, string>;
    skipExisting: boolean;
    noHeader: boolean;
  },
): Promise<number> {
  const { db } = deps;
  let fileHash: string | undefined;
  try {
    if (input.entity === 'tickets') {
      fileHash = await hashFile(upload.path);
      await assertFileNotImportedRecently(db, actor.vendorId, fileHash);
    }
  } catch (err) {
    fs.rmSync(upload.path, { force: true });
    throw err;
  }
  const baseOptions = {
    skipExisting: input.skipExisting,
    noHeader: input.noHeader,
    ...(fileHash ? { fileHash } : {}),
  };
  const [created] = await db
    .insert(importTasks)
    .values({
      vendorId: actor.vendorId,
      entity: input.entity,
      status: 'failed',
      error: '上传未完成',
      fileName: upload.fileName.slice(0, 255),
      header: [],
      options: { mapping: {}, ...baseOptions },
      createdBy: actor.agentId,
    })
    .returning({ id: importTasks.id });
  const ref = { vendorId: actor.vendorId, importId: created!.id };
  try {
    let batch: SheetRow[] = [];
    let stored = 0;
    const sheet = await readSheet(
      upload.path,
      upload.fileName,
      { noHeader: input.noHeader, maxRows: maxRowsOf(input.entity) },
      async (row) => {
        batch.push(row);
        if (batch.length >= ROWS_PER_INSERT) {
          await storeRows(db, ref, stored + 1, batch);
          stored += batch.length;
          batch = [];
        }
        return undefined;
      },
    );
    await storeRows(db, ref, stored + 1, batch);
    const fields = await fieldsFor(db, actor, input.entity);
    const mode =
      input.entity === 'contacts' ? (await loadUpsertLookups(db, actor.vendorId)).customerMode : '2b';
    const mapping = input.mapping ?? autoMatch(sheet.header, fields);
    const errors = checkMapping(input.entity, sheet.header, mapping, fields, mode);
    if (errors.length) throw new AppError('import_mapping_invalid', {}, errors);
    await setStatus(db, ref, {
      status: 'queued',
      error: null,
      header: sheet.header,
      options: { mapping, ...baseOptions },
      total: sheet.rows,
    });
    return ref.importId;
  } catch (err) {
    await db
      .delete(importTasks)
      .where(and(eq(importTasks.vendorId, ref.vendorId), eq(importTasks.id, ref.importId)));
    throw err;
  } finally {
    fs.rmSync(upload.path, { force: true });
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function loadImport(db: Db, ref: ImportRef) {
  const [row] = await db
    .select()
    .from(importTasks)
    .where(and(eq(importTasks.vendorId, ref.vendorId), eq(importTasks.id, ref.importId)));
  return row ?? null;
}

/**
 * An import is visible to the agent who started it (its failed rows hold the uploaded data
 * unmasked), through the routes of its entity (`entities`).
 */
async function ownImport(db: Db, actor: Actor, id: number, entities: readonly ImportEntity[]) {
  const row = await loadImport(db, { vendorId: actor.vendorId, importId: id });
  if (!row || row.createdBy !== actor.agentId || !entities.includes(row.entity))
    throw new AppError('not_found');
  return row;
}

export async function getImport(
  db: Db,
  actor: Actor,
  id: number,
  entities: readonly ImportEntity[],
): Promise<ImportStatus> {
  return presentImport(await ownImport(db, actor, id, entities));
}

export async function failedRowsFile(db: Db, actor: Actor, id: number, entities: readonly ImportEntity[]) {
  const row = await ownImport(db, actor, id, entities);
  if (row.status !== 'done' || !row.failedRowsFile) throw new AppError('transfer_not_ready');
  const base = path.basename(row.fileName, path.extname(row.fileName));
  return { data: row.failedRowsFile, name: `${base}_未导入.xlsx` };
}

/** The stored rows after `afterSeq`, in file order, a page at a time. */
async function* readRows(db: Db, ref: ImportRef, afterSeq: number, page = 1000): AsyncGenerator<SheetRow> {
  let after = afterSeq;
  for (;;) {
    const rows = await db
      .select({
        seq: importRows.seq,
        number: importRows.rowNumber,
        cells: importRows.cells,
        formulas: importRows.formulas,
      })
      .from(importRows)
      .where(
        and(
          eq(importRows.vendorId, ref.vendorId),
          eq(importRows.importId, ref.importId),
          gt(importRows.seq, after),
        ),
      )
      .orderBy(asc(importRows.seq))
      .limit(page);
    for (const r of rows) yield { number: r.number, cells: r.cells, formulas: r.formulas };
    if (rows.length < page) return;
    after = rows.at(-1)!.seq;
  }
}

async function* chunks<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/** Another worker advanced the same import (a redelivered job); this one stops. */
class ImportTakenOver extends Error {}

export interface ChunkOutcome {
  imported: number;
  updated: number;
  skipped: number;
  failures: { rowNumber: number; cells: string[]; reason: string }[];
  /** Runs once the chunk has committed (domain events of what it wrote). */
  afterCommit?: () => void;
}

/** One kind of import: what it does with a chunk of rows inside the chunk's transaction. */
export interface ChunkWriter {
  write(tx: Db, rows: SheetRow[]): Promise<ChunkOutcome>;
  /** A concurrent writer got in the way of the chunk: it is tried again. */
  retryable?(err: unknown): boolean;
  /** The tables it fills, analysed as they grow. */
  analyze: SQL;
}

/** Companies and contacts: upserts by natural key through the CRM's one batch write path. */
async function customerWriter(db: Db, actor: Actor, task: ImportRow): Promise<ChunkWriter> {
  const ctx = await customerContext(db, actor);
  const lk = await loadUpsertLookups(db, task.vendorId);
  const plan = planColumns(task.header, task.options.mapping, await fieldsFor(db, actor, task.entity));
  const seen = new FirstSeen(plan);
  for await (const r of readRows(db, { vendorId: task.vendorId, importId: task.id }, 0, 5000)) seen.add(r);
  const mapper = new RowMapper(task.entity, plan, lk);
  return {
    write: (tx, rows) => customerChunk(tx, { ctx, lk, task, mapper, seen }, rows),
    retryable: (err) => err instanceof UpsertConflict,
    analyze: sql`analyze companies, contacts, identities`,
  };
}

async function customerChunk(
  tx: Db,
  {
    ctx,
    lk,
    task,
    mapper,
    seen,
  }: {
    ctx: Awaited<ReturnType<typeof customerContext>>;
    lk: Awaited<ReturnType<typeof loadUpsertLookups>>;
    task: ImportRow;
    mapper: RowMapper;
    seen: FirstSeen;
  },
  rows: SheetRow[],
): Promise<ChunkOutcome> {
  const skipExisting = task.options.skipExisting;
  const out: ChunkOutcome = { imported: 0, updated: 0, skipped: 0, failures: [] };
  const items: { row: SheetRow; item: CompanyUpsertItem | ContactUpsertItem }[] = [];
  const failRow = (row: SheetRow, errors: RowError[]) =>
    out.failures.push({ rowNumber: row.number, cells: row.cells, reason: describeErrors(errors) });
  for (const row of rows) {
    const mapped = mapper.map(row);
    const errors = [...mapped.errors, ...seen.duplicates(row)];
    if (errors.length || !mapped.item) failRow(row, errors);
    else items.push({ row, item: mapped.item });
  }
  const opts = { keys: 'natural' as const, skipExisting };
  const results =
    task.entity === 'companies'
      ? await upsertCompanies(
          tx,
          ctx,
          lk,
          items.map((x) => x.item as CompanyUpsertItem),
          opts,
        )
      : await upsertContacts(
          tx,
          ctx,
          lk,
          items.map((x) => x.item as ContactUpsertItem),
          opts,
        );
  results.forEach((r, i) => {
    const row = items[i]!.row;
    if (r.action === 'created') out.imported++;
    else if (r.action === 'updated' || r.action === 'unchanged') out.updated++;
    else if (r.action === 'skipped') out.skipped++;
    else failRow(row, mapper.upsertErrors(r.errors));
  });
  out.failures.sort((a, b) => a.rowNumber - b.rowNumber);
  return out;
}

export interface RunOptions {
  chunkSize?: number;
  /** Stops (throws) after this many committed chunks: tests use it to play a crash. */
  crashAfterChunks?: number;
  onProgress?: (status: ImportStatus) => void;
}

async function setStatus(db: Db, ref: ImportRef, patch: Partial<typeof importTasks.$inferInsert>) {
  const [row] = await db
    .update(importTasks)
    .set(patch)
    .where(and(eq(importTasks.vendorId, ref.vendorId), eq(importTasks.id, ref.importId)))
    .returning();
  return row ?? null;
}

/** Marks an import failed with a reason the user can read. */
export async function failImport(db: Db, ref: ImportRef, error: string) {
  return setStatus(db, ref, { status: 'failed', error, finishedAt: new Date() });
}

interface ImportRun {
  ref: ImportRef;
  task: ImportRow;
  writer: ChunkWriter;
}

/**
 * One chunk in one transaction: its upserts, its failed rows and the counters, guarded by the
 * `processed` value it started from (a redelivered job that lost the race stops).
 */
async function commitChunk(db: Db, run: ImportRun, batch: SheetRow[], processedBefore: number) {
  const { ref, writer } = run;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const o = await writer.write(tx, batch);
        if (o.failures.length) {
          await tx
            .insert(importFailures)
            .values(o.failures.map((f) => ({ ...f, vendorId: ref.vendorId, importId: ref.importId })))
            .onConflictDoNothing();
        }
        const [next] = await tx
          .update(importTasks)
          .set({
            processed: sql`${importTasks.processed} + ${batch.length}`,
            imported: sql`${importTasks.imported} + ${o.imported}`,
            updated: sql`${importTasks.updated} + ${o.updated}`,
            skipped: sql`${importTasks.skipped} + ${o.skipped}`,
            failed: sql`${importTasks.failed} + ${o.failures.length}`,
          })
          .where(
            and(
              eq(importTasks.vendorId, ref.vendorId),
              eq(importTasks.id, ref.importId),
              eq(importTasks.processed, processedBefore),
            ),
          )
          .returning();
        if (!next) throw new ImportTakenOver();
        return { next, afterCommit: o.afterCommit };
      });
    } catch (err) {
      // Someone took a phone number between our check and insert: the chunk is checked again.
      if (writer.retryable?.(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** Everything a run needs, or the reason it cannot run (the import is then marked failed). */
async function prepareRun(deps: Deps, ref: ImportRef, task: ImportRow): Promise<ImportRun | string> {
  const actor = await loadActor(deps.db, ref.vendorId, task.createdBy);
  if (
    !actor?.agentEnabled ||
    actor.vendorStatus !== 'active' ||
    !actor.permissions.has(IMPORT_PERMISSION[task.entity])
  )
    return '发起导入的客服已停用或不再有导入权限';
  const writer =
    task.entity === 'tickets'
      ? await prepareTicketImport(deps, actor, task, await fieldsFor(deps.db, actor, task.entity))
      : await customerWriter(deps.db, actor, task);
  return { ref, task, writer };
}

/**
 * The import job: resumes after the last committed chunk, upserts each chunk of rows in one
 * transaction together with its failed rows and counters, then writes the failed-rows file.
 * Running it again on a finished import does nothing; on the same file again, it updates.
 */
export async function runImport(deps: Deps, ref: ImportRef, opts: RunOptions = {}) {
  const { db } = deps;
  const emit = (row: ImportRow | null) => {
    if (row) opts.onProgress?.(presentImport(row));
  };
  const found = await loadImport(db, ref);
  if (!found || found.status === 'done' || found.status === 'failed') return;
  const task = await setStatus(db, ref, { status: 'running', startedAt: found.startedAt ?? new Date() });
  if (!task) return;
  emit(task);
  const run = await prepareRun(deps, ref, task);
  if (typeof run === 'string') {
    emit(await failImport(db, ref, run));
    return;
  }
  let latest = task;
  let chunkNo = 0;
  const size = opts.chunkSize ?? (task.entity === 'tickets' ? TICKET_IMPORT_CHUNK : IMPORT_CHUNK);
  for await (const batch of chunks(readRows(db, ref, task.processed, size), size)) {
    try {
      const committed = await commitChunk(db, run, batch, latest.processed);
      latest = committed.next;
      committed.afterCommit?.();
    } catch (err) {
      if (err instanceof ImportTakenOver) return;
      throw err;
    }
    emit(latest);
    // PGlite runs in this thread and answers through microtasks only: yield to the event loop so
    // progress pushes go out and other requests are served between chunks.
    await new Promise((resolve) => setImmediate(resolve));
    // Fresh statistics as the tables grow (PGlite has no autovacuum): without them the planner
    // keeps plans made for empty tables, and every foreign-key check scans the whole table.
    // A database user that may not analyze only loses the speed-up.
    if (isPowerOfTwo(++chunkNo)) await db.execute(run.writer.analyze).catch(() => undefined);
    if (opts.crashAfterChunks !== undefined && chunkNo >= opts.crashAfterChunks)
      throw new Error('simulated crash');
  }

  const failedRowsFile = latest.failed > 0 ? await failedRowsXlsx(db, ref, task.header) : null;
  // The uploaded rows are not kept once imported; only the failed ones stay downloadable.
  const done = await db.transaction(async (tx) => {
    await tx
      .delete(importRows)
      .where(and(eq(importRows.vendorId, ref.vendorId), eq(importRows.importId, ref.importId)));
    return setStatus(tx, ref, { status: 'done', failedRowsFile, finishedAt: new Date() });
  });
  emit(done);
}

async function failedRowsXlsx(db: Db, ref: ImportRef, header: string[]) {
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await db
        .select({
          rowNumber: importFailures.rowNumber,
          cells: importFailures.cells,
          reason: importFailures.reason,
        })
        .from(importFailures)
        .where(
          and(
            eq(importFailures.vendorId, ref.vendorId),
            eq(importFailures.importId, ref.importId),
            gt(importFailures.rowNumber, after),
          ),
        )
        .orderBy(asc(importFailures.rowNumber))
        .limit(1000);
      for (const f of page) yield [f.rowNumber, ...header.map((_, i) => f.cells[i] ?? ''), f.reason];
      if (page.length < 1000) return;
      after = page.at(-1)!.rowNumber;
    }
  }
  const file = await writeXlsx(
    '未导入',
    [{ header: '行号', width: 8 }, ...header.map((h) => ({ header: h })), { header: '失败原因', width: 60 }],
    rows(),
  );
  return file.data;
}
