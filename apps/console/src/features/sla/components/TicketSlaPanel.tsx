import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useNow } from '../hooks/useNow';
import type { TicketSla, TicketSlaMetric } from '../types/slaTypes';
import { formatMinutes } from '../utils/slaDuration';
import { metricState } from '../utils/slaState';

/**
 * 工单 SLA 服务目标和剩余时间 (9.3.11): each metric of the policy in force with its target and the
 * time left (counting down), red when breached, grey when met or paused.
 */
export function TicketSlaPanel({ sla }: { sla: TicketSla }) {
  const { t } = useT();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <ClockCircleOutlined />
          <span>
            {t('sla.ticket.title')} · {sla.policyTitle}
          </span>
          <Tag variant="filled">{sla.businessHours ? t('sla.businessHours') : t('sla.calendarHours')}</Tag>
        </Flex>
      }
      data-testid="ticket-sla"
    >
      <Flex vertical gap={8}>
        {sla.metrics.map((m) => (
          <MetricLine key={m.metric} metric={m} />
        ))}
      </Flex>
    </Card>
  );
}

function MetricLine({ metric: m }: { metric: TicketSlaMetric }) {
  const { t } = useT();
  const { token } = theme.useToken();
  const now = useNow();
  const state = metricState(m, now);
  // Breached stays red (a breach fired, or met late), even if the deadline moved later since.
  const red = m.breached || state.kind === 'overdue';
  const grey = !red && (state.kind === 'met' || state.kind === 'paused');
  const status =
    state.kind === 'met'
      ? t(state.late ? 'sla.ticket.metLate' : 'sla.ticket.met')
      : state.kind === 'paused'
        ? t('sla.ticket.paused', { duration: formatMinutes(state.remainingMinutes, t) })
        : state.kind === 'overdue'
          ? t('sla.ticket.overdue', { duration: formatMinutes(state.minutesOver, t) })
          : t('sla.ticket.remaining', { duration: formatMinutes(state.minutesLeft, t) });
  return (
    <Flex
      justify="space-between"
      align="baseline"
      gap={8}
      wrap
      style={{ color: red ? token.colorError : grey ? token.colorTextTertiary : undefined }}
      data-testid={`ticket-sla-${m.metric}`}
      data-state={state.kind}
      data-breached={m.breached || state.kind === 'overdue' ? 'true' : 'false'}
    >
      <Flex vertical gap={0}>
        <Typography.Text strong style={{ color: 'inherit' }}>
          {t(`sla.metric.${m.metric}`)}
        </Typography.Text>
        <Typography.Text style={{ color: 'inherit', fontSize: 12 }}>
          {t('sla.ticket.target', { duration: formatMinutes(m.targetMinutes, t) })}
          {m.dueAt && !m.fulfilledAt && !m.paused
            ? ` · ${t('sla.ticket.due', { time: dayjs(m.dueAt).format('MM-DD HH:mm') })}`
            : ''}
        </Typography.Text>
      </Flex>
      <Typography.Text strong={red} style={{ color: 'inherit' }}>
        {status}
      </Typography.Text>
    </Flex>
  );
}
