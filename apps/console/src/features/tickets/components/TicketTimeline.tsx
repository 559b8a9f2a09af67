import { Button, Card, Empty, Flex, Grid, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useChangeFormatter } from '../hooks/useChangeFormatter';
import { useTicketRecords, useTicketTimeline } from '../hooks/useTicketTimeline';
import { TIMELINE_FILTERS, type Ticket, type TimelineFilter } from '../types/ticketTypes';
import { TimelineEventItem } from './TimelineEventItem';

/** 工单记录: the timeline newest first, filtered to 全部 / 公开回复 / 内部注释 / 修改记录 / 服务记录. */
export function TicketTimeline({ ticket }: { ticket: Ticket }) {
  const { t } = useT();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const timeline = useTicketTimeline(ticket.id, filter);
  const { data: records = [] } = useTicketRecords(ticket.id);
  const format = useChangeFormatter(ticket);
  const events = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const mobile = Grid.useBreakpoint().md === false;
  const filterTabs = (
    <Segmented<TimelineFilter>
      size="small"
      value={filter}
      onChange={setFilter}
      options={TIMELINE_FILTERS.map((f) => ({ value: f, label: t(`tickets.timeline.${f}`) }))}
      data-testid="timeline-filter"
    />
  );

  return (
    <Card
      size="small"
      title={t('tickets.timeline.title')}
      extra={mobile ? undefined : filterTabs}
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {mobile && <div style={{ overflowX: 'auto', marginBottom: 12 }}>{filterTabs}</div>}
      {timeline.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : events.length === 0 ? (
        <Empty description={t('tickets.timeline.empty')} />
      ) : (
        <Flex vertical gap={8} data-testid="ticket-timeline">
          {events.map((event) => (
            <TimelineEventItem
              key={event.id}
              event={event}
              record={event.recordId ? records.find((r) => r.id === event.recordId) : undefined}
              format={format}
            />
          ))}
          {timeline.hasNextPage && (
            <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
