import type { TicketView } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/http/messages.js';
import { ticketCatalogue } from './catalogue.js';
import type { TicketContext } from './context.js';
import { ticketViews, type ViewVisibility } from './schema.js';
import {
  DEFAULT_COLUMNS,
  isSystemKey,
  SYSTEM_BY_KEY,
  SYSTEM_VIEW_KEYS,
  type SystemViewKey,
  systemDefault,
  type ViewRecord,
} from './systemViews.js';
import { type ViewInput, type ViewPatch, viewErrors } from './viewValidation.js';

export type { ViewRecord } from './systemViews.js';
/** What view operations need to know about the caller. */
export type ViewCaller = TicketContext;
type Row = typeof ticketViews.$inferSelect;

function rowView(r: Row & { systemKey: SystemViewKey | null }): ViewRecord {
  return {
    id: r.systemKey ? `sys:${r.systemKey}` : String(r.id),
    system: r.systemKey !== null,
    name: r.name,
    description: r.description,
    conditions: r.conditions,
    templateId: r.templateId,
    columns: r.columns,
    groupBy: r.groupBy,
    sort: { field: r.sortField, direction: r.sortDirection },
    visibility: {
      scope: r.visibility.scope,
      groupIds: r.visibility.groupIds ?? [],
      agentIds: r.visibility.agentIds ?? [],
      contactTag: r.visibility.contactTag ?? null,
    },
    category: r.category,
    enabled: r.enabled,
    sortOrder: r.sortOrder,
    ownerAgentId: r.ownerAgentId,
    rowId: r.id,
    systemKey: r.systemKey,
  };
}

export function presentView(v: ViewRecord): TicketView {
  const { rowId: _rowId, systemKey: _systemKey, ...view } = v;
  return view;
}

/** Every view of the vendor: system views (as edited) and stored ones, in display order. */
export async function loadVendorViews(db: Db, vendorId: number, lang: Lang): Promise<ViewRecord[]> {
  const rows = await db.select().from(ticketViews).where(eq(ticketViews.vendorId, vendorId));
  const overrides = new Map<SystemViewKey, ViewRecord>();
  const views: ViewRecord[] = [];
  for (const r of rows) {
    // A stored system key the code no longer defines is left alone (and not shown).
    if (r.systemKey === null) views.push(rowView({ ...r, systemKey: null }));
    else if (isSystemKey(r.systemKey)) overrides.set(r.systemKey, rowView({ ...r, systemKey: r.systemKey }));
  }
  for (const key of SYSTEM_VIEW_KEYS) views.push(overrides.get(key) ?? systemDefault(key, lang));
  const systemIndex = (v: ViewRecord) => (v.systemKey ? SYSTEM_BY_KEY.get(v.systemKey)!.i : 99);
  return views.sort(
    (a, b) => a.sortOrder - b.sortOrder || systemIndex(a) - systemIndex(b) || (a.rowId ?? 0) - (b.rowId ?? 0),
  );
}

const isManager = (ctx: ViewCaller) => ctx.actor.permissions.has('ticket.settings');
const ownedBy = (v: ViewRecord, ctx: ViewCaller) => v.ownerAgentId === ctx.actor.agentId;

/** Shown in the agent's sidebar by its visibility (the portal scopes are for contacts only). */
function inSidebar(v: ViewRecord, ctx: ViewCaller): boolean {
  const vis = v.visibility;
  switch (vis.scope) {
    case 'all':
      return true;
    case 'me':
      return ownedBy(v, ctx);
    case 'groups':
      return ownedBy(v, ctx) || vis.groupIds.some((g) => ctx.groupIds.includes(g));
    case 'agents':
      return ownedBy(v, ctx) || vis.agentIds.includes(ctx.actor.agentId);
    default:
      return false;
  }
}

/** Whether the caller may see a view at all: the sidebar's, or any but others' personal views for managers. */
function accessible(v: ViewRecord, ctx: ViewCaller): boolean {
  if (inSidebar(v, ctx)) return true;
  return isManager(ctx) && !(v.visibility.scope === 'me' && !ownedBy(v, ctx));
}

/** Managers edit every view they see; agents their own personal ones (like Zendesk personal views). */
function mayEdit(v: ViewRecord, ctx: ViewCaller): boolean {
  return isManager(ctx) || (!v.system && v.visibility.scope === 'me' && ownedBy(v, ctx));
}

