import { SLA_METRICS, type SlaMetric } from '@yidan/contracts';
import { Button, Card, Flex, Grid, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { stepId } from '../../../components/listOrder';
import { OrderButtons } from '../../../components/OrderButtons';
import { PageHeader } from '../../../components/PageHeader';
import { useRowReorder } from '../../../components/useRowReorder';
import { useT } from '../../../i18n/useT';
import { describeCondition } from '../../conditions/utils/conditionLabels';
import { useTicketLabels } from '../../tickets/hooks/useTicketLabels';
import {
  useDeleteSlaPolicy,
  useOrderSlaPolicies,
  useSlaCatalogue,
  useSlaPolicies,
  useUpdateSlaPolicy,
} from '../hooks/useSlaPolicies';
import type { SlaPolicy } from '../types/slaTypes';
import { formatMinutes } from '../utils/slaDuration';
import { PRIORITIES_BY_URGENCY } from '../utils/slaFormValues';
import { SlaPolicyDrawer } from './SlaPolicyDrawer';

/** SLA 策略 (manual 5.3.3): the policies in the order they are matched, switched on or off. */
export function SlaPoliciesPage() {
  const { t, lang } = useT();
  const labels = useTicketLabels();
  const { data: policies = [], isLoading } = useSlaPolicies();
  const { data: catalogue } = useSlaCatalogue();
  const update = useUpdateSlaPolicy();
  const remove = useDeleteSlaPolicy();
  const order = useOrderSlaPolicies();
  const showError = useApiError();
  // Touch screens cannot drag: the handle shows only where a pointer can use it.
  const wide = Grid.useBreakpoint().md !== false;
  const [editing, setEditing] = useState<{ policy?: SlaPolicy } | null>(null);
  const ids = policies.map((p) => p.id);
  const sep = lang === 'en' ? '; ' : '；';

  const saveOrder = (next: number[]) => {
    if (next !== ids) order.mutate(next, { onError: (e) => showError(e) });
  };
  const dragRow = useRowReorder(ids, saveOrder);

  /** 紧急 15分钟 / 30分钟 / 2小时 — a priority's targets in metric order ('—' where none). */
  const targetsOf = (p: SlaPolicy) =>
    PRIORITIES_BY_URGENCY.filter((priority) => p.targets[priority]).map(
      (priority) =>
        `${labels.priority(priority)} ${SLA_METRICS.map((m: SlaMetric) => {
          const minutes = p.targets[priority]?.[m];
          return minutes ? formatMinutes(minutes, t) : '—';
        }).join(' / ')}`,
    );

  const columns: TableProps<SlaPolicy>['columns'] = [
    {
      key: 'order',
      width: wide ? 72 : 56,
      render: (_, p, index) => (
        <OrderButtons
          handle={wide}
          first={index === 0}
          last={index === ids.length - 1}
          onMove={(step) => saveOrder(stepId(ids, p.id, step))}
        />
      ),
    },
    {
      key: 'title',
      title: t('sla.title'),
      render: (_, p) => (
        <Flex vertical gap={2} style={{ minWidth: 120, maxWidth: 260 }}>
          <Typography.Link onClick={() => setEditing({ policy: p })} data-testid={`sla-edit-${p.title}`}>
            {p.title}
          </Typography.Link>
          {p.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: p.description }}>
              {p.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'summary',
      title: t('sla.summary'),
      responsive: ['md'],
      render: (_, p) => {
        const conditions = [...p.conditions.all, ...p.conditions.any];
        return (
          <Flex vertical gap={2} style={{ maxWidth: 520 }}>
            <Typography.Text ellipsis={{ tooltip: true }}>
              {conditions.length === 0
                ? t('sla.allTickets')
                : catalogue
                  ? conditions.map((c) => describeCondition(c, catalogue.conditions, lang)).join(sep)
                  : '…'}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
              {targetsOf(p).join(sep)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'clock',
      width: 130,
      responsive: ['lg'],
      render: (_, p) => (
        <Tag variant="filled">{p.businessHours ? t('sla.businessHours') : t('sla.calendarHours')}</Tag>
      ),
    },
    {
      key: 'enabled',
      title: t('sla.enabled'),
      width: 80,
      render: (_, p) => (
        <Switch
          size="small"
          checked={p.enabled}
          loading={update.isPending && update.variables?.id === p.id}
          onChange={(enabled) =>
            update.mutate({ id: p.id, body: { enabled } }, { onError: (e) => showError(e) })
          }
          aria-label={t('sla.enabled')}
          data-testid={`sla-enabled-${p.title}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, p) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ policy: p })}>
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('sla.deleteConfirm', { title: p.title })}
            description={t('sla.deleteHint')}
            onDelete={() => remove.mutateAsync(p.id)}
            testId={`sla-delete-${p.title}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sla.nav')}
        description={t('sla.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="sla-create">
            {t('sla.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<SlaPolicy>
          rowKey="id"
          columns={columns}
          dataSource={policies}
          loading={isLoading || order.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('sla.empty') }}
          onRow={(p) => ({ ...dragRow(p.id), 'data-testid': `sla-row-${p.title}` })}
          data-testid="sla-table"
        />
      </Card>
      <SlaPolicyDrawer open={editing !== null} policy={editing?.policy} onClose={() => setEditing(null)} />
    </>
  );
}
