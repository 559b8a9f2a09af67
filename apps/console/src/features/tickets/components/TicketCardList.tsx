import { Card, Checkbox, Empty, Flex, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import type { TicketGroup } from '../hooks/useTicketGroups';
import type { Ticket } from '../types/ticketTypes';
import { TicketPriorityTag } from './TicketPriorityTag';
import { TicketStatusTag } from './TicketStatusTag';

interface Props {
  groups: TicketGroup[];
  activeId: number | null;
  selectedIds: number[];
  onSelect: (ids: number[]) => void;
  onOpen: (ticket: Ticket) => void;
  loading: boolean;
}

/** The phone list: one card per ticket (number, status, subject, customer, assignee, last change). */
export function TicketCardList({ groups, activeId, selectedIds, onSelect, onOpen, loading }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  if (loading && count === 0)
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  if (count === 0) return <Empty description={t('tickets.empty')} />;

  return (
    <Flex vertical gap={8}>
      {groups.map((group) => (
        <Flex vertical gap={8} key={group.key || 'all'}>
          {group.label && (
            <Typography.Text strong style={{ paddingInline: 4 }}>
              {group.label} · {group.count}
            </Typography.Text>
          )}
          {group.rows.map((r) => {
            const selected = selectedIds.includes(r.id);
            return (
              <Card
                key={r.id}
                size="small"
                hoverable
                onClick={() => onOpen(r)}
                style={{ borderColor: r.id === activeId ? token.colorPrimary : undefined }}
                data-testid={`ticket-card-${r.id}`}
              >
                <Flex vertical gap={4}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Flex align="center" gap={6}>
                      <Checkbox
                        checked={selected}
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) =>
                          onSelect(
                            e.target.checked
                              ? [...selectedIds, r.id]
                              : selectedIds.filter((id) => id !== r.id),
                          )
                        }
                        aria-label={t('tickets.select')}
                      />
                      <Typography.Text type="secondary">#{r.number}</Typography.Text>
                      <TicketStatusTag status={r.status} />
                      <TicketPriorityTag priority={r.priority} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
                      {dayjs(r.updatedAt).format('MM-DD HH:mm')}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text strong ellipsis>
                    {r.subject}
                  </Typography.Text>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {[r.contact?.name, r.company?.name].filter(Boolean).join(' · ') ||
                        t('tickets.noCustomer')}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
                      {r.assignee?.name ?? t('tickets.unassigned')}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </Card>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
}
