import type { CustomerTimelineItem } from '@yidan/contracts';
import { Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import type { CustomerRef } from '../api/customer360Api';
import { useCustomerTimeline } from '../hooks/useCustomer360';
import { LoadMore } from './LoadMore';

const COLORS: Record<CustomerTimelineItem['kind'], string> = {
  ticket_created: 'blue',
  ticket_solved: 'green',
  service: 'gray',
  audit: 'orange',
};
const AUDIT_ACTIONS = ['company.updated', 'company.merged', 'contact.updated'];

/** What happened, in one line: the ticket, the service record or the audited change. */
function EntryText({ item }: { item: CustomerTimelineItem }) {
  const { t } = useT();
  if (item.ticket) {
    return (
      <>
        {t(`customers.timeline.${item.kind as 'ticket_created' | 'ticket_solved'}`)}{' '}
        <Link to={`/tickets/${item.ticket.id}`}>
          #{item.ticket.number} {item.ticket.subject}
        </Link>
      </>
    );
  }
  if (item.record) {
    return (
      <>
        <Tag>{t(`customers.recordChannel.${item.record.channel}`)}</Tag>
        {item.record.summary || t('customers.timeline.service')}
      </>
    );
  }
  const action = item.audit?.action ?? '';
  const fields = (item.audit?.data.fields as string[] | undefined) ?? [];
  const source = item.audit?.data.sourceName as string | undefined;
  return (
    <>
      {AUDIT_ACTIONS.includes(action)
        ? t(`customers.timeline.audit.${action}` as MessageKey)
        : t('customers.timeline.audit.other')}
      {source && ` ${t('customers.timeline.mergedFrom', { name: source })}`}
      {fields.length > 0 && (
        <Typography.Text type="secondary">
          {' '}
          {t('customers.timeline.fields', { fields: fields.join('、') })}
        </Typography.Text>
      )}
    </>
  );
}

/** 时间线: the customer's tickets, service records and changes, newest first. */
export function CustomerTimelineTab({ customer }: { customer: CustomerRef }) {
  const { t } = useT();
  const list = useCustomerTimeline(customer);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  if (list.isLoading) return <Spin style={{ display: 'block', padding: 32 }} />;
  if (items.length === 0)
    return (
      <Empty
        description={t('customers.timeline.empty')}
        style={{ padding: '32px 0' }}
        data-testid="customer-timeline"
      />
    );
  return (
    <Flex vertical data-testid="customer-timeline" style={{ paddingTop: 12 }}>
      <Timeline
        items={items.map((item) => ({
          key: item.id,
          color: COLORS[item.kind],
          content: (
            <Flex vertical gap={2} data-testid={`customer-timeline-${item.kind}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(item.at).format('YYYY-MM-DD HH:mm')} ·{' '}
                {item.agentName ?? t('customers.timeline.system')}
              </Typography.Text>
              <span>
                <EntryText item={item} />
              </span>
            </Flex>
          ),
        }))}
      />
      <LoadMore
        shown={items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => list.fetchNextPage()}
      />
    </Flex>
  );
}
