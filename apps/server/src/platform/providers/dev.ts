import type { EmailProvider, Providers, SmsProvider, WechatProvider } from './types.js';

const accepted = (kind: string, key: string) => Promise.resolve({ providerRef: `dev-${kind}-${key}` });

/**
 * The dev adapters: they accept every message and send nothing. The outbox records each accepted
 * message in `sent_messages` (客户通知记录), which is where the dev "delivery" can be seen.
 */
export const devSms: SmsProvider = { name: 'dev', sendSms: (_m, ctx) => accepted('sms', ctx.idempotencyKey) };
export const devEmail: EmailProvider = {
  name: 'dev',
  sendEmail: (_m, ctx) => accepted('email', ctx.idempotencyKey),
};
export const devWechat: WechatProvider = {
  name: 'dev',
  sendTemplate: (_m, ctx) => accepted('wechat', ctx.idempotencyKey),
};

export const devProviders = (): Providers => ({ sms: devSms, email: devEmail, wechat: devWechat });
