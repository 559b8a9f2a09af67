/**
 * A short-lived in-process cache of per-vendor settings read on every request (field definitions,
 * customer settings, the default ticket template, the enabled triggers). Writers on this node call
 * `invalidate` after they change what a kind holds, so this node sees its own changes at once; other
 * nodes see them within `TTL_MS` (the price of not asking the database on every ticket change).
 * Values are shared between requests: callers must treat them as read-only.
 */
const TTL_MS = 2_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();
/** Bumped by every invalidation of a key, so a load that started before it is not stored after it. */
const generations = new Map<string, number>();

const keyOf = (kind: string, vendorId: number) => `${kind}:${vendorId}`;

export async function cachedForVendor<T>(kind: string, vendorId: number, load: () => Promise<T>): Promise<T> {
  const key = keyOf(kind, vendorId);
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const generation = generations.get(key) ?? 0;
  // Promise.resolve runs a lazy thenable (a drizzle query) once; awaiting it again would re-run it.
  const value = Promise.resolve(load());
  entries.set(key, { at: now, value });
  try {
    return await value;
  } catch (err) {
    if (entries.get(key)?.value === value) entries.delete(key);
    throw err;
  } finally {
    if ((generations.get(key) ?? 0) !== generation && entries.get(key)?.value === value) entries.delete(key);
  }
}

/** Drops what this node holds of `kind` for the vendor (after a write). */
export function invalidateVendorCache(kind: string, vendorId: number) {
  const key = keyOf(kind, vendorId);
  entries.delete(key);
  generations.set(key, (generations.get(key) ?? 0) + 1);
}
