import {
  MACRO_FORM_SYSTEM_KEYS,
  type MacroFormValues,
  type TicketCreateInput,
  type TicketUpdateInput,
} from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { App } from '../../platform/http/route.js';
import { ticketContext } from '../tickets/context.js';
import { ticketTemplates } from '../tickets/schema.js';
import { evaluateMacros } from './macroEvaluation.js';
import { macros } from './schema.js';

const SUBMITS = new Set(['PATCH /api/v1/tickets/:id', 'POST /api/v1/tickets']);

/** A ticket write's body as form values ('ticket.priority', 'ticket.custom.<key>'). */
function bodyValues(body: TicketUpdateInput | TicketCreateInput): MacroFormValues {
  const values: MacroFormValues = {};
  for (const key of MACRO_FORM_SYSTEM_KEYS) {
    const v = body[key.slice('ticket.'.length) as keyof typeof body];
    if (v !== undefined) values[key] = v;
  }
  for (const [k, v] of Object.entries(body.custom ?? {})) values[`ticket.custom.${k}`] = v;
  return values;
}

async function defaultTemplateId(db: Db, vendorId: number): Promise<number | null> {
  const [t] = await db
    .select({ id: ticketTemplates.id })
    .from(ticketTemplates)
    .where(
      and(
        eq(ticketTemplates.vendorId, vendorId),
        eq(ticketTemplates.isDefault, true),
        eq(ticketTemplates.enabled, true),
      ),
    )
    .limit(1);
  return t?.id ?? null;
}

/**
 * 工单控制 enforced by the server: a ticket saved or created from the console (a session, as the
 * form is) runs the agent's 工单提交 macros over what it is about to save, and a macro that blocks
 * the submit refuses it (422 macro_blocked with the macro's message) before anything is written.
 * The console asks first (POST /api/v1/macros/evaluate) and shows the message; this keeps an old
 * tab or a hand-made request from going around it. API tokens (integrations) are not forms.
 */
export function registerMacroSubmitCheck(app: App, db: Db) {
  app.addHook('preHandler', async (req) => {
    if (!SUBMITS.has(`${req.method} ${req.routeOptions.url}`)) return;
    const actor = req.actor;
    if (actor?.via !== 'session') return;
    const [any] = await db
      .select({ id: macros.id })
      .from(macros)
      .where(and(eq(macros.vendorId, actor.vendorId), eq(macros.enabled, true), eq(macros.mode, 'submit')))
      .limit(1);
    if (!any) return;
    const ctx = await ticketContext(db, actor);
    const body = req.body as TicketUpdateInput | TicketCreateInput;
    const ticketId = req.method === 'PATCH' ? (req.params as { id: number }).id : undefined;
    const templateId =
      body.templateId !== undefined
        ? body.templateId
        : ticketId === undefined
          ? await defaultTemplateId(db, actor.vendorId)
          : undefined;
    let result: Awaited<ReturnType<typeof evaluateMacros>>;
    try {
      result = await evaluateMacros(db, ctx, {
        mode: 'submit',
        ticketId,
        templateId,
        values: bodyValues(body),
      });
    } catch (err) {
      // A ticket the caller cannot see: the route answers that itself.
      if (err instanceof AppError && err.code === 'not_found') return;
      throw err;
    }
    if (result.block)
      throw new AppError(
        'macro_blocked',
        { message: result.block.message },
        [],
        {},
        { macroId: result.block.macroId },
      );
  });
}
