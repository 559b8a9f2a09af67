import { Tag } from 'antd';
import { STATUS_COLORS, useTicketLabels } from '../hooks/useTicketLabels';
import type { TicketStatus } from '../types/ticketTypes';

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const labels = useTicketLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="ticket-status-tag">
      {labels.status(status)}
    </Tag>
  );
}
