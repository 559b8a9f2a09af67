import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Radio, Switch, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { IMPORT_EXTENSIONS, IMPORT_MAX_MB, importMaxRows } from '../api/transfersApi';
import type { ImportOptions, TransferEntity } from '../types/transferTypes';

interface Props {
  entities: { value: TransferEntity; label: string }[];
  options: ImportOptions;
  onOptionsChange: (options: ImportOptions) => void;
  file: File | null;
  onFileChange: (file: File | null) => void;
}

/** Step 1: what to import, the two switches of the manual, and the file (checked before upload). */
export function ImportFileStep({ entities, options, onOptionsChange, file, onFileChange }: Props) {
  const { t, lang } = useT();
  const [rejected, setRejected] = useState<string | null>(null);
  const set = (patch: Partial<ImportOptions>) => onOptionsChange({ ...options, ...patch });

  const accept = (candidate: File) => {
    const name = candidate.name.toLowerCase();
    if (!IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      setRejected(t('transfers.fileType'));
    } else if (candidate.size > IMPORT_MAX_MB * 1024 * 1024) {
      setRejected(t('transfers.fileTooLarge', { mb: IMPORT_MAX_MB }));
    } else {
      setRejected(null);
      onFileChange(candidate);
    }
    // Kept in the browser: the preview and the import upload it themselves.
    return Upload.LIST_IGNORE;
  };

  return (
    <Form layout="vertical" component="div">
      {entities.length > 1 && (
        <Form.Item label={t('transfers.entity')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={options.entity}
            onChange={(e) => set({ entity: e.target.value })}
          >
            {entities.map((entity) => (
              <Radio.Button key={entity.value} value={entity.value}>
                {/* On the visible label: antd puts extra props on the hidden radio input. */}
                <span data-testid={`import-entity-${entity.value}`}>{entity.label}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Flex gap={24} wrap>
        <Form.Item
          label={t('transfers.noHeader')}
          extra={t('transfers.noHeaderHelp')}
          style={{ flex: 1, minWidth: 220 }}
        >
          <Switch
            checked={options.noHeader}
            onChange={(noHeader) => set({ noHeader })}
            data-testid="import-no-header"
          />
        </Form.Item>
        {/* Tickets have no natural key to match existing records by. */}
        {options.entity !== 'tickets' && (
          <Form.Item
            label={t('transfers.skipExisting')}
            extra={t('transfers.skipExistingHelp')}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Switch
              checked={options.skipExisting}
              onChange={(skipExisting) => set({ skipExisting })}
              data-testid="import-skip-existing"
            />
          </Form.Item>
        )}
      </Flex>
      <Upload.Dragger
        accept={IMPORT_EXTENSIONS.join(',')}
        multiple={false}
        showUploadList={false}
        beforeUpload={accept}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {file ? (
            <Typography.Text strong data-testid="import-file-name">
              {file.name}
            </Typography.Text>
          ) : (
            t('transfers.drop')
          )}
        </p>
        {file && <p className="ant-upload-hint">{t('transfers.replace')}</p>}
        <p className="ant-upload-hint">
          {t('transfers.limits', {
            mb: IMPORT_MAX_MB,
            rows: importMaxRows(options.entity).toLocaleString(lang),
          })}
        </p>
      </Upload.Dragger>
      {rejected && <Alert type="error" showIcon title={rejected} style={{ marginTop: 12 }} />}
    </Form>
  );
}
