import { App, Form, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useBulkUpdateCompanies } from '../hooks/useCompanies';
import { useCustomerGroups } from '../hooks/useCustomerGroups';
import { useFields } from '../hooks/useFields';
import type { BulkResult } from '../types/customerTypes';
import { BulkResultList } from './BulkResultList';
import { buildCustomerGroupTree } from './customerGroupTree';

interface Props {
  ids: number[];
  names: Map<number, string>;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 加入客户组: moves the selected companies into one group (a bulk edit of the group alone). */
export function AddToGroupModal({ ids, names, open, onClose, onDone }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: groups = [] } = useCustomerGroups();
  const { data: defs = [] } = useFields('company');
  const bulk = useBulkUpdateCompanies();
  const showError = useApiError();
  const [groupId, setGroupId] = useState<number | undefined>();
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const tree = useMemo(() => buildCustomerGroupTree(groups), [groups]);

  useEffect(() => {
    if (open) {
      setGroupId(undefined);
      setResults(null);
    }
  }, [open]);

  const submit = () => {
    if (!groupId) return;
    bulk.mutate(
      { ids, set: { groupId } },
      {
        onSuccess: (items) => {
          if (items.every((r) => r.ok)) {
            message.success(t('customers.bulkUpdated', { count: items.length }));
            onDone();
            onClose();
          } else setResults(items);
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <Modal
      title={t('customers.addToGroupTitle', { count: ids.length })}
      open={open}
      onCancel={onClose}
      onOk={results ? onClose : submit}
      okText={results ? t('customers.close') : t('common.save')}
      okButtonProps={{ disabled: !results && !groupId, 'data-testid': 'add-to-group-submit' }}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      confirmLoading={bulk.isPending}
    >
      {results ? (
        <BulkResultList results={results} names={names} defs={defs} />
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('customers.group')}>
            <TreeSelect
              treeDefaultExpandAll
              treeData={tree}
              value={groupId}
              onChange={setGroupId}
              notFoundContent={t('customers.noGroups')}
              data-testid="add-to-group-select"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
