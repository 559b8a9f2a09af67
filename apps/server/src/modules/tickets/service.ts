import type {
  TicketChange,
  TicketCreateInput,
  TicketSource,
  TicketStatus,
  TicketUpdateInput,
} from '@yidan/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { cachedForVendor } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import { assertFilesExist } from '../../platform/files/service.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { companies, contacts } from '../customers/schema.js';
import { agents, groups } from '../org/schema.js';
import { canSeeTicket, type TicketContext } from './context.js';
import { checkTicketCustom, type TemplateRow, templateForWrite } from './customFields.js';
import { type Attachment, type TicketRow, ticketCounters, tickets, ticketTemplates } from './schema.js';
import { checkSystemFields } from './systemFields.js';
import { plainText, sanitizeRichText, searchVector } from './text.js';
import { appendTicketEvent, type ChangeAuthor } from './timeline.js';

export interface TicketDeps {
  db: Db;
  events: DomainEvents;
}

/** The fields a change may set; the timeline records each one that changed, custom fields as `custom.<key>`. */
export type TicketPatch = Omit<TicketUpdateInput, 'note'>;
type Values = Partial<typeof tickets.$inferInsert>;

const TRACKED = [
  'subject',
  'description',
  'status',
  'priority',
  'type',
  'templateId',
  'contactId',
  'companyId',
  'assigneeId',
  'groupId',
  'ccAgentIds',
  'ccGroupIds',
  'tags',
  'dueAt',
] as const;

const UNRESOLVED: TicketStatus[] = ['new', 'open', 'pending'];
export const isUnresolved = (s: TicketStatus) => UNRESOLVED.includes(s);

export const authorOf = (ctx: TicketContext): ChangeAuthor => ({ type: 'agent', agentId: ctx.actor.agentId });

const comparable = (v: unknown) => {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return JSON.stringify([...v].sort());
  return JSON.stringify(v ?? null);
};
const jsonValue = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/** What changed between two versions of a ticket, in the timeline's from → to form. */
export function diffTicket(before: Partial<TicketRow>, after: Partial<TicketRow>): TicketChange[] {
  const changes: TicketChange[] = [];
  for (const f of TRACKED) {
    if (!(f in after)) continue;
    if (comparable(before[f]) !== comparable(after[f]))
      changes.push({ field: f, from: jsonValue(before[f]), to: jsonValue(after[f]) });
  }
  if (after.custom) {
    const keys = new Set([...Object.keys(before.custom ?? {}), ...Object.keys(after.custom)]);
    for (const k of keys) {
      const from = before.custom?.[k];
      const to = after.custom[k];
      if (comparable(from) !== comparable(to))
        changes.push({ field: `custom.${k}`, from: from ?? null, to: to ?? null });
    }
  }
  return changes;
}

/** The kind of change the in-transaction hooks run after ('split': a child created by a split). */
export type TicketChangeKind =
  | 'created'
  | 'updated'
  | 'comment'
  | 'record'
  | 'split'
  | 'rated'
  | 'revoked'
  | 'returned';
export interface TicketChangedInTransaction {
  row: TicketRow;
  changes: TicketChange[];
  author: ChangeAuthor;
  kind: TicketChangeKind;
}
/** What a hook changed in turn (through changeTicket): the ticket as it now is, and those changes. */
export type TicketChangedHook = (
  tx: Db,
  ctx: TicketContext,
  change: TicketChangedInTransaction,
) => Promise<{ row: TicketRow; changes: TicketChange[] } | undefined>;

const changeHooks: TicketChangedHook[] = [];
/**
 * Whether a hook may have work for the vendor at all (triggers: has enabled ones), answered without
 * a query where possible. When none may, a ticket is created in one statement without a transaction.
 */
export type HookActivity = (db: Db, vendorId: number) => Promise<boolean>;
const hookActivity = new Map<TicketChangedHook, HookActivity>();

