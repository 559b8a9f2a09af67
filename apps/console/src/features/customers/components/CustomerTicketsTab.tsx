import type { Ticket } from '@yidan/contracts';
import { Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { TicketStatusTag } from '../../tickets/components/TicketStatusTag';
import type { CustomerRef } from '../api/customer360Api';
import { useCustomerTickets } from '../hooks/useCustomer360';
import { LoadMore } from './LoadMore';

/** 工单 (manual 2.11.8.2): the customer's tickets, newest first; each opens the ticket. */
export function CustomerTicketsTab({ customer }: { customer: CustomerRef }) {
  const { t } = useT();
  const list = useCustomerTickets(customer);
  const tickets = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  return (
    <>
      <Table<Ticket>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={tickets}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('customers.tickets.empty') }}
        data-testid="customer-tickets"
        columns={[
          {
            key: 'number',
            title: t('customers.tickets.number'),
            width: 80,
            render: (_, r) => <Link to={`/tickets/${r.id}`}>#{r.number}</Link>,
          },
          {
            key: 'subject',
            title: t('customers.tickets.subject'),
            render: (_, r) => (
              <Link to={`/tickets/${r.id}`} data-testid="customer-ticket-link">
                {r.subject}
              </Link>
            ),
          },
          {
            key: 'status',
            title: t('customers.tickets.status'),
            width: 100,
            render: (_, r) => <TicketStatusTag status={r.status} />,
          },
          {
            key: 'assignee',
            title: t('customers.tickets.assignee'),
            width: 110,
            render: (_, r) => r.assignee?.name ?? '—',
          },
          {
            key: 'createdAt',
            title: t('customers.tickets.createdAt'),
            width: 150,
            render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      {tickets.length > 0 && (
        <LoadMore
          shown={tickets.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => list.fetchNextPage()}
        />
      )}
    </>
  );
}
