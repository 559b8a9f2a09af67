import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useStartExport } from '../hooks/useStartExport';
import { isFinished, useTransferProgress } from '../hooks/useTransferProgress';
import type { ExportCreateInput } from '../types/transferTypes';
import { downloadFile } from '../utils/downloadFile';

interface Props {
  /** The export's scope at the moment of the click: the list's filters or the selected ids. */
  build: () => ExportCreateInput;
  label: string;
  /** Title of the progress window. */
  title: string;
}

/**
 * 导出 for any list: queues the export job, shows its progress (socket pushes, polling as the
 * fallback) and downloads the .xlsx once it is ready, also after the window was closed.
 */
export function ExportButton({ build, label, title }: Props) {
  const { t, lang } = useT();
  const count = (n: number) => n.toLocaleString(lang);
  const showError = useApiError();
  const starting = useStartExport();
  const [started, setStarted] = useState<{ id: number; entity: ExportCreateInput['entity'] } | null>(null);
  // Hiding the window keeps following the job: the file still downloads when it is ready.
  const [shown, setShown] = useState(false);
  const { data: status } = useTransferProgress('export', started?.id ?? null, started?.entity);
  const downloaded = useRef<number | null>(null);
  const finished = isFinished(status);

  useEffect(() => {
    if (status?.status !== 'done' || !status.fileUrl || downloaded.current === status.id) return;
    downloaded.current = status.id;
    downloadFile(status.fileUrl);
  }, [status]);

  const open = () => {
    const body = build();
    starting.mutate(body, {
      onSuccess: (id) => {
        setStarted({ id, entity: body.entity });
        setShown(true);
      },
      onError: (e) => showError(e),
    });
  };

  const processed = status?.processed ?? 0;
  const total = status?.total ?? null;

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={starting.isPending}
        onClick={open}
        data-testid="export-open"
      >
        {label}
      </Button>
      <Modal
        open={shown}
        title={title}
        onCancel={() => setShown(false)}
        footer={
          <Button type={finished ? 'primary' : 'default'} onClick={() => setShown(false)}>
            {finished ? t('transfers.close') : t('transfers.runInBackground')}
          </Button>
        }
      >
        {status?.status === 'done' ? (
          <Result
            status="success"
            title={t('transfers.exportDone')}
            subTitle={t('transfers.exportDoneHint', { total: count(status.total ?? processed) })}
            extra={
              status.fileUrl && (
                <Button
                  href={status.fileUrl}
                  download
                  icon={<DownloadOutlined />}
                  data-testid="export-download"
                >
                  {t('transfers.downloadAgain')}
                </Button>
              )
            }
            data-testid="export-result"
          />
        ) : status?.status === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={t('transfers.exportFailed')}
            description={status.error}
            data-testid="export-result"
          />
        ) : (
          <Flex vertical gap={8} style={{ padding: '24px 0' }} data-testid="export-progress">
            {total ? (
              <Progress percent={Math.floor((processed / total) * 100)} status="active" />
            ) : (
              // A query's size is known only at the end: a spinner rather than a bar stuck at 0.
              <Spin />
            )}
            <Typography.Text type="secondary" style={{ textAlign: total ? undefined : 'center' }}>
              {!status || status.status === 'queued'
                ? t('transfers.queued')
                : total
                  ? t('transfers.exportingOf', { processed: count(processed), total: count(total) })
                  : t('transfers.exporting', { processed: count(processed) })}
            </Typography.Text>
          </Flex>
        )}
      </Modal>
    </>
  );
}