async function anyHookActive(db: Db, vendorId: number): Promise<boolean> {
  for (const hook of changeHooks) {
    const active = hookActivity.get(hook);
    if (!active || (await active(db, vendorId))) return true;
  }
  return false;
}
/**
 * Registers a hook run after a ticket change inside the change's own transaction, before commit
 * (triggers, modules/rules). Hooks run only for the outermost change: changes the hooks make through
 * changeTicket, and the status change inside writeComment, do not run them again.
 */
export function onTicketChangedInTransaction(hook: TicketChangedHook, active?: HookActivity) {
  if (!changeHooks.includes(hook)) changeHooks.push(hook);
  if (active) hookActivity.set(hook, active);
}

/**
 * A check on an agent's change before it is written (工单流 field rules, modules/workflow): it gets
 * the changes the agent asked for and throws an AppError to refuse them. System changes (rules) skip it.
 */
export type TicketWriteGuard = (
  tx: Db,
  ctx: TicketContext,
  current: TicketRow,
  changes: TicketChange[],
) => Promise<void>;
const writeGuards: TicketWriteGuard[] = [];
export function onTicketWrite(guard: TicketWriteGuard) {
  if (!writeGuards.includes(guard)) writeGuards.push(guard);
}
/** The changes the patch itself names (not those derived from it, like a status opened by assigning). */
const askedFor = (changes: TicketChange[], patch: TicketPatch) =>
  changes.filter((c) =>
    c.field.startsWith('custom.') ? c.field.slice(7) in (patch.custom ?? {}) : c.field in patch,
  );
/**
 * The transactions whose outermost change is running (its hooks included). A transaction handle
 * belongs to one change at a time, so it marks the change itself (no AsyncLocalStorage: on Node 20
 * that switches on promise hooks for the whole process, which costs every request).
 */
const changesInProgress = new WeakSet<Db>();

/**
 * Runs a change and then the hooks, unless it is nested in a change of the same transaction. The
 * result carries the ticket as the hooks left it and their changes after the change's own.
 */
export async function outermostChange<R extends { row: TicketRow; changes: TicketChange[] }>(
  tx: Db,
  ctx: TicketContext,
  meta: (result: R) => { author: ChangeAuthor; kind: TicketChangeKind } | null,
  work: () => Promise<R>,
): Promise<R> {
  if (changesInProgress.has(tx) || changeHooks.length === 0) return work();
  changesInProgress.add(tx);
  try {
    const result = await work();
    const m = meta(result);
    if (!m) return result;
    let { row, changes } = result;
    for (const hook of changeHooks) {
      const more = await hook(tx, ctx, { row, changes, ...m });
      if (more) ({ row, changes } = { row: more.row, changes: [...changes, ...more.changes] });
    }
    return { ...result, row, changes };
  } finally {
    changesInProgress.delete(tx);
  }
}

/**
 * Hands out the vendor's next ticket number. Inside a creating transaction the counter row stays
 * locked until commit, which serialises creation per vendor; `createTicket` therefore takes its
 * number in a statement of its own before the transaction (see there).
 */
async function nextTicketNumber(tx: Db, vendorId: number): Promise<number> {
  const [row] = await tx
    .insert(ticketCounters)
    .values({ vendorId, last: 1 })
    .onConflictDoUpdate({ target: ticketCounters.vendorId, set: { last: sql`${ticketCounters.last} + 1` } })
    .returning({ last: ticketCounters.last });
  if (!row) throw new Error('ticket counter returned nothing');
  return row.last;
}

/**
 * Checks what a change points at (contact, company, agents, groups, template) within the caller's
 * vendor, and fills the company from the contact. Assignees must be enabled, 可接单 and hold the
 * ticket grant (manual 5.2.4).
 */
