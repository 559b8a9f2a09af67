/** The keys of a patch whose values differ from the row (custom fields by their own keys). */
export function changedKeys(current: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const keys: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (k === 'custom' && v && typeof v === 'object') {
      const before = (current.custom ?? {}) as Record<string, unknown>;
      for (const [ck, cv] of Object.entries(v)) if (!same(before[ck], cv)) keys.push(`custom.${ck}`);
    } else if (!(k in current) || !same(current[k], v)) keys.push(k);
  }
  return keys;
}
