import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Result, Row, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { ImportStatus } from '../types/transferTypes';

/**
 * 第四步: how many rows were imported, updated, skipped and refused, and the file of refused rows
 * (its 失败原因 column says why each one failed).
 */
export function ImportResult({ status }: { status: ImportStatus }) {
  const { t, lang } = useT();

  if (status.status === 'failed') {
    return (
      <Result
        status="error"
        title={t('transfers.importFailed')}
        subTitle={status.error ?? undefined}
        data-testid="import-result"
      />
    );
  }

  const counts = [
    { key: 'imported', value: status.imported, color: '#52c41a' },
    { key: 'updated', value: status.updated },
    { key: 'skipped', value: status.skipped },
    { key: 'failed', value: status.failed, color: status.failed ? '#ff4d4f' : undefined },
  ] as const;

  return (
    <Result
      status={status.failed ? 'warning' : 'success'}
      title={t('transfers.importDone')}
      subTitle={t('transfers.importSummary', {
        total: status.total.toLocaleString(lang),
        ok: (status.imported + status.updated).toLocaleString(lang),
      })}
      data-testid="import-result"
      extra={
        status.failedRowsUrl && (
          <Button
            href={status.failedRowsUrl}
            download
            icon={<DownloadOutlined />}
            data-testid="import-failed-download"
          >
            {t('transfers.downloadFailed')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        {counts.map(({ key, value, ...style }) => (
          <Col key={key} xs={12} sm={6}>
            <Statistic
              title={t(`transfers.count.${key}`)}
              value={value}
              styles={{ content: 'color' in style && style.color ? { color: style.color } : undefined }}
              data-testid={`import-result-${key}`}
            />
          </Col>
        ))}
      </Row>
      {status.failedRowsUrl && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('transfers.failedHint')}
        </Typography.Paragraph>
      )}
    </Result>
  );
}