async function resolveReferences(tx: Db, vendorId: number, patch: TicketPatch, current: TicketRow | null) {
  const errors: FieldError[] = [];
  const out: TicketPatch = { ...patch };
  if (patch.contactId != null) {
    const [c] = await tx
      .select({ companyId: contacts.companyId })
      .from(contacts)
      .where(and(eq(contacts.vendorId, vendorId), eq(contacts.id, patch.contactId)));
    if (!c) errors.push({ path: 'body.contactId', message: 'unknown_contact' });
    else if (patch.companyId === undefined && c.companyId !== null && c.companyId !== current?.companyId)
      out.companyId = c.companyId;
  }
  if (patch.companyId != null) {
    const [c] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.vendorId, vendorId), eq(companies.id, patch.companyId)));
    if (!c) errors.push({ path: 'body.companyId', message: 'unknown_company' });
  }
  const agentIds = [
    ...(patch.assigneeId != null && patch.assigneeId !== current?.assigneeId ? [patch.assigneeId] : []),
    ...(patch.ccAgentIds ?? []),
  ];
  if (agentIds.length) {
    const rows = await tx
      .select({ id: agents.id, enabled: agents.enabled, available: agents.available, grants: agents.grants })
      .from(agents)
      .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, agentIds)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (patch.assigneeId != null && patch.assigneeId !== current?.assigneeId) {
      const a = byId.get(patch.assigneeId);
      if (!a) errors.push({ path: 'body.assigneeId', message: 'unknown_agent' });
      else if (!a.enabled || !a.available || !a.grants.includes('ticket'))
        errors.push({ path: 'body.assigneeId', message: 'agent_unavailable' });
    }
    (patch.ccAgentIds ?? []).forEach((id, i) => {
      const a = byId.get(id);
      if (!a?.enabled) errors.push({ path: `body.ccAgentIds.${i}`, message: 'unknown_agent' });
    });
  }
  const groupIds = [...(patch.groupId != null ? [patch.groupId] : []), ...(patch.ccGroupIds ?? [])];
  if (groupIds.length) {
    const rows = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, groupIds)));
    const known = new Set(rows.map((r) => r.id));
    if (patch.groupId != null && !known.has(patch.groupId))
      errors.push({ path: 'body.groupId', message: 'unknown_group' });
    (patch.ccGroupIds ?? []).forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `body.ccGroupIds.${i}`, message: 'unknown_group' });
    });
  }
  if (patch.ccAgentIds) out.ccAgentIds = [...new Set(patch.ccAgentIds)];
  if (patch.ccGroupIds) out.ccGroupIds = [...new Set(patch.ccGroupIds)];
  if (patch.tags) out.tags = [...new Set(patch.tags)];
  return { patch: out, errors };
}

/** A newly chosen template must be enabled and visible to the caller (customFields.ts decides). */
async function templateFor(tx: Db, ctx: TicketContext, templateId: number | null, current: TicketRow | null) {
  return templateForWrite(tx, ctx, templateId, current?.templateId ?? null);
}

/**
 * The vendor's default template (新建工单时默认选中的模板), if one is set — through the per-vendor
 * cache (template writes invalidate it); a creating transaction never changes templates itself.
 */
function defaultTemplate(tx: Db, vendorId: number): Promise<TemplateRow | null> {
  return cachedForVendor('ticketTemplates', vendorId, () => loadDefaultTemplate(tx, vendorId));
}

async function loadDefaultTemplate(tx: Db, vendorId: number): Promise<TemplateRow | null> {
  const [t] = await tx
    .select()
    .from(ticketTemplates)
    .where(
      and(
        eq(ticketTemplates.vendorId, vendorId),
        eq(ticketTemplates.isDefault, true),
        eq(ticketTemplates.enabled, true),
      ),
    )
    .limit(1);
  return t ?? null;
}

/**
 * Turns a validated patch into column values: sanitised rich text, search vector, custom values
 * checked against the template, and the times the status/assignee changes stamp.
 */
