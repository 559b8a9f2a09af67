import type { ServiceRecord } from '@yidan/contracts';
import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import type { CustomerRef } from '../api/customer360Api';
import { useCustomerRecords } from '../hooks/useCustomer360';
import { LoadMore } from './LoadMore';

const TIME = 'YYYY-MM-DD HH:mm';

/** 服务记录 (manual 2.11.8.1): every call, chat, remote session, visit, e-mail and note with the customer. */
export function CustomerRecordsTab({ customer }: { customer: CustomerRef }) {
  const { t } = useT();
  const list = useCustomerRecords(customer);
  const directory = useAgentDirectory();
  const records = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const agentName = useMemo(
    () => new Map((directory.data ?? []).map((a) => [a.id, a.name])),
    [directory.data],
  );

  return (
    <>
      <Table<ServiceRecord>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={records}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('customers.records.empty') }}
        data-testid="customer-records"
        columns={[
          {
            key: 'channel',
            title: t('customers.records.channel'),
            width: 110,
            render: (_, r) => <Tag>{t(`customers.recordChannel.${r.channel}`)}</Tag>,
          },
          {
            key: 'startedAt',
            title: t('customers.records.startedAt'),
            width: 150,
            render: (_, r) => dayjs(r.startedAt).format(TIME),
          },
          {
            key: 'summary',
            title: t('customers.records.summary'),
            render: (_, r) => (
              <Typography.Text ellipsis={{ tooltip: r.summary }} style={{ maxWidth: 320 }}>
                {r.summary || '—'}
              </Typography.Text>
            ),
          },
          {
            key: 'agent',
            title: t('customers.records.agent'),
            width: 110,
            render: (_, r) => (r.agentId ? (agentName.get(r.agentId) ?? `#${r.agentId}`) : '—'),
          },
          {
            key: 'ticket',
            title: t('customers.records.ticket'),
            width: 90,
            render: (_, r) =>
              r.ticketId ? <Link to={`/tickets/${r.ticketId}`}>{t('customers.records.open')}</Link> : '—',
          },
        ]}
      />
      {records.length > 0 && (
        <LoadMore
          shown={records.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => list.fetchNextPage()}
        />
      )}
    </>
  );
}
