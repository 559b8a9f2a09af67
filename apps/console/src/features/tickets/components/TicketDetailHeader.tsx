import {
  ArrowLeftOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  PhoneOutlined,
  PrinterOutlined,
  SplitCellsOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { describeError, useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useUpdateTicket } from '../hooks/useTickets';
import type { Ticket } from '../types/ticketTypes';
import { printTicket } from '../utils/printTicket';
import { TicketPriorityTag } from './TicketPriorityTag';
import { TicketStatusTag } from './TicketStatusTag';

interface Props {
  ticket: Ticket;
  locked: boolean;
  backTo: string;
  onMerge: () => void;
  onSplit: () => void;
  onRecord: () => void;
  onDelete: () => void;
  deleting: boolean;
}

/** Number, editable subject, status and priority, description, and 合并 / 拆单 / 打印 / 删除. */
export function TicketDetailHeader({
  ticket,
  locked,
  backTo,
  onMerge,
  onSplit,
  onRecord,
  onDelete,
  deleting,
}: Props) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const { can } = useAccess();
  const labels = useTicketLabels();
  const update = useUpdateTicket();
  const showError = useApiError();
  const editable = can('ticket.edit') && !locked;

  const print = () =>
    printTicket(ticket.id, t('tickets.printing')).catch((e: unknown) =>
      message.error(
        e instanceof Error && e.message === 'popup_blocked' ? t('tickets.popupBlocked') : describeError(e, t),
      ),
    );
  const confirmDelete = () =>
    modal.confirm({
      title: t('tickets.deleteConfirm', { number: ticket.number }),
      content: t('tickets.deleteHint'),
      okButtonProps: { danger: true, 'data-testid': 'ticket-delete-confirm' },
      onOk: onDelete,
    });

  const menu = [
    editable && {
      key: 'record',
      icon: <PhoneOutlined />,
      label: t('tickets.record.open'),
      onClick: onRecord,
    },
    editable && {
      key: 'merge',
      icon: <MergeCellsOutlined />,
      label: t('tickets.merge.open'),
      onClick: onMerge,
    },
    can('ticket.create') &&
      !locked && {
        key: 'split',
        icon: <SplitCellsOutlined />,
        label: t('tickets.split.open'),
        onClick: onSplit,
      },
    can('ticket.delete') && {
      key: 'delete',
      icon: <DeleteOutlined />,
      danger: true,
      label: t('common.delete'),
      onClick: confirmDelete,
      disabled: deleting,
    },
  ].filter((x) => x !== false);

  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Link to={backTo} data-testid="ticket-back">
          <ArrowLeftOutlined /> {t('tickets.backToList')}
        </Link>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text type="secondary" data-testid="ticket-number">
                #{ticket.number}
              </Typography.Text>
              <TicketStatusTag status={ticket.status} />
              <TicketPriorityTag priority={ticket.priority} />
            </Flex>
            <Typography.Title
              level={4}
              style={{ margin: 0 }}
              data-testid="ticket-title"
              editable={
                editable
                  ? {
                      triggerType: ['icon'],
                      onChange: (subject) => {
                        const next = subject.trim();
                        if (!next || next === ticket.subject) return;
                        update.mutate(
                          { id: ticket.id, body: { subject: next, version: ticket.version } },
                          { onError: (e) => showError(e) },
                        );
                      },
                    }
                  : false
              }
            >
              {ticket.subject}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tickets.meta', {
                source: labels.source(ticket.source),
                created: dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm'),
                updated: dayjs(ticket.updatedAt).format('YYYY-MM-DD HH:mm'),
              })}
            </Typography.Text>
          </Flex>
          <Flex gap={4} style={{ flexShrink: 0 }}>
            <Button icon={<PrinterOutlined />} onClick={print} data-testid="ticket-print">
              {t('tickets.print')}
            </Button>
            {menu.length > 0 && (
              <Dropdown menu={{ items: menu }} trigger={['click']}>
                <Button icon={<MoreOutlined />} aria-label={t('tickets.more')} data-testid="ticket-more" />
              </Dropdown>
            )}
          </Flex>
        </Flex>
        {ticket.description && (
          <div
            style={{ maxHeight: 240, overflow: 'auto', overflowWrap: 'anywhere' }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises rich text (sanitizeRichText) before storing it
            dangerouslySetInnerHTML={{ __html: ticket.description }}
            data-testid="ticket-description"
          />
        )}
      </Flex>
    </Card>
  );
}
