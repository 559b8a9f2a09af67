import { App, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { ServiceStatusTag } from '../../customers/components/ServiceStatusTag';
import { useTicketList, useUpdateTicket } from '../hooks/useTickets';
import type { Ticket } from '../types/ticketTypes';
import { ContactSelect } from './ContactSelect';
import { TicketStatusTag } from './TicketStatusTag';

/**
 * 客户信息: the contact and company with the company's service status, the customer's other
 * tickets, and a contact picker for a ticket that has no customer yet.
 */
export function TicketCustomerPanel({ ticket, editable }: { ticket: Ticket; editable: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { can } = useAccess();
  const canSeeCustomers = can('customer.view');
  const company = ticket.company;
  const update = useUpdateTicket();
  const showError = useApiError();
  const customer = ticket.contactId
    ? { contactId: ticket.contactId }
    : { companyId: ticket.companyId ?? undefined };
  const others = useTicketList(customer, Boolean(ticket.contactId || ticket.companyId));
  const history = (others.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((x) => x.id !== ticket.id)
    .slice(0, 5);

  if (!ticket.contact && !ticket.company)
    return (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('tickets.noCustomer')}</Typography.Text>
        {editable && (
          <ContactSelect
            testId="ticket-set-contact"
            onChange={(contactId) => {
              if (!contactId) return;
              update.mutate(
                { id: ticket.id, body: { contactId } },
                { onSuccess: () => message.success(t('tickets.saved')), onError: (e) => showError(e) },
              );
            }}
          />
        )}
      </Flex>
    );

  const link = (to: string, text: string, testId: string) =>
    canSeeCustomers ? (
      <Link to={to} data-testid={testId}>
        {text}
      </Link>
    ) : (
      text
    );

  return (
    <Flex vertical gap={8} data-testid="ticket-customer">
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(ticket.contact
            ? [
                {
                  key: 'contact',
                  label: t('tickets.field.contactId'),
                  children: link(
                    `/customers/contacts/${ticket.contact.id}`,
                    ticket.contact.name,
                    'ticket-contact-link',
                  ),
                },
                {
                  key: 'mobile',
                  label: t('tickets.customer.mobile'),
                  children: ticket.contact.mobile ?? '—',
                },
              ]
            : []),
          ...(ticket.company
            ? [
                {
                  key: 'company',
                  label: t('tickets.field.companyId'),
                  children: (
                    <Flex gap={6} wrap align="center">
                      {link(
                        `/customers/companies/${ticket.company.id}`,
                        ticket.company.name,
                        'ticket-company-link',
                      )}
                      {company && <ServiceStatusTag status={company.serviceStatus} />}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(company?.package
            ? [{ key: 'package', label: t('tickets.customer.package'), children: company.package }]
            : []),
          ...(company?.serviceEnd
            ? [{ key: 'serviceEnd', label: t('tickets.customer.serviceEnd'), children: company.serviceEnd }]
            : []),
        ]}
      />
      {history.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('tickets.customer.otherTickets')}</Typography.Text>
          {history.map((x) => (
            <Flex key={x.id} gap={6} align="center" style={{ minWidth: 0 }}>
              <TicketStatusTag status={x.status} />
              <Link to={`/tickets/${x.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis style={{ color: 'inherit' }}>
                  #{x.number} {x.subject}
                </Typography.Text>
              </Link>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
