import { DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Spin, Tooltip, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useCustomerGroups, useDeleteCustomerGroup } from '../hooks/useCustomerGroups';
import type { CustomerGroup } from '../types/customerTypes';
import { CustomerGroupFormModal } from './CustomerGroupFormModal';
import { buildCustomerGroupTree, type CustomerGroupNode } from './customerGroupTree';

const ALL = 0;
type Editing = { group?: CustomerGroup; parentId?: number | null } | null;

/** 客户组 on the left of the list: picking one filters the list; managers add, rename and delete. */
export function CustomerGroupTree({
  selected,
  onSelect,
}: {
  selected: number | undefined;
  onSelect: (groupId: number | undefined) => void;
}) {
  const { t } = useT();
  const { modal } = App.useApp();
  const { data: groups = [], isLoading } = useCustomerGroups();
  const { manageSettings } = useCustomerAbilities();
  const remove = useDeleteCustomerGroup();
  const showError = useApiError();
  const [editing, setEditing] = useState<Editing>(null);
  const tree = useMemo(
    () => [{ key: ALL, title: t('customers.allCustomers'), children: buildCustomerGroupTree(groups) }],
    [groups, t],
  );

  const confirmDelete = (group: CustomerGroup) =>
    modal.confirm({
      title: t('customers.deleteGroupConfirm', { name: group.name }),
      content: t('customers.deleteGroupHint'),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        remove.mutateAsync(group.id).then(
          () => selected === group.id && onSelect(undefined),
          (e) => showError(e),
        ),
    });

  const title = (node: { key: number; title: string; group?: CustomerGroup }) => {
    const group = (node as CustomerGroupNode).group as CustomerGroup | undefined;
    if (!group) return <Typography.Text strong>{node.title}</Typography.Text>;
    return (
      <Flex justify="space-between" align="center" gap={4} data-testid={`customer-group-${group.name}`}>
        <Typography.Text ellipsis style={{ minWidth: 0 }}>
          {group.name} <Typography.Text type="secondary">({group.companyCount})</Typography.Text>
        </Typography.Text>
        {manageSettings && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'add', icon: <PlusOutlined />, label: t('customers.addSubGroup') },
                { key: 'rename', icon: <EditOutlined />, label: t('customers.renameGroup') },
                { type: 'divider' },
                { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete') },
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                if (key === 'add') setEditing({ parentId: group.id });
                if (key === 'rename') setEditing({ group });
                if (key === 'delete') confirmDelete(group);
              },
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('common.actions')}
              onClick={(e) => e.stopPropagation()}
              data-testid={`customer-group-menu-${group.name}`}
            />
          </Dropdown>
        )}
      </Flex>
    );
  };

  return (
    <Card
      size="small"
      title={t('customers.groups')}
      extra={
        manageSettings && (
          <Tooltip title={t('customers.addGroup')}>
            <Button
              type="text"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              aria-label={t('customers.addGroup')}
              data-testid="customer-group-add"
            />
          </Tooltip>
        )
      }
      data-testid="customer-group-tree"
    >
      {isLoading ? (
        <Spin />
      ) : (
        <Tree
          blockNode
          defaultExpandAll
          treeData={tree}
          selectedKeys={[selected ?? ALL]}
          onSelect={(keys) => {
            // Clicking the selected group again keeps it selected.
            if (keys.length === 0) return;
            const key = Number(keys[0]);
            onSelect(key === ALL ? undefined : key);
          }}
          titleRender={(node) => title(node as never)}
        />
      )}
      <CustomerGroupFormModal
        open={editing !== null}
        group={editing?.group}
        parentId={editing?.parentId}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
