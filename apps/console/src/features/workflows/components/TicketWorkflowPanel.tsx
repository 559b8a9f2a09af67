import { ApartmentOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { TicketWorkflow } from '@yidan/contracts';
import { Button, Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useFields } from '../../customers/hooks/useFields';
import { useTicketWorkflow } from '../hooks/useWorkflows';
import { formatMinutes } from '../utils/duration';
import { WorkflowMoveModal } from './WorkflowMoveModal';

const OUTCOME_COLORS = { advanced: 'blue', returned: 'orange', ended: 'green' } as const;
const when = (iso: string) => dayjs(iso).format('MM-DD HH:mm');

/**
 * 工单节点 on the ticket page (manual 5.1.4): the current node, time spent, due time and 超期 in red,
 * the fields this node lets agents change, the passages so far, 提交到下一步 and 退回.
 */
export function TicketWorkflowPanel({ ticketId }: { ticketId: number }) {
  const { t } = useT();
  const { data: flow } = useTicketWorkflow(ticketId);
  const [move, setMove] = useState<'next' | 'back' | null>(null);
  if (!flow) return null;
  const node = flow.node;

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8} wrap>
          <ApartmentOutlined />
          <span>{t('workflows.ticket.title')}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontWeight: 'normal', minWidth: 0 }}>
            {flow.workflowName} · v{flow.version}
          </Typography.Text>
        </Flex>
      }
      data-testid="ticket-workflow"
    >
      <Flex vertical gap={12}>
        {node ? <CurrentNode flow={flow} /> : <Tag color="green">{t('workflows.ticket.finished')}</Tag>}
        {node && (
          <Flex gap={8} wrap>
            <Tooltip title={flow.can.advance ? undefined : t('workflows.ticket.notParticipant')}>
              <Button
                size="small"
                type="primary"
                icon={<SendOutlined />}
                disabled={!flow.can.advance}
                onClick={() => setMove('next')}
                data-testid="workflow-advance"
              >
                {t('workflows.ticket.advance')}
              </Button>
            </Tooltip>
            <Tooltip title={flow.can.return ? undefined : t('workflows.ticket.cannotReturn')}>
              <Button
                size="small"
                icon={<RollbackOutlined />}
                disabled={!flow.can.return}
                onClick={() => setMove('back')}
                data-testid="workflow-return"
              >
                {t('workflows.ticket.return')}
              </Button>
            </Tooltip>
          </Flex>
        )}
        <Timeline
          style={{ marginBottom: -16 }}
          items={flow.history
            .filter((p) => p.nodeType === 'task' || p.nodeType === 'end')
            .map((p) => ({
              key: p.id,
              color: p.overdue ? 'red' : p.leftAt ? 'gray' : 'blue',
              content: (
                <Flex gap={6} wrap align="center" data-testid="workflow-history-item">
                  <Typography.Text strong>{p.nodeName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {when(p.enteredAt)}
                    {p.leftAt && p.leftAt !== p.enteredAt ? ` – ${when(p.leftAt)}` : ''}
                  </Typography.Text>
                  {p.outcome ? (
                    <Tag color={OUTCOME_COLORS[p.outcome]}>{t(`workflows.outcome.${p.outcome}`)}</Tag>
                  ) : (
                    <Tag color="processing">{t('workflows.ticket.current')}</Tag>
                  )}
                  {p.overdue && <Tag color="error">{t('workflows.ticket.overdue')}</Tag>}
                  {p.agentName && p.outcome !== 'ended' && (
                    <Typography.Text type="secondary">{p.agentName}</Typography.Text>
                  )}
                </Flex>
              ),
            }))}
        />
      </Flex>
      <WorkflowMoveModal ticketId={ticketId} flow={flow} mode={move} onClose={() => setMove(null)} />
    </Card>
  );
}

/** 当前节点: name, time spent, due time (red once overdue), and the fields agents may change here. */
function CurrentNode({ flow }: { flow: TicketWorkflow }) {
  const { t } = useT();
  const { data: fields = [] } = useFields('ticket');
  const node = flow.node!;
  const labels = (keys: string[]) =>
    keys.map((k) => fields.find((f) => f.key === k)?.label ?? k).join('、') || t('workflows.ticket.none');
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('workflows.ticket.node')}</Typography.Text>
        <Tag color={node.overdue ? 'error' : 'blue'} data-testid="workflow-current-node">
          {node.name}
        </Tag>
        <Typography.Text type="secondary">{t('workflows.ticket.spent')}</Typography.Text>
        <Typography.Text data-testid="workflow-spent">{formatMinutes(node.spentMinutes, t)}</Typography.Text>
        {node.timeLimit?.clock === 'business' && <Tag>{t('workflows.task.business')}</Tag>}
      </Flex>
      {node.dueAt && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('workflows.ticket.due')}</Typography.Text>
          <Typography.Text type={node.overdue ? 'danger' : undefined} strong={node.overdue}>
            {dayjs(node.dueAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          {node.overdue && (
            <Tag color="error" data-testid="workflow-overdue">
              {t('workflows.ticket.overdue')}
            </Tag>
          )}
        </Flex>
      )}
      {node.fields.governed.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workflows.ticket.editable', { fields: labels(node.fields.editable) })}
          {node.fields.required.length > 0 &&
            ` · ${t('workflows.ticket.required', { fields: labels(node.fields.required) })}`}
        </Typography.Text>
      )}
    </Flex>
  );
}