async function buildValues(
  tx: Db,
  ctx: TicketContext,
  patch: TicketPatch,
  current: TicketRow | null,
): Promise<{ values: Values; errors: FieldError[] }> {
  const vendorId = ctx.actor.vendorId;
  const resolved = await resolveReferences(tx, vendorId, patch, current);
  const errors = [...resolved.errors];
  const p = resolved.patch;
  const values: Values = {};
  for (const f of TRACKED) {
    if (f === 'dueAt' || f === 'description') continue;
    if (p[f] !== undefined) (values as Record<string, unknown>)[f] = p[f];
  }
  if (p.description !== undefined) values.description = sanitizeRichText(p.description);
  if (p.dueAt !== undefined) values.dueAt = p.dueAt === null ? null : new Date(p.dueAt);

  const templateId = p.templateId !== undefined ? p.templateId : (current?.templateId ?? null);
  const template = await templateFor(tx, ctx, templateId, current);
  if (template === undefined) errors.push({ path: 'body.templateId', message: 'unknown_template' });
  else errors.push(...checkSystemFields(ctx, template, values, current));
  if (p.custom !== undefined || !current || p.templateId !== undefined) {
    const checked = await checkTicketCustom(tx, ctx, template ?? null, p.custom ?? {}, current?.custom);
    errors.push(...checked.errors);
    values.custom = checked.values;
  }
  if (errors.length) return { values, errors };

  const now = new Date();
  const status = values.status ?? current?.status ?? 'new';
  const assigneeChanged =
    values.assigneeId !== undefined && values.assigneeId !== (current?.assigneeId ?? null);
  // Assigning a new ticket opens it, unless the change sets a status itself.
  if (assigneeChanged && values.assigneeId !== null && status === 'new' && patch.status === undefined)
    values.status = 'open';
  const nextStatus = values.status ?? current?.status ?? 'new';
  if (!current || nextStatus !== current.status) {
    values.statusChangedAt = now;
    if (nextStatus === 'solved') values.solvedAt = now;
    if (nextStatus === 'closed') values.closedAt = now;
    if (isUnresolved(nextStatus) && current && !isUnresolved(current.status)) values.solvedAt = null;
  }
  if (assigneeChanged) values.assignedAt = values.assigneeId === null ? null : now;
  if (values.subject !== undefined || values.description !== undefined) {
    values.search = searchVector(
      values.subject ?? current?.subject ?? '',
      plainText(values.description ?? current?.description ?? ''),
    ) as unknown as string;
  }
  return { values, errors };
}

function fail(errors: FieldError[]): never {
  throw new AppError('validation_failed', {}, errors);
}

export interface CreateOptions {
  source?: TicketSource;
  author?: ChangeAuthor;
  attachments?: Attachment[];
  parentId?: number | null;
  /** A number already taken for this ticket (createTicket); otherwise one is taken in the transaction. */
  number?: number;
}

/** Creates a ticket with its number and its 'created' timeline row, in the caller's transaction. */
export async function insertTicket(
  tx: Db,
  ctx: TicketContext,
  input: TicketCreateInput,
  opts: CreateOptions = {},
): Promise<{ row: TicketRow; changes: TicketChange[] }> {
  const author = opts.author ?? authorOf(ctx);
  const kind = opts.parentId ? 'split' : 'created';
  return outermostChange(
    tx,
    ctx,
    () => ({ author, kind }),
    () => createTicketRow(tx, ctx, input, opts),
  );
}

