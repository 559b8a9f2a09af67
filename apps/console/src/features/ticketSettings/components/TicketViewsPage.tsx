import { App, Button, Card, Flex, Popconfirm, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { stepId } from '../../../components/listOrder';
import { OrderButtons } from '../../../components/OrderButtons';
import { PageHeader } from '../../../components/PageHeader';
import { useRowReorder } from '../../../components/useRowReorder';
import { useT } from '../../../i18n/useT';
import {
  useDeleteTicketView,
  useOrderTicketViews,
  useResetTicketView,
  useTicketViews,
  useUpdateTicketView,
} from '../hooks/useTicketViews';
import type { TicketView } from '../types/ticketSettingsTypes';
import { ViewFormDrawer } from './ViewFormDrawer';

/** 查询器 (manual 5.1.5): system and custom views, switched on or off, in the order the workspace lists them. */
export function TicketViewsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: views = [], isLoading } = useTicketViews();
  const update = useUpdateTicketView();
  const remove = useDeleteTicketView();
  const reset = useResetTicketView();
  const order = useOrderTicketViews();
  const showError = useApiError();
  const [editing, setEditing] = useState<{ view?: TicketView } | null>(null);
  const ids = views.map((v) => v.id);
  const categories = [...new Set(views.map((v) => v.category).filter((c): c is string => Boolean(c)))];

  const saveOrder = (next: string[]) => {
    if (next !== ids) order.mutate(next, { onError: (e) => showError(e) });
  };
  const dragRow = useRowReorder(ids, saveOrder);

  const columns: TableProps<TicketView>['columns'] = [
    {
      key: 'order',
      width: 72,
      render: (_, v, index) => (
        <OrderButtons
          handle
          first={index === 0}
          last={index === ids.length - 1}
          onMove={(step) => saveOrder(stepId(ids, v.id, step))}
        />
      ),
    },
    {
      key: 'name',
      title: t('ticketSettings.view.name'),
      render: (_, v) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => setEditing({ view: v })} data-testid={`view-edit-${v.name}`}>
            {v.name}
          </Typography.Link>
          {v.system ? (
            <Tag>{t('ticketSettings.view.system')}</Tag>
          ) : (
            <Tag color="blue">{t('ticketSettings.view.custom')}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('ticketSettings.view.category'),
      render: (_, v) => v.category || '—',
    },
    {
      key: 'visibility',
      title: t('ticketSettings.visibility'),
      render: (_, v) => t(`ticketSettings.scope.${v.visibility.scope}`),
    },
    {
      key: 'enabled',
      title: t('ticketSettings.enabled'),
      render: (_, v) => (
        <Switch
          size="small"
          checked={v.enabled}
          loading={update.isPending && update.variables?.id === v.id}
          onChange={(enabled) =>
            update.mutate({ id: v.id, body: { enabled } }, { onError: (e) => showError(e) })
          }
          aria-label={t('ticketSettings.enabled')}
          data-testid={`view-enabled-${v.name}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, v) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ view: v })}>
            {t('common.edit')}
          </Button>
          {v.system ? (
            <Popconfirm
              title={t('ticketSettings.view.resetConfirm', { name: v.name })}
              description={t('ticketSettings.view.resetHint')}
              onConfirm={() =>
                reset
                  .mutateAsync(v.id)
                  .then(() => message.success(t('ticketSettings.view.resetDone')))
                  .catch((e) => showError(e))
              }
            >
              <Button type="link" size="small" data-testid={`view-reset-${v.name}`}>
                {t('ticketSettings.view.reset')}
              </Button>
            </Popconfirm>
          ) : (
            <ConfirmDeleteButton
              title={t('ticketSettings.view.deleteConfirm', { name: v.name })}
              onDelete={() => remove.mutateAsync(v.id)}
              testId={`view-delete-${v.name}`}
            />
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ticketSettings.nav.views')}
        description={t('ticketSettings.view.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="view-create">
            {t('ticketSettings.view.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<TicketView>
          rowKey="id"
          columns={columns}
          dataSource={views}
          loading={isLoading || order.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(v) => ({ ...dragRow(v.id), 'data-testid': `view-row-${v.name}` })}
          data-testid="view-table"
        />
      </Card>
      <ViewFormDrawer
        open={editing !== null}
        view={editing?.view}
        categories={categories}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
