/**
 * Provider adapters for messages to customers (DESIGN §6): each channel has an interface, a dev
 * adapter that makes the product usable on one machine, and real adapters (SMTP now; Aliyun and
 * Tencent SMS, WeChat template messages later) chosen by configuration.
 */

/** What every send carries: the vendor and the outbox row's idempotency key (providers that dedupe take it). */
export interface SendContext {
  vendorId: number;
  idempotencyKey: string;
  signal: AbortSignal;
}

export interface SmsMessage {
  /** A mainland mobile number, as stored on the contact. */
  to: string;
  /** The rendered text. Template-based providers (Aliyun, Tencent) map it onto an approved template. */
  body: string;
}
export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}
export interface WechatTemplateMessage {
  /** The contact's openid under the vendor's official account. */
  openid: string;
  title: string;
  body: string;
}

/** What a provider reports for an accepted message (its own message id, when it gives one). */
export interface SendReceipt {
  providerRef: string | null;
}

export interface SmsProvider {
  readonly name: string;
  sendSms(message: SmsMessage, ctx: SendContext): Promise<SendReceipt>;
}
export interface EmailProvider {
  readonly name: string;
  sendEmail(message: EmailMessage, ctx: SendContext): Promise<SendReceipt>;
}
export interface WechatProvider {
  readonly name: string;
  sendTemplate(message: WechatTemplateMessage, ctx: SendContext): Promise<SendReceipt>;
}

export interface Providers {
  sms: SmsProvider;
  email: EmailProvider;
  wechat: WechatProvider;
}

/**
 * A provider's refusal. `retryable` false means sending again cannot help (a bad address, a
 * rejected template): the outbox marks the message failed instead of backing off.
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
