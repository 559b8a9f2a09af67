import { PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Card, Flex, Typography, Upload } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useUploadLogo } from '../hooks/useVendor';

const TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 512 * 1024;

/** Company logo (shown in the client and chat widget): PUT as the raw image body. */
export function LogoUpload({ logoUrl }: { logoUrl: string | null }) {
  const { t } = useT();
  const { message } = App.useApp();
  const upload = useUploadLogo();
  const showError = useApiError();

  const beforeUpload = (file: File) => {
    if (!TYPES.includes(file.type)) {
      message.error(t('vendor.logoType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      message.error(t('vendor.logoSize'));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(file, {
      onSuccess: () => message.success(t('vendor.logoUploaded')),
      onError: (e) => showError(e),
    });
    // The request is ours (raw body), not antd's multipart upload.
    return false;
  };

  return (
    <Card title={t('vendor.logo')} size="small">
      <Flex align="center" gap={16} wrap>
        <Avatar
          shape="square"
          size={80}
          src={logoUrl ?? undefined}
          icon={logoUrl ? undefined : <PictureOutlined />}
          data-testid="vendor-logo"
        />
        <Flex vertical gap={8}>
          <Upload accept={TYPES.join(',')} showUploadList={false} beforeUpload={beforeUpload} maxCount={1}>
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="vendor-logo-upload">
              {t('vendor.logoUpload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('vendor.logoHelp')}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
