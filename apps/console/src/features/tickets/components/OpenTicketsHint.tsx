import { Alert, Button, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useTicketList } from '../hooks/useTickets';
import type { Ticket } from '../types/ticketTypes';
import { TicketStatusTag } from './TicketStatusTag';

interface Props {
  contactId?: number | null;
  companyId?: number | null;
  onOpen: (ticket: Ticket) => void;
}

/**
 * 一个问题，一张工单: when the customer already has unresolved tickets, offer them first
 * (关联到原工单) so the agent continues the existing ticket instead of opening a second one.
 */
export function OpenTicketsHint({ contactId, companyId, onOpen }: Props) {
  const { t } = useT();
  const filter = contactId
    ? { contactId, unresolved: true }
    : { companyId: companyId ?? undefined, unresolved: true };
  const { data } = useTicketList(filter, Boolean(contactId || companyId));
  const open = data?.pages.flatMap((p) => p.items) ?? [];
  if (!open.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('tickets.openTickets.title', { count: open.length })}
      description={
        <Flex vertical gap={4} data-testid="ticket-open-tickets">
          {open.slice(0, 5).map((ticket) => (
            <Flex key={ticket.id} justify="space-between" align="center" gap={8}>
              <Flex align="center" gap={6} style={{ minWidth: 0 }}>
                <Typography.Text type="secondary">#{ticket.number}</Typography.Text>
                <TicketStatusTag status={ticket.status} />
                <Typography.Text ellipsis>{ticket.subject}</Typography.Text>
              </Flex>
              <Button
                size="small"
                onClick={() => onOpen(ticket)}
                data-testid={`ticket-link-open-${ticket.id}`}
              >
                {t('tickets.openTickets.link')}
              </Button>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
