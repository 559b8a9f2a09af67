import { type CustomerStatisticsRow, RECORD_CHANNELS } from '@yidan/contracts';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';

/** One row per company: services by channel, tickets and how long since the last service. */
export function CustomerStatisticsTable({
  rows,
  loading,
}: {
  rows: CustomerStatisticsRow[];
  loading: boolean;
}) {
  const { t } = useT();
  const columns: ColumnsType<CustomerStatisticsRow> = [
    {
      key: 'company',
      title: t('customers.statistics.company'),
      fixed: 'left',
      width: 200,
      render: (_, r) => <Link to={`/customers/companies/${r.companyId}`}>{r.companyName}</Link>,
    },
    {
      key: 'owner',
      title: t('customers.statistics.owner'),
      width: 100,
      render: (_, r) => r.ownerAgentName ?? '—',
    },
    ...RECORD_CHANNELS.map((channel) => ({
      key: channel,
      title: t(`customers.recordChannel.${channel}`),
      width: 80,
      align: 'right' as const,
      render: (_: unknown, r: CustomerStatisticsRow) => r.services[channel] || '—',
    })),
    {
      key: 'total',
      title: t('customers.statsTotal'),
      width: 100,
      align: 'right',
      render: (_, r) => <Typography.Text strong>{r.totalServices}</Typography.Text>,
    },
    {
      key: 'tickets',
      title: t('customers.statistics.tickets'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.openTickets
          ? `${r.tickets}（${t('customers.statistics.openCount', { count: r.openTickets })}）`
          : r.tickets,
    },
    {
      key: 'last',
      title: t('customers.lastService'),
      width: 180,
      render: (_, r) =>
        r.lastServiceAt ? (
          <span>
            {dayjs(r.lastServiceAt).format('YYYY-MM-DD')}{' '}
            <Typography.Text type={(r.daysSinceService ?? 0) > 90 ? 'danger' : 'secondary'}>
              {t('customers.statistics.daysAgo', { days: r.daysSinceService ?? 0 })}
            </Typography.Text>
          </span>
        ) : (
          <Tag color="red">{t('customers.statistics.never')}</Tag>
        ),
    },
  ];
  return (
    <Table<CustomerStatisticsRow>
      rowKey="companyId"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="customer-statistics-table"
    />
  );
}
