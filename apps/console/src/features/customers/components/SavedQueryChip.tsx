import { DeleteOutlined, EditOutlined, MoreOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Tag, Tooltip } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useDeleteSavedQuery } from '../hooks/useSavedQueries';
import type { SavedQuery } from '../types/customerTypes';

interface Props {
  query: SavedQuery;
  active: boolean;
  onToggle: (active: boolean) => void;
  onEdit: () => void;
  onDeleted: () => void;
}

/** One 查询器: click runs it (again: leaves it); its owner and settings managers get 编辑 / 删除. */
export function SavedQueryChip({ query, active, onToggle, onEdit, onDeleted }: Props) {
  const { t } = useT();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const { can } = useAccess();
  const remove = useDeleteSavedQuery();
  const showError = useApiError();
  const editable = query.ownerAgentId === me.agent.id || can('customer.settings');

  const confirmDelete = () =>
    modal.confirm({
      title: t('savedQuery.deleteConfirm', { name: query.name }),
      content: query.visibility.scope === 'me' ? undefined : t('savedQuery.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'saved-query-delete-confirm' },
      onOk: () =>
        remove.mutateAsync(query).then(
          () => {
            message.success(t('savedQuery.deleted'));
            onDeleted();
          },
          (e) => showError(e),
        ),
    });

  return (
    <Tag.CheckableTag
      checked={active}
      onChange={onToggle}
      style={{ marginInlineEnd: 0, display: 'inline-flex', alignItems: 'center', gap: 4 }}
      data-testid={`saved-query-${query.id}`}
    >
      {query.visibility.scope !== 'me' && (
        <Tooltip title={t('savedQuery.shared')}>
          <TeamOutlined aria-label={t('savedQuery.shared')} />
        </Tooltip>
      )}
      {query.name}
      {editable && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined />, label: t('common.edit') },
              { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true },
            ],
            onClick: ({ key, domEvent }) => {
              // React events bubble out of the menu's portal into the tag, which would toggle the query.
              domEvent.stopPropagation();
              if (key === 'edit') onEdit();
              else confirmDelete();
            },
          }}
        >
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            aria-label={t('savedQuery.actions')}
            // The menu opens without running or leaving the query.
            onClick={(e) => e.stopPropagation()}
            style={{ height: 18, width: 18, minWidth: 18, color: 'inherit' }}
            data-testid={`saved-query-menu-${query.id}`}
          />
        </Dropdown>
      )}
    </Tag.CheckableTag>
  );
}