async function createTicketRow(tx: Db, ctx: TicketContext, input: TicketCreateInput, opts: CreateOptions) {
  const vendorId = ctx.actor.vendorId;
  const { source, attachments, ...fields } = input;
  const patch: TicketPatch = { ...fields };
  if (patch.templateId === undefined) patch.templateId = (await defaultTemplate(tx, vendorId))?.id ?? null;
  const { values, errors } = await buildValues(tx, ctx, patch, null);
  if (errors.length) fail(errors);
  const files = await assertFilesExist(tx, vendorId, attachments ?? opts.attachments ?? []);
  const author = opts.author ?? authorOf(ctx);
  const subject = values.subject ?? input.subject;
  // The timeline's 'created' row lists every field the new ticket has (column defaults included).
  const changes = diffTicket(
    {},
    {
      status: 'new',
      priority: 'normal',
      type: 'question',
      templateId: null,
      contactId: null,
      companyId: null,
      assigneeId: null,
      groupId: null,
      ccAgentIds: [],
      ccGroupIds: [],
      tags: [],
      dueAt: null,
      custom: {},
      ...values,
      subject,
    },
  ).filter((c) => c.to !== null && c.field !== 'description');
  // One statement: the number (unless taken already), the ticket and its timeline row.
  const counter =
    opts.number === undefined
      ? tx.$with('n').as(
          tx
            .insert(ticketCounters)
            .values({ vendorId, last: 1 })
            .onConflictDoUpdate({
              target: ticketCounters.vendorId,
              set: { last: sql`${ticketCounters.last} + 1` },
            })
            .returning({ last: ticketCounters.last }),
        )
      : null;
  const inserted = tx.$with('t').as(
    tx
      .insert(tickets)
      .values({
        ...values,
        vendorId,
        number: opts.number ?? sql`(select last from n)`,
        subject,
        source: opts.source ?? source ?? (ctx.actor.via === 'token' ? 'api' : 'agent'),
        creatorAgentId: author.type === 'agent' ? (author.agentId ?? null) : null,
        creatorContactId: author.type === 'contact' ? (author.contactId ?? null) : null,
        parentId: opts.parentId ?? null,
      })
      .returning(),
  );
  const event = tx
    .$with('e', { written: sql<number>`written` })
    .as(createdEventSql(vendorId, author, changes, files));
  const [row] = await (counter ? tx.with(counter, inserted, event) : tx.with(inserted, event))
    .select()
    .from(inserted);
  if (!row) throw new Error('ticket insert returned nothing');
  return { row, changes };
}

/** The 'created' timeline row of the ticket inserted as `t` in the same statement (see timeline.ts). */
function createdEventSql(
  vendorId: number,
  author: ChangeAuthor,
  changes: TicketChange[],
  files: Attachment[],
) {
  return sql`insert into ticket_events (vendor_id, ticket_id, kind, actor_type, actor_agent_id, actor_contact_id, via, public, changes, attachments)
    select ${vendorId}, t.id, 'created', ${author.type}, ${author.agentId ?? null}, ${author.contactId ?? null},
      ${author.via ?? null}, false, ${JSON.stringify(changes)}::jsonb, ${JSON.stringify(files)}::jsonb
    from t returning 1 as written`;
}

export async function createTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  input: TicketCreateInput,
  opts: CreateOptions = {},
): Promise<TicketRow> {
  // The number is taken before the transaction, so the counter row is locked for one statement
  // rather than until commit (creation would otherwise run one ticket at a time per vendor). A
  // creation that fails gives its number back unless a later one was handed out meanwhile: numbers
  // skip only when concurrent creations fail.
  //
  // With no hook to run in a transaction (no triggers, SLA policies, workflows …), the ticket, its
  // number and its timeline row are written in one statement, which is atomic by itself.
  const vendorId = ctx.actor.vendorId;
  let created: { row: TicketRow; changes: TicketChange[] };
  if (opts.number === undefined && !(await anyHookActive(deps.db, vendorId))) {
    created = await createTicketRow(deps.db, ctx, input, opts);
  } else {
    const number = opts.number ?? (await nextTicketNumber(deps.db, vendorId));
    try {
      created = await deps.db.transaction((tx) => insertTicket(tx, ctx, input, { ...opts, number }));
    } catch (err) {
      await deps.db
        .update(ticketCounters)
        .set({ last: number - 1 })
        .where(and(eq(ticketCounters.vendorId, vendorId), eq(ticketCounters.last, number)));
      throw err;
    }
  }
  const { row, changes } = created;
  deps.events.emit('ticket.changed', {
    vendorId: ctx.actor.vendorId,
    ticketId: row.id,
    kind: 'created',
    changes,
    author: opts.author ?? authorOf(ctx),
  });
  return row;
}