/** Views for the sidebar (enabled, visible to the caller), or with `manage` every view the caller may see. */
export async function listTicketViews(
  db: Db,
  ctx: ViewCaller,
  opts: { manage: boolean; lang: Lang },
): Promise<ViewRecord[]> {
  const views = await loadVendorViews(db, ctx.actor.vendorId, opts.lang);
  return opts.manage
    ? views.filter((v) => accessible(v, ctx))
    : views.filter((v) => v.enabled && inSidebar(v, ctx));
}

const findView = (views: ViewRecord[], id: string) => views.find((v) => v.id === id);

export async function getTicketView(db: Db, ctx: ViewCaller, id: string, lang: Lang): Promise<ViewRecord> {
  const view = findView(await loadVendorViews(db, ctx.actor.vendorId, lang), id);
  if (!view || !accessible(view, ctx)) throw new AppError('not_found');
  return view;
}

/** A view the caller may list tickets by: switched-off views only for those who manage them. */
export async function usableTicketView(db: Db, ctx: ViewCaller, id: string): Promise<ViewRecord> {
  const view = await getTicketView(db, ctx, id, 'zh-CN');
  if (!view.enabled && !mayEdit(view, ctx)) throw new AppError('not_found');
  return view;
}

/** Names are unique per vendor; a system view not yet edited holds both of its names. */
function assertNameFree(views: ViewRecord[], name: string, self: ViewRecord | null) {
  const taken = views.some((v) => {
    if (v === self) return false;
    if (v.system && v.rowId === null && v.systemKey) {
      const d = SYSTEM_BY_KEY.get(v.systemKey)!.d;
      return d.name.zh === name || d.name.en === name;
    }
    return v.name === name;
  });
  if (taken) throw new AppError('name_taken', { name });
}

function rowValues(v: ViewPatch) {
  const vis = v.visibility;
  return {
    ...(v.name !== undefined ? { name: v.name } : {}),
    ...(v.description !== undefined ? { description: v.description } : {}),
    ...(v.conditions !== undefined ? { conditions: v.conditions } : {}),
    ...(v.templateId !== undefined ? { templateId: v.templateId } : {}),
    ...(v.columns !== undefined ? { columns: [...new Set(v.columns)] } : {}),
    ...(v.groupBy !== undefined ? { groupBy: v.groupBy } : {}),
    ...(v.sort !== undefined ? { sortField: v.sort.field, sortDirection: v.sort.direction } : {}),
    ...(vis !== undefined
      ? {
          visibility: {
            scope: vis.scope,
            groupIds: vis.scope === 'groups' ? vis.groupIds : [],
            agentIds: vis.scope === 'agents' ? vis.agentIds : [],
            contactTag: vis.scope === 'contact_tag' ? (vis.contactTag?.trim() ?? null) : null,
          } as ViewVisibility,
        }
      : {}),
    ...(v.category !== undefined ? { category: v.category || null } : {}),
    ...(v.enabled !== undefined ? { enabled: v.enabled } : {}),
  };
}

const personalOnly = () =>
  new AppError('forbidden', {}, [{ path: 'body.visibility.scope', message: 'view_personal_only' }]);

/** 添加查询器: agents may add personal views; sharing needs ticket.settings. */
export async function createTicketView(db: Db, ctx: ViewCaller, input: ViewInput, lang: Lang) {
  const manager = isManager(ctx);
  const visibility = input.visibility ?? {
    scope: manager ? 'all' : 'me',
    groupIds: [],
    agentIds: [],
    contactTag: null,
  };
  if (visibility.scope !== 'me' && !manager) throw personalOnly();
  const full: ViewInput = { ...input, visibility };
  const errors = await viewErrors(db, ctx, await ticketCatalogue(db, ctx), full);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const views = await loadVendorViews(db, ctx.actor.vendorId, lang);
  assertNameFree(views, input.name, null);
  const [row] = await db
    .insert(ticketViews)
    .values({
      vendorId: ctx.actor.vendorId,
      columns: DEFAULT_COLUMNS,
      ...rowValues(full),
      name: input.name,
      conditions: input.conditions,
      visibility: rowValues({ visibility }).visibility!,
      sortOrder: Math.max(-1, ...views.map((v) => v.sortOrder)) + 1,
      ownerAgentId: ctx.actor.agentId,
    })
    .returning();
  return rowView({ ...row!, systemKey: null });
}

/** The full row of a system view, for its first stored version. */
function systemRow(v: ViewRecord) {
  return {
    name: v.name,
    description: v.description,
    conditions: v.conditions,
    templateId: v.templateId,
    columns: v.columns,
    groupBy: v.groupBy,
    sortField: v.sort.field,
    sortDirection: v.sort.direction,
    visibility: v.visibility as ViewVisibility,
    category: v.category,
    enabled: v.enabled,
    sortOrder: v.sortOrder,
  };
}

