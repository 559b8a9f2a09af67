import type { TargetHeader } from '@yidan/contracts';
import type { AttemptOutcome } from '../../platform/outbox/delivery.js';
import type { TargetAuth, TargetMethod } from './schema.js';

/** One webhook call as the outbox stores it: rendered, without credentials (read from the target). */
export interface WebhookPayload {
  [key: string]: unknown;
  url: string;
  method: TargetMethod;
  headers: TargetHeader[];
  contentType: string;
  body: string;
  /** A 测试 call from the console. */
  test?: boolean;
}

/** How long a receiver may take before the attempt counts as failed (and is retried). */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** Bytes of a response read for the delivery log. */
const RESPONSE_BYTES = 4096;

export const sendsBody = (method: TargetMethod) => method !== 'GET' && method !== 'DELETE';

function authorization(auth: TargetAuth): string | null {
  if (auth.type === 'basic')
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  return null;
}

async function readStart(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < RESPONSE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, RESPONSE_BYTES));
}

/** Seconds of a Retry-After header (its date form too), in milliseconds. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function networkError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `timeout: no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  const cause = e.cause;
  return cause ? [cause.code, cause.message].filter(Boolean).join(' ') : e.message;
}

/**
 * Sends one webhook call. Headers: the target's own, its credentials (Basic or Bearer),
 * `Idempotency-Key` (the same on every attempt of the row, so the receiver can drop a repeat),
 * `X-Yidan-Delivery` (the delivery log id) and `X-Yidan-Attempt`. Redirects are not followed.
 * 2xx is delivered; 408, 429 and 5xx, timeouts and network errors are retried; any other answer
 * (4xx, 3xx) fails at once — sending the same request again would get the same answer.
 */
export async function sendWebhook(
  p: WebhookPayload,
  extra: {
    auth: TargetAuth;
    idempotencyKey: string;
    deliveryId: number;
    attempt: number;
    signal: AbortSignal;
  },
): Promise<AttemptOutcome> {
  const headers = new Headers({ 'user-agent': 'Yidan-Webhook/1.0', accept: '*/*' });
  for (const h of p.headers) headers.set(h.name, h.value);
  const auth = authorization(extra.auth);
  if (auth) headers.set('authorization', auth);
  headers.set('idempotency-key', extra.idempotencyKey);
  headers.set('x-yidan-delivery', String(extra.deliveryId));
  headers.set('x-yidan-attempt', String(extra.attempt));
  const body = sendsBody(p.method) ? p.body : undefined;
  if (body !== undefined) headers.set('content-type', `${p.contentType}; charset=utf-8`);
  let url: URL;
  try {
    url = new URL(p.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    return { result: 'failed', error: `invalid URL after placeholders: ${p.url.slice(0, 200)}` };
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: p.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.any([extra.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
    });
  } catch (err) {
    return { result: extra.signal.aborted ? 'interrupted' : 'retry', error: networkError(err) };
  }
  const response = await readStart(res).catch(() => '');
  const statusCode = res.status;
  if (statusCode >= 200 && statusCode < 300) return { result: 'delivered', statusCode, response };
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500)
    return {
      result: 'retry',
      statusCode,
      response,
      retryAfterMs: retryAfterMs(res.headers.get('retry-after')),
    };
  const location = statusCode >= 300 && statusCode < 400 ? res.headers.get('location') : null;
  return {
    result: 'failed',
    statusCode,
    response,
    error: location ? `redirected to ${location} (not followed)` : null,
  };
}
