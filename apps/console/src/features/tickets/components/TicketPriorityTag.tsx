import { Tag } from 'antd';
import { PRIORITY_COLORS, useTicketLabels } from '../hooks/useTicketLabels';
import type { TicketPriority } from '../types/ticketTypes';

export function TicketPriorityTag({ priority }: { priority: TicketPriority }) {
  const labels = useTicketLabels();
  return (
    <Tag color={PRIORITY_COLORS[priority]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {labels.priority(priority)}
    </Tag>
  );
}
