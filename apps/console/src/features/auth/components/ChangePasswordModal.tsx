import { App, Form, Input, Modal } from 'antd';
import { isApiError } from '../../../api/ApiError';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useChangePassword } from '../hooks/useChangePassword';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showError = useApiError();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          showError(e, form);
          if (isApiError(e) && e.code === 'wrong_password') {
            form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
          }
        },
      },
    );

  return (
    <Modal
      title={t('auth.changePassword')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'password-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true }, { min: 8, message: t('auth.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
