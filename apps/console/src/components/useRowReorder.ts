import { theme } from 'antd';
import type { DragEvent, HTMLAttributes } from 'react';
import { useState } from 'react';
import { moveId } from './listOrder';

/**
 * Drag-and-drop ordering of table rows: spread `rowProps(id)` into a row's attributes (Table
 * `onRow`); a drop reports the ids in their new order, the row under the pointer outlined meanwhile.
 */
export function useRowReorder<T extends number | string>(ids: T[], onReorder: (next: T[]) => void) {
  const { token } = theme.useToken();
  const [dragging, setDragging] = useState<T | null>(null);
  const [over, setOver] = useState<T | null>(null);

  return (id: T): HTMLAttributes<HTMLElement> & { draggable: true } => ({
    draggable: true,
    style:
      over === id && dragging !== id
        ? { outline: `2px dashed ${token.colorPrimary}`, outlineOffset: -2 }
        : undefined,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', String(id));
      setDragging(id);
    },
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      if (over !== id) setOver(id);
    },
    onDragEnd: () => {
      setDragging(null);
      setOver(null);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const data = e.dataTransfer.getData('text/plain');
      const dragId = ids.find((x) => String(x) === data) ?? dragging;
      setDragging(null);
      setOver(null);
      if (dragId !== null) onReorder(moveId(ids, dragId, id));
    },
  });
}
