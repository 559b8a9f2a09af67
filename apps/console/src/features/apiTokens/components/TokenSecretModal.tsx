import { Alert, Button, Modal, Typography } from 'antd';
import type { ApiTokenCreated } from '../../../api/types';
import { useT } from '../../../i18n/useT';

/** Shows a new token's secret exactly once; closing the modal forgets it. */
export function TokenSecretModal({ token, onClose }: { token: ApiTokenCreated | null; onClose: () => void }) {
  const { t } = useT();
  return (
    <Modal
      title={t('apiTokens.createdTitle', { name: token?.name ?? '' })}
      open={token !== null}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-token-secret-close">
          {t('apiTokens.savedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiTokens.onceWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: token?.token ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ wordBreak: 'break-all', fontSize: 14 }}
        data-testid="api-token-secret"
      >
        {token?.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('apiTokens.usage')}</Typography.Text>
    </Modal>
  );
}
