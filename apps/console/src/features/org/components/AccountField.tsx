import { App, Button, Form, type FormInstance, Input, Space } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { checkAccount } from '../api/agentsApi';
import type { AgentFormValues } from './agentFormValues';

const ACCOUNT = /^[A-Za-z0-9_.@-]+$/;

/** Account with the manual's 检测重名 button; the account cannot change after creation. */
export function AccountField({ form, editing }: { form: FormInstance<AgentFormValues>; editing: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [checking, setChecking] = useState(false);

  const check = async () => {
    try {
      await form.validateFields(['account']);
    } catch {
      return;
    }
    const account = form.getFieldValue('account')?.trim() ?? '';
    setChecking(true);
    try {
      if (await checkAccount(account)) message.success(t('agents.accountAvailable'));
      else form.setFields([{ name: 'account', errors: [t('agents.accountTaken')] }]);
    } catch (e) {
      showError(e, form);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Form.Item
      label={t('agents.account')}
      required={!editing}
      extra={editing ? undefined : t('agents.accountHelp')}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="account"
          noStyle
          rules={[
            { required: true, whitespace: true, message: t('agents.accountRequired') },
            { min: 2, max: 64 },
            { pattern: ACCOUNT, message: t('agents.accountInvalid') },
          ]}
        >
          <Input disabled={editing} autoComplete="off" data-testid="agent-form-account" />
        </Form.Item>
        {!editing && (
          <Button onClick={check} loading={checking} data-testid="agent-form-check-account">
            {t('agents.checkAccount')}
          </Button>
        )}
      </Space.Compact>
    </Form.Item>
  );
}
