import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useApiError } from '../api/useApiError';
import { useT } from '../i18n/useT';

interface Props {
  /** The question, naming what goes. */
  title: ReactNode;
  description?: ReactNode;
  /** Runs once confirmed; a failure is shown as the server's message. */
  onDelete: () => Promise<unknown>;
  testId?: string;
  /** A bin icon (rows of icon buttons) instead of the 删除 link. */
  iconOnly?: boolean;
  /** Why this cannot be deleted: the button is disabled and says so on hover. */
  disabledReason?: ReactNode;
}

/** 删除 that asks first, with a red confirm button. */
export function ConfirmDeleteButton({
  title,
  description,
  onDelete,
  testId,
  iconOnly,
  disabledReason,
}: Props) {
  const { t } = useT();
  const showError = useApiError();
  const button = iconOnly ? (
    <Button
      type="text"
      size="small"
      danger
      disabled={Boolean(disabledReason)}
      icon={<DeleteOutlined />}
      aria-label={t('common.delete')}
      data-testid={testId}
    />
  ) : (
    <Button type="link" size="small" danger disabled={Boolean(disabledReason)} data-testid={testId}>
      {t('common.delete')}
    </Button>
  );
  if (disabledReason) return <Tooltip title={disabledReason}>{button}</Tooltip>;
  return (
    <Popconfirm
      title={title}
      description={description}
      okButtonProps={{ danger: true }}
      onConfirm={() => onDelete().catch((e) => showError(e))}
    >
      {button}
    </Popconfirm>
  );
}
