import { Card, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/** The read-only 服务商登录标识 agents enter at login when several vendors share one server. */
export function LoginKeyCard({ loginKey }: { loginKey: string }) {
  const { t } = useT();
  return (
    <Card title={t('vendor.loginKey')} size="small">
      <Typography.Paragraph
        copyable={{ text: loginKey, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ fontSize: 16, marginBottom: 8 }}
        data-testid="vendor-login-key"
      >
        {loginKey}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('vendor.loginKeyHelp')}</Typography.Text>
    </Card>
  );
}
