import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Flex, Table, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { Ticket, TicketBatchItem } from '../types/ticketTypes';

/** 批量编辑 results, one row per ticket: done, or why not (closed, merged, an unavailable agent …). */
export function BatchResultTable({ items, tickets }: { items: TicketBatchItem[]; tickets: Ticket[] }) {
  const { t } = useT();
  const failed = items.filter((i) => !i.ok).length;
  return (
    <Flex vertical gap={8}>
      <Typography.Text data-testid="batch-summary">
        {t('tickets.batch.summary', { ok: items.length - failed, failed })}
      </Typography.Text>
      <Table<TicketBatchItem>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={items}
        data-testid="batch-results"
        columns={[
          {
            key: 'ticket',
            title: t('tickets.batch.ticket'),
            render: (_, item) => {
              const ticket = item.ticket ?? tickets.find((x) => x.id === item.id);
              return ticket ? `#${ticket.number} ${ticket.subject}` : `#${item.id}`;
            },
          },
          {
            key: 'result',
            title: t('tickets.batch.result'),
            width: 220,
            render: (_, item) =>
              item.ok ? (
                <Flex gap={6}>
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                  {t('tickets.batch.ok')}
                </Flex>
              ) : (
                <Flex gap={6}>
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                  <Typography.Text type="danger">{item.error ?? t('tickets.batch.failed')}</Typography.Text>
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}
