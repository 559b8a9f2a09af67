import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { uploadFile } from '../api/filesApi';
import type { Attachment } from '../types/ticketTypes';

interface Props {
  value?: Attachment[];
  onChange?: (files: Attachment[]) => void;
  /** Up to 20 files per reply (the contract's limit). */
  max?: number;
  testId?: string;
}

/**
 * 附件 for a reply or a new ticket: each file is uploaded as soon as it is picked; the value holds
 * the uploaded ones ({fileId, name, size}). A failed upload stays listed in red with the reason.
 */
export function AttachmentUpload({ value = [], onChange, max = 20, testId }: Props) {
  const { t } = useT();
  const [files, setFiles] = useState<UploadFile<Attachment>[]>([]);
  // The form was reset (e.g. after sending): drop the sent files from the list.
  useEffect(() => {
    if (value.length === 0) setFiles((prev) => prev.filter((f) => f.status === 'uploading'));
  }, [value.length]);

  return (
    <div data-testid={testId}>
      <Upload<Attachment>
        multiple
        maxCount={max}
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File).then(
            (uploaded) => onSuccess?.(uploaded),
            (error: unknown) => onError?.(new Error(describeError(error, t))),
          );
        }}
        onChange={({ fileList }) => {
          setFiles(fileList.map((f) => (f.status === 'error' ? { ...f, response: undefined } : f)));
          onChange?.(fileList.flatMap((f) => (f.status === 'done' && f.response ? [f.response] : [])));
        }}
      >
        <Button icon={<PaperClipOutlined />} size="small" type="text">
          {t('tickets.attach')}
        </Button>
      </Upload>
    </div>
  );
}
