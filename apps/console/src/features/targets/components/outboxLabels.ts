import type { Translate } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/zh-CN';
import type { OutboxEntry } from '../types/targetTypes';

/** The delivery log's own error codes in the user's language; a receiver's or network error as it came. */
export function outboxErrorText(error: string, t: Translate): string {
  const key = `outbox.err.${error}` as MessageKey;
  return error === 'target_deleted' || error === 'target_disabled' ? t(key) : error;
}

export const STATUS_COLORS: Record<OutboxEntry['status'], string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};
