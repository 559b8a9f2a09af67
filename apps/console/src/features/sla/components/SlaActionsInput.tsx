import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MAX_SLA_ACTIONS,
  MAX_SLA_OFFSET_MINUTES,
  SLA_METRICS,
  type TriggerActionField,
} from '@yidan/contracts';
import { Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { ActionListInput } from '../../triggers/components/ActionListInput';
import type { TimingDraft } from '../utils/slaFormValues';

/**
 * 设置执行动作的时机 (5.3.3): each entry is a moment — 首次响应时限 之前 1 分钟 — and the trigger
 * actions run then (通知客服、客服组主管、客户，修改字段 …).
 */
export function SlaActionsInput({ catalogue }: { catalogue: TriggerActionField[] | undefined }) {
  const { t } = useT();
  return (
    <Form.List name="actions">
      {(rows, { add, remove }) => (
        <Flex vertical gap={12} data-testid="sla-actions">
          {rows.map((row) => (
            <Card
              key={row.key}
              size="small"
              data-testid={`sla-action-${row.name}`}
              title={
                <Flex gap={8} align="center" wrap>
                  <Form.Item name={[row.name, 'metric']} noStyle>
                    <Select
                      style={{ width: 150 }}
                      options={SLA_METRICS.map((m) => ({ value: m, label: t(`sla.metricTime.${m}`) }))}
                      aria-label={t('sla.actions')}
                      data-testid={`sla-action-${row.name}-metric`}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'when']} noStyle>
                    <Select
                      style={{ width: 90 }}
                      options={[
                        { value: 'before', label: t('sla.when.before') },
                        { value: 'after', label: t('sla.when.after') },
                      ]}
                      aria-label={t('sla.when.before')}
                      data-testid={`sla-action-${row.name}-when`}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'minutes']} noStyle>
                    <InputNumber
                      min={0}
                      max={MAX_SLA_OFFSET_MINUTES}
                      precision={0}
                      style={{ width: 90 }}
                      aria-label={t('sla.offsetMinutes')}
                      data-testid={`sla-action-${row.name}-minutes`}
                    />
                  </Form.Item>
                  <Typography.Text type="secondary">{t('sla.offsetMinutes')}</Typography.Text>
                </Flex>
              }
              extra={
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={t('sla.actionRemove')}
                  title={t('sla.actionRemove')}
                />
              }
            >
              <ActionListInput
                catalogue={catalogue}
                name={[row.name, 'actions']}
                path={['actions', row.name, 'actions']}
              />
            </Card>
          ))}
          <div>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={rows.length >= MAX_SLA_ACTIONS}
              onClick={() =>
                add({
                  metric: 'firstResponse',
                  when: 'before',
                  minutes: 30,
                  actions: [{}],
                } satisfies TimingDraft)
              }
              data-testid="sla-action-add"
            >
              {t('sla.actionAdd')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
