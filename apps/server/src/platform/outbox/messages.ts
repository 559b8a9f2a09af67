import { ProviderError, type Providers, type SendContext, type SendReceipt } from '../providers/types.js';
import type { AttemptOutcome, ChannelDelivery } from './delivery.js';
import { type OutboxRow, sentMessages } from './schema.js';

/** What an outbox row of a message channel carries (rendered when the rule fired). */
export interface MessagePayload {
  to: string;
  subject?: string | null;
  body: string;
  contactId?: number | null;
}

type MessageChannel = 'sms' | 'email' | 'wechat';

function send(providers: Providers, channel: MessageChannel, p: MessagePayload, ctx: SendContext) {
  switch (channel) {
    case 'sms':
      return providers.sms.sendSms({ to: p.to, body: p.body }, ctx);
    case 'email':
      return providers.email.sendEmail(
        { to: p.to, subject: p.subject || p.body.slice(0, 60), body: p.body },
        ctx,
      );
    case 'wechat':
      return providers.wechat.sendTemplate({ openid: p.to, title: p.subject ?? '', body: p.body }, ctx);
  }
}

/**
 * Delivery of a customer message through its channel's provider; once accepted it is written to
 * `sent_messages` (客户通知记录) in the transaction that marks the row delivered — at most once per
 * outbox row, so a re-send after a crash does not log it twice.
 */
function messageDelivery(providers: Providers, channel: MessageChannel): ChannelDelivery {
  return async (row: OutboxRow, { signal }): Promise<AttemptOutcome> => {
    const p = row.payload as unknown as MessagePayload;
    const provider = providers[channel].name;
    let receipt: SendReceipt;
    try {
      receipt = await send(providers, channel, p, {
        vendorId: row.vendorId,
        idempotencyKey: row.idempotencyKey,
        signal,
      });
    } catch (err) {
      const retryable = !(err instanceof ProviderError) || err.retryable;
      return { result: retryable ? 'retry' : 'failed', error: `${provider}: ${(err as Error).message}` };
    }
    return {
      result: 'delivered',
      response: receipt.providerRef ? `${provider}: ${receipt.providerRef}` : provider,
      onDelivered: async (tx) => {
        await tx
          .insert(sentMessages)
          .values({
            vendorId: row.vendorId,
            channel,
            provider,
            recipient: p.to,
            subject: p.subject ?? null,
            body: p.body,
            ticketId: row.ticketId,
            contactId: p.contactId ?? null,
            outboxId: row.id,
            providerRef: receipt.providerRef,
          })
          .onConflictDoNothing({ target: [sentMessages.vendorId, sentMessages.outboxId] });
      },
    };
  };
}

/** The deliveries of the three customer message channels over the configured providers. */
export function messageDeliveries(providers: Providers): Record<MessageChannel, ChannelDelivery> {
  return {
    sms: messageDelivery(providers, 'sms'),
    email: messageDelivery(providers, 'email'),
    wechat: messageDelivery(providers, 'wechat'),
  };
}
