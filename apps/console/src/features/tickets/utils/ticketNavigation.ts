/**
 * What the detail page needs from the list it was opened from: the order of the tickets shown
 * (j/k on the detail page move to the neighbour) and the list's URL (Esc goes back to it).
 * Kept in sessionStorage so a reload of the detail page keeps both.
 */
const ORDER_KEY = 'yidan.tickets.order';
const LIST_KEY = 'yidan.tickets.list';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Private mode without storage: the detail page simply has no neighbours.
  }
}

export function rememberTicketOrder(ids: number[]) {
  write(ORDER_KEY, JSON.stringify(ids.slice(0, 500)));
}

/** The ticket shown `step` places after (or before) this one in the remembered list. */
export function neighbourTicket(id: number, step: 1 | -1): number | null {
  try {
    const ids = JSON.parse(read(ORDER_KEY) ?? '[]') as number[];
    const index = ids.indexOf(id);
    return index === -1 ? null : (ids[index + step] ?? null);
  } catch {
    return null;
  }
}

export function rememberListUrl(url: string) {
  write(LIST_KEY, url);
}

export function listUrl(): string {
  return read(LIST_KEY) ?? '/tickets';
}
