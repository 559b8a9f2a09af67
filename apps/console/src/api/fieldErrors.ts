import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';

type PathPart = string | number;

const LOCATIONS = new Set(['body', 'querystring', 'query', 'params']);

/** `weekly.0.ranges.1.end` or `/weekly/0/ranges/1/end` → ['weekly', 0, 'ranges', 1, 'end']. */
export function splitPath(path: string): PathPart[] {
  return path
    .split(/[./[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: PathPart[], b: PathPart[]): boolean {
  return a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
}

/**
 * Shows server validation errors on the form fields they belong to. A path that is deeper than any
 * field (e.g. `ranges.1.end` on a RangePicker named `ranges.1`) lands on the closest registered field.
 * `aliases` renames a top-level body field to the form field that edits it.
 * Returns true when at least one error was placed.
 */
export function applyFieldErrors(
  form: FormInstance,
  errors: { path: string; message: string }[],
  aliases: Record<string, string> = {},
): boolean {
  const registered = form.getFieldsError().map((field) => field.name as PathPart[]);
  const byField = new Map<string, { name: NamePath; messages: string[] }>();
  for (const error of errors) {
    const parts = splitPath(error.path);
    // The server prefixes where the field was (`body.account`); forms only know the field.
    if (LOCATIONS.has(String(parts[0]))) parts.shift();
    // A body field that the form edits under another name (e.g. startDate/endDate → dates).
    const alias = aliases[String(parts[0])];
    if (alias) parts[0] = alias;
    for (let len = parts.length; len > 0; len--) {
      const prefix = parts.slice(0, len);
      const name = registered.find((candidate) => sameName(candidate, prefix));
      if (!name) continue;
      const key = JSON.stringify(name);
      const entry = byField.get(key) ?? { name, messages: [] };
      entry.messages.push(error.message);
      byField.set(key, entry);
      break;
    }
  }
  form.setFields([...byField.values()].map(({ name, messages }) => ({ name, errors: messages })));
  return byField.size > 0;
}
