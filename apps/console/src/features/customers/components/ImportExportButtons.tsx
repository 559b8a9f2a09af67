import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useT } from '../../../i18n/useT';

/** 导入 / 导出 Excel: placeholders until the import and export jobs exist. */
export function ImportExportButtons() {
  const { t } = useT();
  return (
    <>
      <Tooltip title={t('common.comingSoon')}>
        <Button icon={<UploadOutlined />} disabled data-testid="customer-import">
          {t('customers.import')}
        </Button>
      </Tooltip>
      <Tooltip title={t('common.comingSoon')}>
        <Button icon={<DownloadOutlined />} disabled data-testid="customer-export">
          {t('customers.export')}
        </Button>
      </Tooltip>
    </>
  );
}