/** Loads a ticket for a change, locked, visible to the caller, and still open to changes. */
export async function lockTicket(tx: Db, ctx: TicketContext, id: number): Promise<TicketRow> {
  const [row] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.vendorId, ctx.actor.vendorId), eq(tickets.id, id)))
    .for('update');
  if (!row || !(await canSeeTicket(tx, ctx, row))) throw new AppError('not_found');
  if (row.mergedIntoId !== null) throw new AppError('ticket_merged');
  if (row.status === 'closed') throw new AppError('ticket_closed');
  return row;
}

/**
 * Applies a change to a locked ticket and records it: the one write path for the console, the API,
 * batch edits, merges, splits and (later) rules. Returns the changes made (empty if none).
 */
export async function changeTicket(
  tx: Db,
  ctx: TicketContext,
  current: TicketRow,
  patch: TicketPatch,
  opts: { author?: ChangeAuthor; note?: string; kind?: TicketChangeKind } = {},
): Promise<{ row: TicketRow; changes: TicketChange[] }> {
  const author = opts.author ?? authorOf(ctx);
  return outermostChange(
    tx,
    ctx,
    (r) =>
      r.row === current ? null : { author, kind: opts.kind ?? (r.changes.length ? 'updated' : 'comment') },
    () => applyChange(tx, ctx, current, patch, opts),
  );
}

async function applyChange(
  tx: Db,
  ctx: TicketContext,
  current: TicketRow,
  patch: TicketPatch,
  opts: { author?: ChangeAuthor; note?: string },
): Promise<{ row: TicketRow; changes: TicketChange[] }> {
  const { values, errors } = await buildValues(tx, ctx, patch, current);
  if (errors.length) fail(errors);
  const changes = diffTicket(current, values);
  if (changes.length === 0 && !opts.note) return { row: current, changes };
  const author = opts.author ?? authorOf(ctx);
  if (author.type === 'agent' && changes.length)
    for (const guard of writeGuards) await guard(tx, ctx, current, askedFor(changes, patch));
  const [row] = await tx
    .update(tickets)
    .set({ ...values, updatedAt: new Date(), version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.vendorId, current.vendorId), eq(tickets.id, current.id)))
    .returning();
  if (!row) throw new AppError('not_found');
  await appendTicketEvent(tx, current.vendorId, author, {
    ticketId: current.id,
    kind: changes.length ? 'updated' : 'comment',
    changes,
    body: opts.note ? sanitizeRichText(opts.note) : null,
  });
  return { row, changes };
}

export async function updateTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  id: number,
  input: TicketUpdateInput,
): Promise<TicketRow> {
  const { note, version, ...patch } = input;
  let written = false;
  const { row, changes } = await deps.db.transaction(async (tx) => {
    const current = await lockTicket(tx, ctx, id);
    // Optimistic locking: two agents editing the same ticket never silently overwrite each other.
    if (version !== undefined && version !== current.version)
      throw new AppError(
        'ticket_version_conflict',
        { version: current.version },
        [],
        { etag: `"${current.version}"` },
        {
          currentVersion: current.version,
        },
      );
    const result = await changeTicket(tx, ctx, current, patch, { note });
    written = result.row !== current;
    return result;
  });
  // A note alone is a change too (the timeline, notifications and open consoles follow it).
  if (written)
    deps.events.emit('ticket.changed', {
      vendorId: ctx.actor.vendorId,
      ticketId: row.id,
      kind: changes.length ? 'updated' : 'comment',
      changes,
      author: authorOf(ctx),
    });
  return row;
}

