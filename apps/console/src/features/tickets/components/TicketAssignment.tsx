import { SwapOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroupOptions } from '../hooks/useGroupOptions';
import type { Ticket } from '../types/ticketTypes';

/** Who handles the ticket (受理客服, 客服分组) and who is copied (抄送), with 流转. */
export function TicketAssignment({
  ticket,
  editable,
  onReassign,
}: {
  ticket: Ticket;
  editable: boolean;
  onReassign: () => void;
}) {
  const { t } = useT();
  const { data: agents = [] } = useAgentDirectory();
  const groups = useGroupOptions();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const names = (ids: number[], list: { id: number; name: string }[]) =>
    ids.length ? ids.map((id) => list.find((x) => x.id === id)?.name ?? `#${id}`).join('、') : none;

  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'assignee',
            label: t('tickets.field.assigneeId'),
            children: (
              <span data-testid="ticket-assignee">
                {ticket.assignee?.name ?? (
                  <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>
                )}
              </span>
            ),
          },
          {
            key: 'group',
            label: t('tickets.field.groupId'),
            children: <span data-testid="ticket-group">{ticket.group?.name ?? none}</span>,
          },
          {
            key: 'ccAgents',
            label: t('tickets.field.ccAgentIds'),
            children: names(ticket.ccAgentIds, agents),
          },
          {
            key: 'ccGroups',
            label: t('tickets.field.ccGroupIds'),
            children: names(ticket.ccGroupIds, groups),
          },
        ]}
      />
      {editable && (
        <Button icon={<SwapOutlined />} onClick={onReassign} block data-testid="ticket-reassign">
          {t('tickets.reassign.open')}
        </Button>
      )}
    </Flex>
  );
}
