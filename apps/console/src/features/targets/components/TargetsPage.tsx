import { Button, Card, Flex, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useDeleteTarget, useTargets, useUpdateTarget } from '../hooks/useTargets';
import type { Target } from '../types/targetTypes';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { TargetFormDrawer } from './TargetFormDrawer';

/** 外部目标 (manual 5.2.19): the endpoints rules call, switched on or off, with their delivery logs. */
export function TargetsPage() {
  const { t } = useT();
  const { data: targets = [], isLoading } = useTargets();
  const update = useUpdateTarget();
  const remove = useDeleteTarget();
  const showError = useApiError();
  const [editing, setEditing] = useState<{ target?: Target } | null>(null);
  const [log, setLog] = useState<Target | null>(null);

  const authLabel = (a: Target['auth']) =>
    a.type === 'basic' ? `Basic · ${a.username}` : a.type === 'bearer' ? 'Bearer' : t('targets.authNone');

  const columns: TableProps<Target>['columns'] = [
    {
      key: 'title',
      title: t('targets.title'),
      render: (_, r) => (
        <Flex vertical gap={2} style={{ minWidth: 120, maxWidth: 260 }}>
          <Typography.Link onClick={() => setEditing({ target: r })} data-testid={`target-edit-${r.title}`}>
            {r.title}
          </Typography.Link>
          {r.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }}>
              {r.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'url',
      title: t('targets.url'),
      // A phone shows title, switch and actions; the URL is in the editor.
      responsive: ['sm'],
      render: (_, r) => (
        <Flex gap={6} align="center" style={{ maxWidth: 420 }}>
          <Tag style={{ marginInlineEnd: 0 }}>{r.method}</Tag>
          <Typography.Text code ellipsis={{ tooltip: r.url }}>
            {r.url}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'auth',
      title: t('targets.auth'),
      responsive: ['lg'],
      render: (_, r) => <Typography.Text type="secondary">{authLabel(r.auth)}</Typography.Text>,
    },
    {
      key: 'enabled',
      title: t('targets.enabled'),
      width: 80,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          loading={update.isPending && update.variables?.id === r.id}
          onChange={(enabled) =>
            update.mutate({ id: r.id, body: { enabled } }, { onError: (e) => showError(e) })
          }
          aria-label={t('targets.enabled')}
          data-testid={`target-enabled-${r.title}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, r) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ target: r })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setLog(r)} data-testid={`target-log-${r.title}`}>
            {t('targets.deliveries')}
          </Button>
          <ConfirmDeleteButton
            title={t('targets.deleteConfirm', { title: r.title })}
            description={t('targets.deleteHint')}
            onDelete={() => remove.mutateAsync(r.id)}
            testId={`target-delete-${r.title}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('targets.nav')}
        description={t('targets.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="target-create">
            {t('targets.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<Target>
          rowKey="id"
          columns={columns}
          dataSource={targets}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('targets.empty') }}
          onRow={(r) => ({ 'data-testid': `target-row-${r.title}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="target-table"
        />
      </Card>
      <TargetFormDrawer open={editing !== null} target={editing?.target} onClose={() => setEditing(null)} />
      <DeliveriesDrawer
        open={log !== null}
        title={log ? t('targets.deliveriesOf', { title: log.title }) : ''}
        log={log ? { targetId: log.id } : null}
        onClose={() => setLog(null)}
      />
    </>
  );
}