/** Writes a reply or note (and its status) on a locked ticket, in the caller's transaction (batch edits share it). */
export async function writeComment(
  tx: Db,
  ctx: TicketContext,
  current: TicketRow,
  input: { body: string; public: boolean; attachments?: Attachment[]; status?: TicketStatus },
): Promise<{ row: TicketRow; changes: TicketChange[] }> {
  return outermostChange(
    tx,
    ctx,
    () => ({ author: authorOf(ctx), kind: 'comment' }),
    () => addComment(tx, ctx, current, input),
  );
}

async function addComment(
  tx: Db,
  ctx: TicketContext,
  current: TicketRow,
  input: { body: string; public: boolean; attachments?: Attachment[]; status?: TicketStatus },
): Promise<{ row: TicketRow; changes: TicketChange[] }> {
  const vendorId = ctx.actor.vendorId;
  const attachments = await assertFilesExist(tx, vendorId, input.attachments ?? []);
  await appendTicketEvent(tx, vendorId, authorOf(ctx), {
    ticketId: current.id,
    kind: 'comment',
    public: input.public,
    body: sanitizeRichText(input.body),
    attachments,
  });
  const status = input.status ?? (input.public && current.status === 'new' ? 'open' : undefined);
  const changed = status ? await changeTicket(tx, ctx, current, { status }) : { row: current, changes: [] };
  const extra: Values = { updatedAt: new Date(), version: sql`${tickets.version} + 1` as unknown as number };
  if (input.public && current.firstReplyAt === null) extra.firstReplyAt = new Date();
  const [row] = await tx
    .update(tickets)
    .set(extra)
    .where(and(eq(tickets.vendorId, vendorId), eq(tickets.id, current.id)))
    .returning();
  return { row: row ?? changed.row, changes: changed.changes };
}

/**
 * A public reply (公开回复, the customer sees it) or an internal note (内部注释), optionally with a
 * status. An agent's first public reply stamps first-reply time and opens a new ticket.
 */
export async function commentOnTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  id: number,
  input: { body: string; public: boolean; attachments?: Attachment[]; status?: TicketStatus },
): Promise<TicketRow> {
  const vendorId = ctx.actor.vendorId;
  const author = authorOf(ctx);
  const result = await deps.db.transaction(async (tx) =>
    writeComment(tx, ctx, await lockTicket(tx, ctx, id), input),
  );
  deps.events.emit('ticket.changed', {
    vendorId,
    ticketId: id,
    kind: 'comment',
    changes: result.changes,
    author,
    public: input.public,
  });
  return result.row;
}

/** Loads a ticket the caller may see. */
export async function getTicketRow(db: Db, ctx: TicketContext, id: number): Promise<TicketRow> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.vendorId, ctx.actor.vendorId), eq(tickets.id, id)));
  if (!row || !(await canSeeTicket(db, ctx, row))) throw new AppError('not_found');
  return row;
}

/** Deletes a ticket and its timeline (records stay with the customer, unlinked). */
export async function deleteTicket(deps: TicketDeps, ctx: TicketContext, id: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await getTicketRow(tx, ctx, id);
    await tx
      .update(tickets)
      .set({ parentId: null })
      .where(and(eq(tickets.vendorId, row.vendorId), eq(tickets.parentId, id)));
    await tx
      .update(tickets)
      .set({ mergedIntoId: null })
      .where(and(eq(tickets.vendorId, row.vendorId), eq(tickets.mergedIntoId, id)));
    await tx.delete(tickets).where(and(eq(tickets.vendorId, row.vendorId), eq(tickets.id, id)));
  });
  deps.events.emit('ticket.changed', {
    vendorId: ctx.actor.vendorId,
    ticketId: id,
    kind: 'deleted',
    changes: [],
    author: authorOf(ctx),
  });
}
