import type { CustomerGroup } from '../types/customerTypes';

export interface CustomerGroupNode {
  key: number;
  value: number;
  title: string;
  group: CustomerGroup;
  children: CustomerGroupNode[];
}

const byOrder = (a: CustomerGroup, b: CustomerGroup) => a.sortOrder - b.sortOrder || a.id - b.id;

/** Flat customer groups (parentId + sortOrder) → a tree for Tree and TreeSelect. */
export function buildCustomerGroupTree(groups: CustomerGroup[]): CustomerGroupNode[] {
  const ids = new Set(groups.map((g) => g.id));
  const build = (parentId: number | null): CustomerGroupNode[] =>
    groups
      .filter((g) => (g.parentId !== null && ids.has(g.parentId) ? g.parentId : null) === parentId)
      .sort(byOrder)
      .map((g) => ({ key: g.id, value: g.id, title: g.name, group: g, children: build(g.id) }));
  return build(null);
}
