import {
  MACRO_FORM_SYSTEM_KEYS,
  type MacroAction,
  type MacroEvaluateInput,
  type MacroEvaluation,
  type MacroFormValues,
} from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { createFieldCatalogue, type FieldCatalogue } from '../../platform/rules/catalogue.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { prepareEvaluator } from '../../platform/rules/evaluate.js';
import { contacts } from '../customers/schema.js';
import {
  bindCurrentAgent,
  CURRENT_AGENT,
  type TicketRelations,
  ticketConditionRecord,
  ticketQueryFields,
} from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import { getTicketRow } from '../tickets/service.js';
import { relationsOf } from './engine.js';
import { availableMacros } from './macros.js';
import { noteHtml, placeholderData, renderPlaceholders } from './placeholders.js';
import type { MacroRow } from './schema.js';

/** A ticket not created yet, for the create form: the defaults a new ticket gets. */
function newTicketRow(ctx: TicketContext): TicketRow {
  const now = new Date();
  return {
    vendorId: ctx.actor.vendorId,
    id: 0,
    number: 0,
    version: 1,
    subject: '',
    description: '',
    status: 'new',
    priority: 'normal',
    type: 'question',
    source: ctx.actor.via === 'token' ? 'api' : 'agent',
    templateId: null,
    contactId: null,
    companyId: null,
    assigneeId: null,
    groupId: null,
    ccAgentIds: [],
    ccGroupIds: [],
    tags: [],
    custom: {},
    parentId: null,
    mergedIntoId: null,
    creatorAgentId: ctx.actor.agentId,
    creatorContactId: null,
    dueAt: null,
    createdAt: now,
    updatedAt: now,
    firstReplyAt: null,
    solvedAt: null,
    closedAt: null,
    statusChangedAt: now,
    assignedAt: null,
    satisfaction: null,
    search: null,
    slaPolicyId: null,
    sla: null,
    slaDueAt: null,
    workflowVersionId: null,
    workflowNodeId: null,
    workflowNodeEnteredAt: null,
    workflowNodeDueAt: null,
  };
}

const CUSTOM = 'ticket.custom.';

/** A ticket's values as the form holds them, keyed like the catalogue (custom fields as the API takes them). */
function formValuesOf(row: TicketRow, ctx: TicketContext): MacroFormValues {
  const values: MacroFormValues = {};
  for (const key of MACRO_FORM_SYSTEM_KEYS) {
    const v = row[key.slice('ticket.'.length) as keyof TicketRow];
    values[key] = v instanceof Date ? v.toISOString() : v;
  }
  for (const f of ctx.fields)
    if (!f.system && f.enabled) values[`${CUSTOM}${f.key}`] = row.custom[f.key] ?? null;
  return values;
}

/** The ticket as the form would save it: the row with the form's values over it. */
function rowWithValues(base: TicketRow, values: MacroFormValues): TicketRow {
  const system = Object.fromEntries(
    MACRO_FORM_SYSTEM_KEYS.filter((k) => k in values).map((k) => [k.slice('ticket.'.length), values[k]]),
  ) as Partial<TicketRow> & { dueAt?: unknown };
  const custom = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(CUSTOM))
      .map(([k, v]) => [k.slice(CUSTOM.length), v]),
  );
  const due = system.dueAt;
  return {
    ...base,
    ...system,
    dueAt: due === undefined ? base.dueAt : due ? new Date(String(due)) : null,
    custom: { ...base.custom, ...custom },
  };
}

const isBlank = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);
const comparable = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].sort() : (v ?? null));
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** What the agent typed (plain text) as paragraphs of escaped HTML. */
const typedHtml = (s: string) =>
  s.trim() ? noteHtml(s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)) : '';

/** The macros this run considers: the one clicked, or every one of the mode (watching the field). */
async function macrosToRun(
  db: Db,
  ctx: TicketContext,
  input: MacroEvaluateInput,
  templateId: number | null,
): Promise<MacroRow[]> {
  const list = await availableMacros(db, ctx, templateId, input.mode);
  if (input.mode === 'manual') {
    const clicked = list.find((m) => m.id === input.macroId);
    if (!clicked) throw new AppError('not_found');
    return [clicked];
  }
  if (input.mode === 'change') return list.filter((m) => m.watchFields.includes(input.changedField ?? ''));
  return list;
}

/** The evaluator's catalogue: every ticket field of the vendor, no option lists (nothing to query). */
function evaluationCatalogue(ctx: TicketContext): FieldCatalogue {
  const { fields } = ticketQueryFields({
    fields: ctx.fields,
    packages: [],
    agents: [],
    groups: [],
    templates: [],
    masked: false,
  });
  return createFieldCatalogue(fields);
}

/** The ticket's company and contact; a contact's company stands in while the form names none. */
async function relationsOfForm(db: Db, row: TicketRow): Promise<TicketRelations> {
  if (row.contactId === null || row.companyId !== null) return relationsOf(db, row);
  const [contact] = await db
    .select({ companyId: contacts.companyId })
    .from(contacts)
    .where(and(eq(contacts.vendorId, row.vendorId), eq(contacts.id, row.contactId)));
  return relationsOf(db, { ...row, companyId: contact?.companyId ?? null });
}

interface RunState {
  values: MacroFormValues;
  reply: { text: string; html: string; public: boolean } | null;
  hidden: Set<string>;
  shown: Set<string>;
  hideReplies: boolean | null;
  readOnly: boolean;
  hiddenMacroIds: Set<number>;
  block: { message: string; macroId: number } | null;
}

