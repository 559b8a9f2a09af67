import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { ApiTokenCreated } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCreateApiToken } from '../hooks/useApiTokens';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (token: ApiTokenCreated) => void;
}

export function CreateApiTokenModal({ open, onClose, onCreated }: Props) {
  const { t } = useT();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateApiToken();
  const showError = useApiError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      title={t('apiTokens.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'api-token-form-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ name }) =>
          create.mutate(name.trim(), { onSuccess: onCreated, onError: (e) => showError(e, form) })
        }
      >
        <Form.Item
          name="name"
          label={t('apiTokens.name')}
          extra={t('apiTokens.nameHelp')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input autoFocus data-testid="api-token-form-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
