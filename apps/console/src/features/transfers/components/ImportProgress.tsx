import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { ImportStatus } from '../types/transferTypes';

/** The live bar while the import job runs (the socket pushes after every chunk of rows). */
export function ImportProgress({ status }: { status: ImportStatus | undefined }) {
  const { t, lang } = useT();
  const total = status?.total ?? 0;
  const processed = status?.processed ?? 0;
  const percent = total > 0 ? Math.floor((processed / total) * 100) : 0;
  return (
    <Flex vertical gap={8} style={{ padding: '32px 0' }}>
      <Progress percent={percent} status="active" data-testid="import-progress" />
      <Typography.Text type="secondary">
        {!status || status.status === 'queued'
          ? t('transfers.queued')
          : t('transfers.running', {
              processed: processed.toLocaleString(lang),
              total: total.toLocaleString(lang),
            })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('transfers.backgroundHint')}</Typography.Text>
    </Flex>
  );
}
