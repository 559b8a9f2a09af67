import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import {
  useCreateCustomerGroup,
  useCustomerGroups,
  useUpdateCustomerGroup,
} from '../hooks/useCustomerGroups';
import type { CustomerGroup } from '../types/customerTypes';
import { buildCustomerGroupTree } from './customerGroupTree';

interface Values {
  name: string;
  parentId: number | null;
}

interface Props {
  open: boolean;
  /** Absent when adding. */
  group?: CustomerGroup;
  parentId?: number | null;
  onClose: () => void;
}

/** Add or rename a customer group (and choose its parent when adding). */
export function CustomerGroupFormModal({ open, group, parentId, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: groups = [] } = useCustomerGroups();
  const create = useCreateCustomerGroup();
  const update = useUpdateCustomerGroup();
  const showError = useApiError();
  const tree = useMemo(() => buildCustomerGroupTree(groups), [groups]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ name: group?.name ?? '', parentId: group ? group.parentId : (parentId ?? null) });
  }, [open, group, parentId, form]);

  const submit = (values: Values) => {
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (group) update.mutate({ id: group.id, body: { name: values.name.trim() } }, options);
    else create.mutate({ name: values.name.trim(), parentId: values.parentId ?? null }, options);
  };

  return (
    <Modal
      title={group ? t('customers.renameGroup') : t('customers.addGroup')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'customer-group-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('customers.groupName')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input data-testid="customer-group-name" />
        </Form.Item>
        {!group && (
          <Form.Item name="parentId" label={t('customers.groupParent')}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={tree}
              placeholder={t('customers.groupTopLevel')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
