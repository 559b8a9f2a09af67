import { useEffect, useRef } from 'react';

export type ShortcutKey = 'j' | 'k' | 'open' | 'back' | 'r' | 'c' | '?' | '/' | 'x';
export type ShortcutHandlers = Partial<Record<ShortcutKey, () => void>>;

const typing = (target: EventTarget | null) =>
  Boolean(
    (target as HTMLElement | null)?.closest?.(
      'input, textarea, select, [contenteditable="true"], .ant-select, .ant-picker',
    ),
  );

const INTERACTIVE = 'button, a, [role="menuitem"], [role="button"], [role="tab"], [role="option"]';

/** An open dialog or drawer owns the keyboard (Esc closes it). */
const dialogOpen = () =>
  Boolean(
    document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open'),
  );

/**
 * The ticket workspace's single-key shortcuts (j/k move, Enter opens (`open`), Esc goes back (`back`), r replies,
 * c creates, ? shows help). Handlers may change every render; the listener stays the same.
 */
export function useTicketShortcuts(handlers: ShortcutHandlers, enabled = true) {
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
      if (dialogOpen()) return;
      if (typing(e.target)) {
        // Esc leaves a text box first; the next Esc goes back.
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      // Enter on a focused button, link or menu item belongs to that element.
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.closest?.(INTERACTIVE)) return;
      const name = e.key === 'Enter' ? 'open' : e.key === 'Escape' ? 'back' : e.key;
      const handler = current.current[name as ShortcutKey];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
