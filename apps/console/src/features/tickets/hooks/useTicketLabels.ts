import { useCallback, useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import type {
  RecordChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
} from '../types/ticketTypes';

/** Localised names of a ticket's enumerations (状态, 优先级, 类型, 来源, 服务记录渠道). */
export function useTicketLabels() {
  const { t } = useT();
  const status = useCallback((s: TicketStatus) => t(`tickets.status.${s}`), [t]);
  const priority = useCallback((p: TicketPriority) => t(`tickets.priority.${p}`), [t]);
  const type = useCallback((v: TicketType) => t(`tickets.type.${v}`), [t]);
  const source = useCallback((s: TicketSource) => t(`tickets.source.${s}`), [t]);
  const channel = useCallback((c: RecordChannel) => t(`tickets.channel.${c}`), [t]);
  return useMemo(
    () => ({ status, priority, type, source, channel }),
    [status, priority, type, source, channel],
  );
}

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'gold',
  open: 'red',
  pending: 'blue',
  solved: 'green',
  closed: 'default',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};
