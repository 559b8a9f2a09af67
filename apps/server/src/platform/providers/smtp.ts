import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { type EmailProvider, ProviderError } from './types.js';

/** Seconds an SMTP conversation may take before the attempt counts as failed (and is retried). */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * Customer e-mail through an SMTP server (`SMTP_URL`, e.g. smtps://user:pass@smtp.exmail.qq.com).
 * The Message-ID is derived from the outbox key, so a message re-sent after a crash carries the
 * same id and mail clients show it once. 5xx answers are permanent, everything else is retried.
 */
export function smtpEmail(url: string, from: string): EmailProvider {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    name: 'smtp',
    async sendEmail(message, ctx) {
      const digest = createHash('sha256').update(`${ctx.vendorId}:${ctx.idempotencyKey}`).digest('hex');
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          messageId: `<${digest.slice(0, 32)}@yidan>`,
          headers: { 'X-Yidan-Idempotency-Key': ctx.idempotencyKey },
        });
        return { providerRef: info.messageId ?? null };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        throw new ProviderError((err as Error).message, !(code && code >= 500 && code < 600));
      }
    },
  };
}
