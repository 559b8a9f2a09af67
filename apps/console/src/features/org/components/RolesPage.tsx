import type { DataScope } from '@yidan/contracts';
import { Button, Card, Flex, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../api/types';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useDeleteRole, useRoles } from '../hooks/useRoles';
import { RoleFormDrawer } from './RoleFormDrawer';

type Editing = { role?: Role } | null;

/** 角色管理 (manual 2.10.3): roles with their permissions and data scope. */
export function RolesPage() {
  const { t } = useT();
  const { data: roles = [], isLoading } = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableProps<Role>['columns'] = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (name: string, role) => (
        <Flex gap={6} align="center">
          {name}
          {role.system && <Tag color="gold">{t('roles.system')}</Tag>}
        </Flex>
      ),
    },
    { title: t('roles.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    {
      title: t('roles.dataScope'),
      dataIndex: 'dataScope',
      render: (scope: DataScope) => t(`dataScope.${scope}`),
    },
    { title: t('roles.agentCount'), dataIndex: 'agentCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Flex gap={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ role })}
            data-testid={`role-edit-${role.name}`}
          >
            {t('common.edit')}
          </Button>
          {!role.system && (
            <ConfirmDeleteButton
              title={t('roles.deleteConfirm', { name: role.name })}
              description={
                role.agentCount > 0 ? t('roles.deleteInUse', { count: role.agentCount }) : undefined
              }
              onDelete={() => remove.mutateAsync(role.id)}
              testId={`role-delete-${role.name}`}
            />
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        description={t('roles.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="role-create">
            {t('roles.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="role-table"
        />
      </Card>
      <RoleFormDrawer open={editing !== null} role={editing?.role} onClose={() => setEditing(null)} />
    </>
  );
}
