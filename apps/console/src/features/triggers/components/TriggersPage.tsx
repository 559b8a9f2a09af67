import { Button, Card, Flex, Grid, Switch, Table, type TableProps, Typography } from 'antd';
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
import {
  useDeleteRule,
  useOrderRules,
  useRuleCatalogue,
  useRules,
  useUpdateRule,
} from '../hooks/useTriggers';
import { RULE_KINDS, type RuleKind } from '../ruleKinds';
import type { Rule } from '../types/triggerTypes';
import { describeAction } from './describeAction';
import { RuleFormDrawer } from './RuleFormDrawer';

/** 触发器 (manual 5.1.6.1): the vendor's triggers in the order they run, switched on or off. */
export function TriggersPage() {
  return <RulesPage kind="triggers" />;
}

/** 自动化任务 (manual 5.1.6.2): the time-based rules, in the order they run. */
export function AutomationsPage() {
  return <RulesPage kind="automations" />;
}

/** The list of one rule kind: order, title and description, a summary, 启用, 编辑 / 删除. */
function RulesPage({ kind }: { kind: RuleKind }) {
  const { t, lang } = useT();
  const cfg = RULE_KINDS[kind];
  const tid = cfg.testId;
  const { data: rules = [], isLoading } = useRules(kind);
  const { data: catalogue } = useRuleCatalogue(kind);
  const update = useUpdateRule(kind);
  const remove = useDeleteRule(kind);
  const order = useOrderRules(kind);
  const showError = useApiError();
  // Touch screens cannot drag: the handle shows only where a pointer can use it.
  const wide = Grid.useBreakpoint().md !== false;
  const [editing, setEditing] = useState<{ rule?: Rule } | null>(null);
  const ids = rules.map((tr) => tr.id);

  const saveOrder = (next: number[]) => {
    if (next !== ids) order.mutate(next, { onError: (e) => showError(e) });
  };
  const dragRow = useRowReorder(ids, saveOrder);
  const sep = lang === 'en' ? '; ' : '；';

  const columns: TableProps<Rule>['columns'] = [
    {
      key: 'order',
      width: wide ? 72 : 56,
      render: (_, tr, index) => (
        <OrderButtons
          handle={wide}
          first={index === 0}
          last={index === ids.length - 1}
          onMove={(step) => saveOrder(stepId(ids, tr.id, step))}
        />
      ),
    },
    {
      key: 'title',
      title: t('triggers.title'),
      render: (_, tr) => (
        <Flex vertical gap={2} style={{ minWidth: 120, maxWidth: 280 }}>
          <Typography.Link onClick={() => setEditing({ rule: tr })} data-testid={`${tid}-edit-${tr.title}`}>
            {tr.title}
          </Typography.Link>
          {tr.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: tr.description }}>
              {tr.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'summary',
      title: t('triggers.summary'),
      responsive: ['md'],
      render: (_, tr) => {
        const conditions = [...tr.conditions.all, ...tr.conditions.any];
        return (
          <Flex vertical gap={2} style={{ maxWidth: 480 }}>
            <Typography.Text ellipsis={{ tooltip: true }}>
              {catalogue && conditions.length
                ? conditions.map((c) => describeCondition(c, catalogue.conditions, lang)).join(sep)
                : t('triggers.summaryConditions', { count: conditions.length })}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
              {catalogue
                ? tr.actions.map((a) => describeAction(a, catalogue.actions, lang)).join(sep)
                : t('triggers.summaryActions', { count: tr.actions.length })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'enabled',
      title: t('triggers.enabled'),
      width: 80,
      render: (_, tr) => (
        <Switch
          size="small"
          checked={tr.enabled}
          loading={update.isPending && update.variables?.id === tr.id}
          onChange={(enabled) =>
            update.mutate({ id: tr.id, body: { enabled } }, { onError: (e) => showError(e) })
          }
          aria-label={t('triggers.enabled')}
          data-testid={`${tid}-enabled-${tr.title}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, tr) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ rule: tr })}>
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t(cfg.text.deleteConfirm, { title: tr.title })}
            description={t(cfg.text.deleteHint)}
            onDelete={() => remove.mutateAsync(tr.id)}
            testId={`${tid}-delete-${tr.title}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(cfg.text.nav)}
        description={t(cfg.text.hint)}
        extra={
          <CreateButton onClick={() => setEditing({})} testId={`${tid}-create`}>
            {t(cfg.text.create)}
          </CreateButton>
        }
      />
      <Card>
        <Table<Rule>
          rowKey="id"
          columns={columns}
          dataSource={rules}
          loading={isLoading || order.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t(cfg.text.empty) }}
          onRow={(tr) => ({ ...dragRow(tr.id), 'data-testid': `${tid}-row-${tr.title}` })}
          data-testid={`${tid}-table`}
        />
      </Card>
      <RuleFormDrawer
        kind={kind}
        open={editing !== null}
        rule={editing?.rule}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
