import { Alert, Button, Flex, Grid, Modal, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/ApiError';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { usePreviewImport, useStartImport } from '../hooks/useImport';
import { isFinished, useTransferProgress } from '../hooks/useTransferProgress';
import type { ImportPreview, ImportStatus, TransferEntity } from '../types/transferTypes';
import { initialMapping, type MappingDraft, mappingToSend, missingRequired } from '../utils/importMapping';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What this list can import, e.g. 公司 / 联系人 for customers. */
  entities: { value: TransferEntity; label: string }[];
  /** Preselected while the agent has not picked one (the list being shown). */
  defaultEntity: TransferEntity;
  /** Once per import when its job has finished (done or failed): refresh what it wrote to. */
  onFinished?: (status: ImportStatus) => void;
}

/** Server field errors on `mapping.<column header>` → that column's message (headers may hold dots). */
function columnErrorsOf(error: unknown, header: string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byColumn: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    const path = e.path.replace(/^body\./, '');
    const column = path.startsWith('mapping.') ? path.slice('mapping.'.length) : null;
    if (column !== null && header.includes(column)) byColumn[column] = e.message;
  }
  return byColumn;
}

/**
 * 导入 (manual 2.11.3.1) for any list: choose the file, map its columns, then watch the job to its
 * result. Closing the window while the job runs keeps it (and its progress) for when it reopens.
 */
export function ImportWizard({ open, onClose, title, entities, defaultEntity, onFinished }: Props) {
  const { t } = useT();
  const mobile = Grid.useBreakpoint().md === false;
  const [chosenEntity, setChosenEntity] = useState<TransferEntity | null>(null);
  const [noHeader, setNoHeader] = useState(false);
  const [skipExisting, setSkipExisting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<MappingDraft>({});
  const [importId, setImportId] = useState<number | null>(null);
  const previewing = usePreviewImport();
  const starting = useStartImport();
  const options = { entity: chosenEntity ?? defaultEntity, noHeader, skipExisting };
  const { data: status } = useTransferProgress('import', importId, options.entity);
  const reported = useRef<number | null>(null);

  const step = importId !== null ? 2 : preview ? 1 : 0;
  const finished = isFinished(status);
  const entityLabel = entities.find((e) => e.value === options.entity)?.label ?? '';
  const missing = preview ? missingRequired(preview.fields, mapping) : [];
  const nothingMapped = preview !== null && Object.keys(mappingToSend(mapping)).length === 0;
  const error = step === 0 ? previewing.error : step === 1 ? starting.error : null;

  useEffect(() => {
    if (!status || !isFinished(status) || reported.current === status.id) return;
    reported.current = status.id;
    onFinished?.(status);
  }, [status, onFinished]);

  const reset = () => {
    setChosenEntity(null);
    setNoHeader(false);
    setSkipExisting(false);
    setFile(null);
    setPreview(null);
    setMapping({});
    setImportId(null);
    previewing.reset();
    starting.reset();
  };

  const next = () => {
    if (!file) return;
    previewing.mutate(
      { file, options },
      {
        onSuccess: (result) => {
          setPreview(result);
          setMapping(initialMapping(result.header, result.mapping));
        },
      },
    );
  };

  const start = () => {
    if (!file) return;
    starting.mutate({ file, options, mapping: mappingToSend(mapping) }, { onSuccess: setImportId });
  };

  const back = () => {
    starting.reset();
    setPreview(null);
  };

  const footer = [
    step === 0 && [
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>,
      <Button
        key="next"
        type="primary"
        disabled={!file}
        loading={previewing.isPending}
        onClick={next}
        data-testid="import-next"
      >
        {t('transfers.next')}
      </Button>,
    ],
    step === 1 && [
      <Button key="back" onClick={back} disabled={starting.isPending}>
        {t('transfers.back')}
      </Button>,
      <Button
        key="start"
        type="primary"
        disabled={missing.length > 0 || nothingMapped}
        loading={starting.isPending}
        onClick={start}
        data-testid="import-start"
      >
        {t('transfers.start')}
      </Button>,
    ],
    step === 2 &&
      (finished
        ? [
            <Button key="again" onClick={reset} data-testid="import-again">
              {t('transfers.importAnother')}
            </Button>,
            <Button key="finish" type="primary" onClick={onClose} data-testid="import-finish">
              {t('transfers.finish')}
            </Button>,
          ]
        : [
            <Button key="background" onClick={onClose}>
              {t('transfers.runInBackground')}
            </Button>,
          ]),
  ].filter(Boolean);

  return (
    <Modal
      open={open}
      title={title}
      width={780}
      onCancel={onClose}
      // A finished or never-started import starts over next time; a running one is kept.
      afterClose={() => (importId === null || finished ? reset() : undefined)}
      maskClosable={false}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          {footer}
        </Flex>
      }
      data-testid="import-wizard"
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          responsive={false}
          titlePlacement={mobile ? 'vertical' : 'horizontal'}
          current={step}
          items={[
            { title: t('transfers.step.file') },
            { title: t('transfers.step.mapping') },
            { title: t('transfers.step.import') },
          ]}
        />
        {error && <Alert type="error" showIcon title={describeError(error, t)} data-testid="import-error" />}
        {step === 0 && (
          <ImportFileStep
            entities={entities}
            options={options}
            onOptionsChange={(next) => {
              setChosenEntity(next.entity);
              setNoHeader(next.noHeader);
              setSkipExisting(next.skipExisting);
            }}
            file={file}
            onFileChange={(next) => {
              previewing.reset();
              setFile(next);
            }}
          />
        )}
        {step === 1 && preview && (
          <ImportMappingStep
            preview={preview}
            entityLabel={entityLabel}
            mapping={mapping}
            onChange={setMapping}
            columnErrors={columnErrorsOf(starting.error, preview.header)}
          />
        )}
        {step === 2 &&
          (status && finished ? <ImportResult status={status} /> : <ImportProgress status={status} />)}
      </Flex>
    </Modal>
  );
}
