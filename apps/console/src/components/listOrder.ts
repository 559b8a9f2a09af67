/**
 * The ids in their new order after dragging `dragId` onto `targetId`: dragged down it lands after
 * the target, dragged up before it (as the drop line shows).
 */
export function moveId<T extends number | string>(ids: T[], dragId: T, targetId: T): T[] {
  const from = ids.indexOf(dragId);
  const to = ids.indexOf(targetId);
  if (from === -1 || to === -1 || from === to) return ids;
  const next = ids.filter((id) => id !== dragId);
  next.splice(next.indexOf(targetId) + (from < to ? 1 : 0), 0, dragId);
  return next;
}

/** One step up (-1) or down (+1), for the arrow buttons on touch screens. */
export function stepId<T extends number | string>(ids: T[], id: T, step: -1 | 1): T[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= ids.length) return ids;
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
