import { DeleteOutlined, EditOutlined, FolderAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useBulkDeleteCompanies } from '../hooks/useCompanies';
import { useBulkDeleteContacts } from '../hooks/useContacts';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useFields } from '../hooks/useFields';
import type { FieldEntity } from '../types/customerTypes';
import { BulkResultList } from './BulkResultList';

interface Props {
  entity: FieldEntity;
  ids: number[];
  names: Map<number, string>;
  onEdit: () => void;
  onAddToGroup?: () => void;
  onClear: () => void;
}

/** Shown while rows are selected: 批量编辑, 加入客户组 (companies), 批量删除 with a confirmation. */
export function BulkActionsBar({ entity, ids, names, onEdit, onAddToGroup, onClear }: Props) {
  const { t } = useT();
  const { modal, message } = App.useApp();
  const abilities = useCustomerAbilities();
  const { data: defs = [] } = useFields(entity);
  const companies = useBulkDeleteCompanies();
  const contacts = useBulkDeleteContacts();
  const showError = useApiError();
  const canEdit = entity === 'company' ? abilities.editCompany : abilities.editContact;
  const canDelete = entity === 'company' ? abilities.deleteCompany : abilities.deleteContact;

  const confirmDelete = () =>
    modal.confirm({
      title: t('customers.bulkDeleteConfirm', { count: ids.length }),
      content: entity === 'company' ? t('customers.deleteCompanyHint') : undefined,
      okButtonProps: { danger: true, 'data-testid': 'bulk-delete-confirm' },
      okText: t('common.delete'),
      onOk: async () => {
        try {
          const results = await (entity === 'company' ? companies : contacts).mutateAsync(ids);
          const failed = results.filter((r) => !r.ok);
          message.success(t('customers.bulkDeleted', { count: results.length - failed.length }));
          onClear();
          if (failed.length)
            modal.warning({
              title: t('customers.bulkPartial', {
                ok: results.length - failed.length,
                failed: failed.length,
              }),
              content: <BulkResultList results={results} names={names} defs={defs} />,
            });
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <Alert
      type="info"
      style={{ padding: '6px 12px' }}
      title={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <span data-testid="bulk-count">{t('customers.selectedCount', { count: ids.length })}</span>
          <Flex gap={8} wrap>
            {canEdit && (
              <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="bulk-edit">
                {t('customers.bulkEdit')}
              </Button>
            )}
            {canEdit && onAddToGroup && (
              <Button
                size="small"
                icon={<FolderAddOutlined />}
                onClick={onAddToGroup}
                data-testid="bulk-add-group"
              >
                {t('customers.addToGroup')}
              </Button>
            )}
            {canDelete && (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={confirmDelete}
                data-testid="bulk-delete"
              >
                {t('customers.bulkDelete')}
              </Button>
            )}
            <Button size="small" type="link" onClick={onClear}>
              {t('customers.clearSelection')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
