import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { fileUrl } from '../api/filesApi';
import type { ChangeText } from '../hooks/useChangeFormatter';
import { useTicketLabels } from '../hooks/useTicketLabels';
import type { ServiceRecord, TicketChange, TicketEvent } from '../types/ticketTypes';
import { RelatedTicketLink } from './RelatedTicketLink';

interface Props {
  event: TicketEvent;
  record: ServiceRecord | undefined;
  format: (change: TicketChange) => ChangeText;
}

/**
 * One timeline row: who (客服 张三 / 客户 李四 / 系统 via a rule), what (a reply, a note, the changes
 * as 优先级：正常 → 紧急, a service record, a merge or split) and when.
 */
export function TimelineEventItem({ event, record, format }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const labels = useTicketLabels();
  const actor =
    event.actorType === 'system'
      ? t('tickets.actor.system')
      : t(event.actorType === 'agent' ? 'tickets.actor.agent' : 'tickets.actor.contact', {
          name: event.actorName ?? '—',
        });
  const isNote = event.kind === 'comment' && !event.public;
  const empty = t('tickets.change.empty');
  // A new ticket lists the values it was created with; empty ones say nothing.
  const changes = event.changes
    .map((change) => ({ field: change.field, text: format(change) }))
    .filter(
      ({ text }) =>
        !(text.from === empty && text.to === empty) && (event.kind !== 'created' || text.to !== empty),
    );
  const verb: Record<TicketEvent['kind'], string> = {
    created: t('tickets.event.created'),
    updated: t('tickets.event.updated'),
    comment: event.public ? t('tickets.event.replied') : t('tickets.event.noted'),
    record: t('tickets.event.record'),
    merged: t('tickets.event.merged'),
    merged_from: t('tickets.event.mergedFrom'),
    split: t('tickets.event.split'),
    split_from: t('tickets.event.splitFrom'),
  };

  return (
    <Flex
      vertical
      gap={4}
      style={{
        padding: '8px 12px',
        borderRadius: token.borderRadius,
        background: isNote ? token.colorWarningBg : undefined,
        borderInlineStart: `3px solid ${isNote ? token.colorWarning : event.kind === 'comment' ? token.colorPrimary : token.colorBorderSecondary}`,
      }}
      data-testid={`timeline-event-${event.kind}`}
      data-event-id={event.id}
    >
      <Flex justify="space-between" gap={8} wrap>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{actor}</Typography.Text>
          <Typography.Text type="secondary">{verb[event.kind]}</Typography.Text>
          {event.relatedTicketId && <RelatedTicketLink id={event.relatedTicketId} />}
          {event.kind === 'comment' && (
            <Tag color={event.public ? 'blue' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {event.public ? t('tickets.reply.public') : t('tickets.reply.internal')}
            </Tag>
          )}
          {event.via && <Typography.Text type="secondary">（{event.via}）</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(event.createdAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
      </Flex>
      {changes.length > 0 && (
        <Flex vertical gap={2} data-testid="timeline-changes">
          {changes.map(({ field, text }) => (
            <Typography.Text key={field} style={{ fontSize: 13 }}>
              {event.kind === 'created'
                ? t('tickets.change.initial', { field: text.label, value: text.to })
                : t('tickets.change.line', { field: text.label, from: text.from, to: text.to })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      {record && (
        <Flex vertical gap={2} data-testid="timeline-record">
          <Typography.Text>
            <Tag style={{ marginInlineEnd: 6 }}>{labels.channel(record.channel)}</Tag>
            {dayjs(record.startedAt).format('MM-DD HH:mm')}
            {record.endedAt && ` ~ ${dayjs(record.endedAt).format('HH:mm')}`}
          </Typography.Text>
          {record.summary && (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Typography.Text>
          )}
        </Flex>
      )}
      {/* A record event's text is its record's summary, shown above once the record is loaded. */}
      {event.body && !(record && event.kind === 'record') && (
        <div
          style={{ overflowWrap: 'anywhere' }}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises rich text (sanitizeRichText) before storing it
          dangerouslySetInnerHTML={{ __html: event.body }}
          data-testid="timeline-body"
        />
      )}
      {event.attachments.length > 0 && (
        <Flex gap={8} wrap>
          {event.attachments.map((file) => (
            <a key={file.fileId} href={fileUrl(file.fileId)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {file.name}
            </a>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
