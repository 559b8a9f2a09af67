import type { FieldOption } from '../types/customerTypes';

const SEPARATOR = /\s*[/／>]\s*/;

/**
 * Pasted lines (`北京市/海淀区`, one path per line; `/`, `／` or `>` between levels) → an option
 * tree. Each option's value is its label; blank lines and repeated paths are ignored.
 */
export function parseCascadeLines(text: string): FieldOption[] {
  const tree: FieldOption[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line
      .split(SEPARATOR)
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, 10);
    if (parts.length) insertPath(tree, parts);
  }
  return tree;
}

function insertPath(level: FieldOption[], parts: string[]) {
  let nodes = level;
  for (const label of parts) {
    let node = nodes.find((o) => o.value === label);
    if (!node) {
      node = { value: label, label };
      nodes.push(node);
    }
    node.children ??= [];
    nodes = node.children;
  }
}

/** Drops empty `children` arrays so leaves are leaves (the Cascader shows an arrow otherwise). */
function prune(options: FieldOption[]): FieldOption[] {
  return options.map((o) =>
    o.children?.length ? { ...o, children: prune(o.children) } : { value: o.value, label: o.label },
  );
}

/** `extra` merged into `base` path by path (import in "append" mode). */
export function mergeCascade(base: FieldOption[], extra: FieldOption[]): FieldOption[] {
  const copy: FieldOption[] = structuredClone(base);
  for (const line of cascadeToLines(extra)) insertPath(copy, line.split('/'));
  return prune(copy);
}

export function importCascade(base: FieldOption[], text: string, mode: 'append' | 'replace'): FieldOption[] {
  const parsed = prune(parseCascadeLines(text));
  return mode === 'replace' ? parsed : mergeCascade(base, parsed);
}

/** Removes the option at `path` (values from the root) and everything under it. */
export function removeCascadeNode(options: FieldOption[], path: string[]): FieldOption[] {
  const [head, ...rest] = path;
  if (rest.length === 0) return options.filter((o) => o.value !== head);
  return options.map((o) =>
    o.value === head && o.children ? { ...o, children: removeCascadeNode(o.children, rest) } : o,
  );
}

/** Every path to a leaf as a `a/b/c` line (the import box is prefilled with these). */
export function cascadeToLines(options: FieldOption[], prefix: string[] = []): string[] {
  return options.flatMap((o) => {
    const path = [...prefix, o.label];
    return o.children?.length ? cascadeToLines(o.children, path) : [path.join('/')];
  });
}
