import type { ImportField, ImportMapping } from '../types/transferTypes';

/** Header → field key; '' means the column is not imported. */
export type MappingDraft = Record<string, string>;

/** The wizard's starting point: the server's auto-match, every other column not imported. */
export function initialMapping(header: string[], suggested: ImportMapping): MappingDraft {
  return Object.fromEntries(header.map((h) => [h, suggested[h] ?? '']));
}

/** What the server takes: only the columns that go somewhere. */
export function mappingToSend(draft: MappingDraft): ImportMapping {
  return Object.fromEntries(Object.entries(draft).filter(([, key]) => key !== ''));
}

/** Required fields that no column maps to yet. */
export function missingRequired(fields: ImportField[], draft: MappingDraft): ImportField[] {
  const mapped = new Set(Object.values(draft));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/**
 * Fields grouped by the prefix of their key: the entity's own fields first, then `contacts.*`,
 * `custom.*` and any other prefix, in the order the server lists them.
 */
export function groupFields(fields: ImportField[]): { prefix: string; fields: ImportField[] }[] {
  const groups = new Map<string, ImportField[]>();
  for (const field of fields) {
    const dot = field.key.indexOf('.');
    const prefix = dot === -1 ? '' : field.key.slice(0, dot);
    groups.set(prefix, [...(groups.get(prefix) ?? []), field]);
  }
  return [...groups].map(([prefix, list]) => ({ prefix, fields: list }));
}

/** The first non-empty values of a column in the preview rows, for the mapping table. */
export function sampleValues(rows: string[][], column: number, count = 3): string[] {
  return rows
    .map((row) => row[column]?.trim() ?? '')
    .filter(Boolean)
    .slice(0, count);
}
