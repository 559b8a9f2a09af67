import type { BasicDataNode } from 'antd/es/tree';
import type { Group } from '../../../api/types';

export interface GroupNode extends BasicDataNode {
  key: number;
  title: string;
  group: Group;
  children: GroupNode[];
}

const byOrder = (a: Group, b: Group) => a.sortOrder - b.sortOrder || a.id - b.id;

/** Flat list (parentId + sortOrder) → nested tree, siblings in their sort order. */
export function buildGroupTree(groups: Group[]): GroupNode[] {
  const ids = new Set(groups.map((g) => g.id));
  const build = (parentId: number | null): GroupNode[] =>
    groups
      // A parent that is not in the list (should not happen) puts the group at the root.
      .filter((g) => (g.parentId !== null && ids.has(g.parentId) ? g.parentId : null) === parentId)
      .sort(byOrder)
      .map((g) => ({ key: g.id, title: g.name, group: g, children: build(g.id) }));
  return build(null);
}

/** The group and everything under it (a group cannot move below itself). */
export function subtreeIds(groups: Group[], rootId: number): Set<number> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentId !== null && result.has(g.parentId) && !result.has(g.id)) {
        result.add(g.id);
        grew = true;
      }
    }
  }
  return result;
}

export interface GroupMove {
  id: number;
  parentId: number | null;
  parentChanged: boolean;
  orderedIds: number[];
}

/**
 * Where a dropped group ends up: `inside` puts it first under the target, otherwise it goes
 * before or after the target among the target's siblings.
 */
export function computeGroupMove(
  groups: Group[],
  dragId: number,
  targetId: number,
  placement: 'inside' | 'before' | 'after',
): GroupMove | null {
  const drag = groups.find((g) => g.id === dragId);
  const target = groups.find((g) => g.id === targetId);
  if (!drag || !target || dragId === targetId) return null;
  if (subtreeIds(groups, dragId).has(targetId)) return null;

  const parentId = placement === 'inside' ? target.id : target.parentId;
  const siblings = groups
    .filter((g) => g.parentId === parentId && g.id !== dragId)
    .sort(byOrder)
    .map((g) => g.id);
  let index = 0;
  if (placement !== 'inside') {
    index = siblings.indexOf(target.id) + (placement === 'after' ? 1 : 0);
  }
  siblings.splice(index, 0, dragId);
  return { id: dragId, parentId, parentChanged: drag.parentId !== parentId, orderedIds: siblings };
}
