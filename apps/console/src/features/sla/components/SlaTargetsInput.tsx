import { SLA_METRICS, type SlaMetric, type TicketPriority } from '@yidan/contracts';
import { Flex, Form, InputNumber, Table, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { TicketPriorityTag } from '../../tickets/components/TicketPriorityTag';
import { PRIORITIES_BY_URGENCY } from '../utils/slaFormValues';

/** One target cell: hours and minutes, under the form's `targets.<priority>.<metric>`. */
function TargetCell({ priority, metric }: { priority: TicketPriority; metric: SlaMetric }) {
  const { t } = useT();
  const label = `${priority}-${metric}`;
  return (
    <Flex gap={4} align="center">
      <Form.Item name={['targets', priority, metric, 'hours']} noStyle>
        <InputNumber
          min={0}
          max={8784}
          precision={0}
          size="small"
          style={{ width: 64 }}
          aria-label={`${t(`sla.metric.${metric}`)} ${priority} ${t('sla.hours')}`}
          data-testid={`sla-target-${label}-hours`}
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('sla.hours')}</Typography.Text>
      <Form.Item name={['targets', priority, metric, 'minutes']} noStyle>
        <InputNumber
          min={0}
          max={59}
          precision={0}
          size="small"
          style={{ width: 56 }}
          aria-label={`${t(`sla.metric.${metric}`)} ${priority} ${t('sla.minutes')}`}
          data-testid={`sla-target-${label}-minutes`}
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('sla.minutes')}</Typography.Text>
    </Flex>
  );
}

/** 设置时限: priority × (首次响应, 二次响应, 解决), each in hours and minutes. */
export function SlaTargetsInput() {
  const { t } = useT();
  return (
    <Table<{ priority: TicketPriority }>
      rowKey="priority"
      size="small"
      pagination={false}
      bordered
      scroll={{ x: 'max-content' }}
      dataSource={PRIORITIES_BY_URGENCY.map((priority) => ({ priority }))}
      columns={[
        {
          key: 'priority',
          title: t('sla.priority'),
          width: 80,
          render: (_, r) => <TicketPriorityTag priority={r.priority} />,
        },
        ...SLA_METRICS.map((metric) => ({
          key: metric,
          title: t(`sla.metric.${metric}`),
          render: (_: unknown, r: { priority: TicketPriority }) => (
            <TargetCell priority={r.priority} metric={metric} />
          ),
        })),
      ]}
      data-testid="sla-targets"
    />
  );
}
