import { DATA_SCOPES, type DataScope, type Permission } from '@yidan/contracts';
import { Alert, App, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import type { Role } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { useT } from '../../../i18n/useT';
import { useCreateRole, useUpdateRole } from '../hooks/useRoles';
import { PermissionChecklist } from './PermissionChecklist';

interface Values {
  name: string;
  description?: string;
  dataScope: DataScope;
  permissions: Permission[];
}

export function RoleFormDrawer({ open, role, onClose }: { open: boolean; role?: Role; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const showError = useApiError();
  // The 管理员 role always has every permission and sees everything.
  const locked = role?.system === 'admin';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      role
        ? {
            name: role.name,
            description: role.description ?? '',
            dataScope: role.dataScope,
            permissions: role.permissions as Permission[],
          }
        : { name: '', description: '', dataScope: 'own', permissions: [] },
    );
  }, [open, role, form]);

  const submit = (values: Values) => {
    const base = { name: values.name.trim(), description: values.description?.trim() || undefined };
    const body = locked ? base : { ...base, dataScope: values.dataScope, permissions: values.permissions };
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (role) update.mutate({ id: role.id, body }, options);
    else create.mutate({ ...body, dataScope: values.dataScope, permissions: values.permissions }, options);
  };

  return (
    <FormDrawer
      title={role ? t('roles.edit') : t('roles.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={640}
      submitTestId="role-form-submit"
    >
      {locked && <Alert type="info" showIcon title={t('roles.adminLocked')} style={{ marginBottom: 16 }} />}
      <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input data-testid="role-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('roles.description')} rules={[{ max: 200 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="role-form-description" />
      </Form.Item>
      <Form.Item name="dataScope" label={t('roles.dataScope')} tooltip={t('roles.dataScopeHelp')}>
        <Radio.Group disabled={locked} data-testid="role-form-scope">
          {DATA_SCOPES.map((scope) => (
            <Radio key={scope} value={scope}>
              {t(`dataScope.${scope}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.permissions')}>
        <PermissionChecklist disabled={locked} />
      </Form.Item>
    </FormDrawer>
  );
}
