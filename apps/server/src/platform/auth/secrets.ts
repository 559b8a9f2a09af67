import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Splits `<vendorId><sep><secret>`; null when malformed. */
export function splitVendorSecret(value: string, sep: string): { vendorId: number; secret: string } | null {
  const at = value.indexOf(sep);
  if (at <= 0) return null;
  const vendorId = Number(value.slice(0, at));
  const secret = value.slice(at + sep.length);
  if (!Number.isSafeInteger(vendorId) || vendorId <= 0 || secret.length < 20 || secret.length > 100)
    return null;
  return { vendorId, secret };
}
