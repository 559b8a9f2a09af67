import { MACRO_MODES, type MacroMode, type TriggerAction, type TriggerActionField } from '@yidan/contracts';
import { Button, Card, Flex, Grid, Segmented, Switch, Table, type TableProps, Tag, Typography } from 'antd';
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
import { describeAction } from '../../triggers/components/describeAction';
import {
  useDeleteMacro,
  useMacroCatalogue,
  useMacros,
  useOrderMacros,
  useUpdateMacro,
} from '../hooks/useMacros';
import type { Macro } from '../types/macroTypes';
import { MacroFormDrawer } from './MacroFormDrawer';

type Filter = MacroMode | 'all';

/** The filtered rows' new order put back into the places they hold in the whole list. */
function mergeOrder(all: number[], shown: number[], next: number[]): number[] {
  const slots = new Set(shown);
  const queue = [...next];
  return all.map((id) => (slots.has(id) ? (queue.shift() ?? id) : id));
}

/**
 * 宏 (manual 5.1.6.3): the vendor's macros in their order, filtered by 执行时机, switched on or off,
 * reordered by dragging (or the arrows on touch screens).
 */
export function MacrosPage() {
  const { t, lang } = useT();
  const { data: macros = [], isLoading } = useMacros();
  const { data: catalogue } = useMacroCatalogue();
  const update = useUpdateMacro();
  const remove = useDeleteMacro();
  const order = useOrderMacros();
  const showError = useApiError();
  const wide = Grid.useBreakpoint().md !== false;
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<{ macro?: Macro } | null>(null);
  const shown = filter === 'all' ? macros : macros.filter((m) => m.mode === filter);
  const allIds = macros.map((m) => m.id);
  const ids = shown.map((m) => m.id);

  const saveOrder = (next: number[]) => {
    if (next !== ids) order.mutate(mergeOrder(allIds, ids, next), { onError: (e) => showError(e) });
  };
  const dragRow = useRowReorder(ids, saveOrder);
  const sep = lang === 'en' ? '; ' : '；';
  const actionSpecs = (catalogue?.actions ?? []) as unknown as TriggerActionField[];
  const describe = (list: TriggerAction[]) => list.map((a) => describeAction(a, actionSpecs, lang)).join(sep);

  const columns: TableProps<Macro>['columns'] = [
    {
      key: 'order',
      width: wide ? 72 : 56,
      render: (_, m, index) => (
        <OrderButtons
          handle={wide}
          first={index === 0}
          last={index === ids.length - 1}
          onMove={(step) => saveOrder(stepId(ids, m.id, step))}
        />
      ),
    },
    {
      key: 'title',
      title: t('triggers.title'),
      render: (_, m) => (
        <Flex vertical gap={2} style={{ minWidth: 120, maxWidth: 260 }}>
          <Typography.Link onClick={() => setEditing({ macro: m })} data-testid={`macro-edit-${m.title}`}>
            {m.title}
          </Typography.Link>
          {m.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: m.description }}>
              {m.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'mode',
      title: t('macros.mode'),
      width: 110,
      responsive: ['sm'],
      render: (_, m) => <Tag>{t(`macros.modes.${m.mode}`)}</Tag>,
    },
    {
      key: 'summary',
      title: t('triggers.summary'),
      responsive: ['md'],
      render: (_, m) => {
        const conditions = [...m.conditions.all, ...m.conditions.any];
        return (
          <Flex vertical gap={2} style={{ maxWidth: 440 }}>
            <Typography.Text ellipsis={{ tooltip: true }}>
              {conditions.length === 0
                ? t('macros.always')
                : catalogue
                  ? conditions.map((c) => describeCondition(c, catalogue.conditions, lang)).join(sep)
                  : t('triggers.summaryConditions', { count: conditions.length })}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
              {catalogue ? describe(m.actions) : t('triggers.summaryActions', { count: m.actions.length })}
            </Typography.Text>
            {m.elseActions.length > 0 && (
              <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
                {t('macros.otherwise')}
                {catalogue ? describe(m.elseActions) : m.elseActions.length}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'scope',
      title: t('macros.scope'),
      responsive: ['lg'],
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Typography.Text>{t(`ticketSettings.scope.${m.visibility.scope}`)}</Typography.Text>
          <Typography.Text type="secondary">
            {m.templateIds.length
              ? t('macros.templateCount', { count: m.templateIds.length })
              : t('macros.allTemplates')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'enabled',
      title: t('triggers.enabled'),
      width: 80,
      render: (_, m) => (
        <Switch
          size="small"
          checked={m.enabled}
          loading={update.isPending && update.variables?.id === m.id}
          onChange={(enabled) =>
            update.mutate({ id: m.id, body: { enabled } }, { onError: (e) => showError(e) })
          }
          aria-label={t('triggers.enabled')}
          data-testid={`macro-enabled-${m.title}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, m) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ macro: m })}>
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('macros.deleteConfirm', { title: m.title })}
            description={t('macros.deleteHint')}
            onDelete={() => remove.mutateAsync(m.id)}
            testId={`macro-delete-${m.title}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('macros.nav')}
        description={t('macros.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="macro-create">
            {t('macros.create')}
          </CreateButton>
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <div style={{ overflowX: 'auto' }}>
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: t('macros.filterAll') },
                ...MACRO_MODES.map((m) => ({ value: m, label: t(`macros.modes.${m}`) })),
              ]}
              data-testid="macro-filter"
            />
          </div>
          <Table<Macro>
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={isLoading || order.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('macros.empty') }}
            onRow={(m) => ({ ...dragRow(m.id), 'data-testid': `macro-row-${m.title}` })}
            data-testid="macro-table"
          />
        </Flex>
      </Card>
      <MacroFormDrawer
        open={editing !== null}
        macro={editing?.macro}
        defaultMode={filter === 'all' ? 'manual' : filter}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
