import { randomUUID } from 'node:crypto';
import type { TargetTestInput, TargetTestResult } from '@yidan/contracts';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { type ChannelDelivery, deliverNow } from '../../platform/outbox/delivery.js';
import { placeholderData } from '../rules/placeholders.js';
import type { TicketContext } from '../tickets/context.js';
import { getTicketRow } from '../tickets/service.js';
import { outboundPlaceholderData, renderTargetRequest, samplePlaceholderData } from './render.js';
import { getTarget, resolveAuth, targetErrors, targetsByIds } from './service.js';
import { sendWebhook, type WebhookPayload } from './webhook.js';

/**
 * The outbox's webhook channel: sends a stored call with the target's current credentials (so a
 * corrected password applies to retries). A target deleted or switched off since fails the call
 * without retry; the console's 重试 sends it again once the target is back.
 */
export function webhookDelivery(db: Db): ChannelDelivery {
  return async (row, { attempt, signal }) => {
    const payload = row.payload as WebhookPayload;
    const [target] = row.targetId ? await targetsByIds(db, row.vendorId, [row.targetId]) : [];
    if (!target) return { result: 'failed', error: 'target_deleted' };
    if (!target.enabled && payload.test !== true) return { result: 'failed', error: 'target_disabled' };
    return sendWebhook(payload, {
      auth: target.auth,
      idempotencyKey: row.idempotencyKey,
      deliveryId: row.id,
      attempt,
      signal,
    });
  };
}

/**
 * 测试 (manual 5.2.19): the target as saved, with the form's unsaved values over it, rendered for a
 * ticket the caller can see (or a sample ticket) and sent now, once; the call is in the delivery log.
 */
export async function testTarget(
  db: Db,
  ctx: TicketContext,
  id: number,
  input: TargetTestInput,
): Promise<TargetTestResult> {
  const vendorId = ctx.actor.vendorId;
  const saved = await getTarget(db, vendorId, id);
  const { ticketId, auth: authInput, ...overrides } = input;
  const errors = targetErrors(overrides);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const target = { ...saved, ...overrides, auth: resolveAuth(authInput, saved.auth) };
  let data = samplePlaceholderData(ctx);
  let ticket = null;
  if (ticketId !== undefined) {
    ticket = await getTicketRow(db, ctx, ticketId);
    data = await placeholderData(db, ctx, ticket);
  }
  const request = await renderTargetRequest(target, await outboundPlaceholderData(db, data, ticket));
  const idempotencyKey = `yd-${vendorId}-test-${randomUUID()}`;
  const { claim, outcome, durationMs } = await deliverNow(
    db,
    {
      vendorId,
      channel: 'webhook',
      targetId: id,
      ticketId: ticket?.id ?? null,
      idempotencyKey,
      payload: { ...request, test: true },
    },
    (row, c) =>
      sendWebhook(request, {
        auth: target.auth,
        idempotencyKey,
        deliveryId: row.id,
        attempt: c.attempt,
        signal: c.signal,
      }),
  );
  return {
    ok: outcome.result === 'delivered',
    statusCode: outcome.statusCode ?? null,
    durationMs,
    response: outcome.response ?? null,
    error: outcome.error ?? null,
    request: { method: request.method, url: request.url, body: request.body },
    outboxId: claim.row.id,
  };
}