/**
 * Runs macros over a ticket form (manual 5.1.6.3) and returns the form as they leave it; it only
 * computes — nothing is written (Zendesk: a macro changes the form, the agent's submit saves it).
 * The macros run in order, each seeing what the ones before it changed; a macro whose conditions
 * hold applies its actions, else its else-actions. A macro hidden by an earlier one (宏控制) does
 * not run; the first 阻止提交 ends the run. Conditions read the form's values with the ticket's
 * company and contact; the reply text's Liquid placeholders read the ticket as the form has it.
 */
export async function evaluateMacros(
  db: Db,
  ctx: TicketContext,
  input: MacroEvaluateInput,
): Promise<MacroEvaluation> {
  const base = input.ticketId ? await getTicketRow(db, ctx, input.ticketId) : newTicketRow(ctx);
  const initial: MacroFormValues = { ...formValuesOf(base, ctx), ...input.values };
  const templateId =
    input.templateId !== undefined
      ? input.templateId
      : ((initial['ticket.templateId'] as number | null) ?? null);
  const list = await macrosToRun(db, ctx, input, templateId);
  const state: RunState = {
    values: { ...initial },
    reply: null,
    hidden: new Set(),
    shown: new Set(),
    hideReplies: null,
    readOnly: false,
    hiddenMacroIds: new Set(),
    block: null,
  };
  const applied: MacroEvaluation['applied'] = [];
  if (list.length) {
    const catalogue = evaluationCatalogue(ctx);
    const related = await relationsOfForm(db, rowWithValues(base, initial));
    const evaluation = { now: new Date(), timeZone: ctx.actor.vendor.timeZone };
    const act = actions(db, ctx, base, input, state);
    for (const m of list) {
      if (state.hiddenMacroIds.has(m.id)) continue;
      let holds: boolean;
      try {
        const test = prepareEvaluator(bindCurrentAgent(m.conditions, ctx.actor.agentId), catalogue);
        holds = test(
          ticketConditionRecord(rowWithValues(base, state.values), related, ctx.fields),
          evaluation,
        );
      } catch (err) {
        // A field the conditions name was deleted since: the macro does nothing (as triggers).
        if (err instanceof ConditionError) continue;
        throw err;
      }
      applied.push({ macroId: m.id, title: m.title, branch: holds ? 'then' : 'else' });
      for (const a of holds ? m.actions : m.elseActions) await act(a, m);
      if (state.block) break;
    }
  }
  const changedFields = Object.keys(state.values).filter(
    (k) => comparable(state.values[k]) !== comparable(initial[k]),
  );
  return {
    values: state.values,
    changedFields,
    reply: state.reply,
    hiddenFields: [...state.hidden],
    shownFields: [...state.shown],
    hideReplies: state.hideReplies,
    readOnly: state.readOnly,
    hiddenMacroIds: [...state.hiddenMacroIds],
    block: state.block,
    applied,
  };
}

/** Applies one action of a macro to the run's state. */
function actions(db: Db, ctx: TicketContext, base: TicketRow, input: MacroEvaluateInput, state: RunState) {
  const render = async (text: string, mode: 'html' | 'text') =>
    renderPlaceholders(text, await placeholderData(db, ctx, rowWithValues(base, state.values)), mode);
  const v = state.values;
  const typed = () => ({
    text: input.reply?.text ?? '',
    html: typedHtml(input.reply?.text ?? ''),
    public: input.reply?.public ?? true,
  });
  const setShown = (keys: unknown, show: boolean) => {
    for (const k of asList(keys).map(String)) {
      (show ? state.shown : state.hidden).add(k);
      (show ? state.hidden : state.shown).delete(k);
    }
  };
  return async (a: MacroAction, m: MacroRow) => {
    switch (a.field) {
      case 'ticket.tags.add':
        v['ticket.tags'] = [...new Set([...asList(v['ticket.tags']), ...asList(a.value)])];
        return;
      case 'ticket.tags.remove': {
        const removed = new Set(asList(a.value));
        v['ticket.tags'] = asList(v['ticket.tags']).filter((t) => !removed.has(t));
        return;
      }
      case 'ticket.cc.add':
        v['ticket.ccAgentIds'] = [...new Set([...asList(v['ticket.ccAgentIds']), ...asList(a.value)])];
        return;
      case 'submit.block':
        state.block = { message: (await render(String(a.value), 'text')).trim(), macroId: m.id };
        return;
      case 'form.readOnly':
        state.readOnly = true;
        return;
      case 'macros.hide':
        for (const id of asList(a.value)) if (id !== m.id) state.hiddenMacroIds.add(Number(id));
        return;
      case 'reply.text': {
        const current = state.reply ?? typed();
        if (a.onlyIfEmpty && current.text.trim() !== '') return;
        const text = await render(String(a.value), 'text');
        const html = noteHtml(await render(String(a.value), 'html'));
        // As in Zendesk, the macro's text is added after what the agent already wrote.
        state.reply = current.text.trim()
          ? { ...current, text: `${current.text.trimEnd()}\n${text}`, html: `${current.html}${html}` }
          : { ...current, text, html };
        return;
      }
      case 'reply.public':
        state.reply = { ...(state.reply ?? typed()), public: a.value === true };
        return;
      case 'form.showFields':
        return setShown(a.value, true);
      case 'form.hideFields':
        return setShown(a.value, false);
      case 'form.showReplies':
        state.hideReplies = false;
        return;
      case 'form.hideReplies':
        state.hideReplies = true;
        return;
      default: {
        // 基本操作: a ticket field, set always or only where the form has it empty.
        if (a.onlyIfEmpty && !isBlank(v[a.field])) return;
        v[a.field] =
          a.field === 'ticket.assigneeId' && a.value === CURRENT_AGENT
            ? ctx.actor.agentId
            : (a.value ?? null);
      }
    }
  };
}
