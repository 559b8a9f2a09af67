import { Button, Descriptions, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useDeliveries, useRetryDelivery } from '../hooks/useTargets';
import type { DeliveryLog, OutboxEntry } from '../types/targetTypes';
import { outboxErrorText, STATUS_COLORS } from './outboxLabels';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '');
const pre = {
  margin: 0,
  maxHeight: 200,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

/** What was sent: a webhook's request line and body, or a message's recipient and text. */
function payloadText(e: OutboxEntry): string {
  const p = e.payload as Record<string, unknown>;
  if (e.channel === 'webhook') return `${p.method} ${p.url}${p.body ? `\n\n${p.body}` : ''}`;
  return [p.to, p.subject, p.body].filter(Boolean).join('\n');
}

/**
 * 发送记录: one row per delivery with its status, last status code and error, the attempts when
 * expanded, and 重试 on failed rows; newest first, page by page.
 */
export function DeliveryTable({ log, messages }: { log: DeliveryLog | null; messages?: boolean }) {
  const { t } = useT();
  const query = useDeliveries(log);
  const retry = useRetryDelivery();
  const showError = useApiError();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableProps<OutboxEntry>['columns'] = [
    { key: 'time', title: t('outbox.time'), width: 170, render: (_, e) => time(e.createdAt) },
    ...(messages
      ? [
          {
            key: 'channel',
            title: t('messages.channel'),
            render: (_: unknown, e: OutboxEntry) => t(`outbox.channel.${e.channel}`),
          },
          {
            key: 'to',
            title: t('messages.recipient'),
            render: (_: unknown, e: OutboxEntry) => String((e.payload as { to?: unknown }).to ?? ''),
          },
          {
            key: 'content',
            title: t('messages.content'),
            render: (_: unknown, e: OutboxEntry) => (
              <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 280 }}>
                {String((e.payload as { body?: unknown }).body ?? '')}
              </Typography.Text>
            ),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('outbox.status'),
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Flex gap={4}>
            <Tag
              color={STATUS_COLORS[e.status]}
              style={{ marginInlineEnd: 0 }}
              data-testid={`outbox-status-${e.id}`}
            >
              {t(`outbox.status.${e.status}`)}
            </Tag>
            {e.test && <Tag style={{ marginInlineEnd: 0 }}>{t('outbox.test')}</Tag>}
          </Flex>
          {e.nextAttemptAt && e.attempts > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('outbox.nextAttempt', { time: time(e.nextAttemptAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'code',
      title: t('outbox.code'),
      render: (_, e) => e.attemptLog.at(-1)?.statusCode ?? '—',
    },
    { key: 'attempts', title: t('outbox.attempts'), render: (_, e) => e.attempts },
    {
      key: 'ticket',
      title: t('outbox.ticket'),
      render: (_, e) => (e.ticketId ? <Link to={`/tickets/${e.ticketId}`}>#{e.ticketId}</Link> : '—'),
    },
    {
      key: 'error',
      title: t('outbox.error'),
      render: (_, e) =>
        e.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: true }} style={{ maxWidth: 220 }}>
            {outboxErrorText(e.lastError, t)}
          </Typography.Text>
        ) : null,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, e) =>
        e.status === 'failed' ? (
          <Button
            size="small"
            loading={retry.isPending && retry.variables === e.id}
            onClick={() => retry.mutate(e.id, { onError: (err) => showError(err) })}
            data-testid={`outbox-retry-${e.id}`}
          >
            {t('outbox.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Table<OutboxEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={query.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('outbox.empty') }}
        expandable={{
          expandedRowRender: (e) => (
            <Flex vertical gap={8}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('outbox.key')}>
                  <Typography.Text code copyable>
                    {e.idempotencyKey}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              <pre style={pre}>{payloadText(e)}</pre>
              <Table
                rowKey="attempt"
                size="small"
                pagination={false}
                dataSource={e.attemptLog}
                columns={[
                  {
                    key: 'n',
                    title: t('outbox.attempts'),
                    render: (_, a) => t('outbox.attempt', { n: a.attempt }),
                  },
                  { key: 'at', title: t('outbox.time'), render: (_, a) => time(a.at) },
                  { key: 'code', title: t('outbox.code'), render: (_, a) => a.statusCode ?? '—' },
                  { key: 'ms', title: '', render: (_, a) => t('targets.duration', { ms: a.durationMs }) },
                  {
                    key: 'detail',
                    title: t('targets.response'),
                    render: (_, a) => (
                      <Typography.Text
                        type={a.error ? 'danger' : undefined}
                        ellipsis={{ tooltip: true }}
                        style={{ maxWidth: 360 }}
                      >
                        {a.error ? outboxErrorText(a.error, t) : (a.response ?? '')}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            </Flex>
          ),
        }}
        data-testid="outbox-table"
      />
      {query.hasNextPage && (
        <Button
          onClick={() => query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('outbox.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
