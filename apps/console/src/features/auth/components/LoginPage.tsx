import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/ApiError';
import { applyFieldErrors } from '../../../api/fieldErrors';
import { describeError } from '../../../api/useApiError';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { useT } from '../../../i18n/useT';
import type { LoginInput } from '../api/authApi';
import { useLogin } from '../hooks/useLogin';
import { useMe } from '../hooks/useMe';

export function LoginPage() {
  const { t } = useT();
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const login = useLogin();
  const [showVendor, setShowVendor] = useState(false);
  const [error, setError] = useState<{ text: string; throttled: boolean } | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const submit = (values: LoginInput) => {
    setError(null);
    const vendor = values.vendor?.trim();
    login.mutate(
      { account: values.account.trim(), password: values.password, vendor: vendor || undefined },
      {
        onSuccess: () => navigate(from, { replace: true }),
        onError: (e) => {
          // Several vendors share this server: reveal the key field (it focuses itself when it appears).
          if (isApiError(e) && e.code === 'vendor_required') setShowVendor(true);
          if (isApiError(e) && e.problem?.errors) applyFieldErrors(form, e.problem.errors);
          setError({ text: describeError(e, t), throttled: isApiError(e, 429) });
        },
      },
    );
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100%', padding: 16, background: '#f0f5ff' }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.slogan')}</Typography.Text>
        </Flex>
        {error && (
          <Alert
            type={error.throttled ? 'warning' : 'error'}
            showIcon
            title={error.throttled ? t('auth.throttled') : error.text}
            description={error.throttled ? error.text : undefined}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item
            name="account"
            label={t('auth.account')}
            rules={[{ required: true, message: t('auth.accountRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-account" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {showVendor ? (
            <Form.Item name="vendor" label={t('auth.vendorKey')} extra={t('auth.vendorKeyHelp')}>
              <Input
                prefix={<ShopOutlined />}
                autoComplete="organization"
                autoFocus
                data-testid="login-vendor"
              />
            </Form.Item>
          ) : (
            <Button
              type="link"
              size="small"
              onClick={() => setShowVendor(true)}
              data-testid="login-more"
              style={{ padding: 0, marginBottom: 16 }}
            >
              {t('auth.more')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