/** Stores a change of a view; a system view gets (or updates) its override row. */
async function storeView(
  db: Db,
  vendorId: number,
  v: ViewRecord,
  values: Partial<typeof ticketViews.$inferInsert>,
) {
  if (v.rowId !== null) {
    const [row] = await db
      .update(ticketViews)
      .set(values)
      .where(and(eq(ticketViews.vendorId, vendorId), eq(ticketViews.id, v.rowId)))
      .returning();
    return row!;
  }
  const full = { ...systemRow(v), ...values };
  const [row] = await db
    .insert(ticketViews)
    .values({ vendorId, systemKey: v.systemKey, ...full })
    .onConflictDoUpdate({ target: [ticketViews.vendorId, ticketViews.systemKey], set: full })
    .returning();
  return row!;
}

export async function updateTicketView(db: Db, ctx: ViewCaller, id: string, patch: ViewPatch, lang: Lang) {
  const views = await loadVendorViews(db, ctx.actor.vendorId, lang);
  const view = findView(views, id);
  if (!view || !accessible(view, ctx)) throw new AppError('not_found');
  if (!mayEdit(view, ctx)) throw new AppError('forbidden');
  const scope = patch.visibility?.scope ?? view.visibility.scope;
  if (scope !== 'me' && !isManager(ctx)) throw personalOnly();
  const errors = await viewErrors(db, ctx, await ticketCatalogue(db, ctx), patch);
  // A personal system view would be nobody's.
  if (view.system && scope === 'me')
    errors.push({ path: 'body.visibility.scope', message: 'view_system_personal' });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  if (patch.name !== undefined && patch.name !== view.name) assertNameFree(views, patch.name, view);
  const values = rowValues(patch);
  // Made personal by a manager: it becomes the manager's own view.
  const owner = scope === 'me' && view.visibility.scope !== 'me' ? { ownerAgentId: ctx.actor.agentId } : {};
  const row = await storeView(db, ctx.actor.vendorId, view, { ...values, ...owner });
  return rowView({ ...row, systemKey: view.systemKey });
}

/** Deletes a custom view; a system view is switched off instead (reset brings it back). */
export async function deleteTicketView(db: Db, ctx: ViewCaller, id: string) {
  const view = await getTicketView(db, ctx, id, 'zh-CN');
  if (!mayEdit(view, ctx)) throw new AppError('forbidden');
  if (view.system) {
    await storeView(db, ctx.actor.vendorId, view, { enabled: false });
    return;
  }
  await db
    .delete(ticketViews)
    .where(and(eq(ticketViews.vendorId, ctx.actor.vendorId), eq(ticketViews.id, view.rowId!)));
}

/** Back to the built-in definition of a system view (its edits, switch-off and position dropped). */
export async function resetSystemView(db: Db, ctx: ViewCaller, id: string, lang: Lang) {
  const view = await getTicketView(db, ctx, id, lang);
  if (!view.systemKey) throw new AppError('not_found');
  await db
    .delete(ticketViews)
    .where(and(eq(ticketViews.vendorId, ctx.actor.vendorId), eq(ticketViews.systemKey, view.systemKey)));
  return systemDefault(view.systemKey, lang);
}

/** 排序: the listed views take positions 0, 1, 2 … in that order; the others keep theirs after them. */
export async function orderTicketViews(db: Db, ctx: ViewCaller, ids: string[], lang: Lang) {
  const views = await loadVendorViews(db, ctx.actor.vendorId, lang);
  const errors: FieldError[] = [];
  const listed = ids.map((id, i) => {
    const v = findView(views, id);
    if (!v || !accessible(v, ctx)) errors.push({ path: `body.ids.${i}`, message: 'not_found' });
    return v;
  });
  if (new Set(ids).size !== ids.length) errors.push({ path: 'body.ids', message: 'duplicate_id' });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const rest = views.filter((v) => !ids.includes(v.id));
  await db.transaction(async (tx) => {
    const ordered = [...(listed as ViewRecord[]), ...rest];
    for (const [i, v] of ordered.entries()) {
      // A view already in its place (an untouched system view included) is not written.
      if (v.sortOrder !== i) await storeView(tx, ctx.actor.vendorId, v, { sortOrder: i });
    }
  });
  return listTicketViews(db, ctx, { manage: true, lang });
}
