import { Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useNow } from '../hooks/useNow';
import type { TicketSla } from '../types/slaTypes';
import { formatMinutes } from '../utils/slaDuration';
import { metricState, nearestMetric } from '../utils/slaState';

/**
 * SLA服务时限 in the ticket list: the nearest deadline not yet met — red when breached, orange
 * within the last hour — with the metric and due time in a tooltip; grey when paused.
 */
export function SlaRemainingTag({ sla }: { sla: TicketSla | null }) {
  const { t } = useT();
  const now = useNow();
  const m = sla ? nearestMetric(sla) : null;
  if (!m) return <Typography.Text type="secondary">{t('sla.column.none')}</Typography.Text>;
  const state = metricState(m, now);
  const metric = t(`sla.metric.${m.metric}`);
  if (state.kind === 'paused' || state.kind === 'met')
    return (
      <Tag variant="filled" data-testid="sla-remaining">
        {metric} {t('sla.column.paused')}
      </Tag>
    );
  const overdue = state.kind === 'overdue';
  const text = overdue
    ? t('sla.ticket.overdue', { duration: formatMinutes(state.minutesOver, t) })
    : t('sla.ticket.remaining', { duration: formatMinutes(state.minutesLeft, t) });
  return (
    <Tooltip title={`${metric} · ${t('sla.ticket.due', { time: dayjs(state.dueAt).format('MM-DD HH:mm') })}`}>
      <Tag
        color={overdue || m.breached ? 'red' : state.minutesLeft <= 60 ? 'orange' : 'blue'}
        data-testid="sla-remaining"
        data-breached={overdue || m.breached ? 'true' : 'false'}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
