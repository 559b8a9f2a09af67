import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useT } from '../../../i18n/useT';

interface Props {
  canEdit: boolean;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  confirmTitle: string;
  confirmDescription?: string;
  /** e.g. `company-7`: buttons get `<prefix>-edit-…` style test ids. */
  testId: { edit: string; delete: string };
}

/** The edit and delete buttons at the end of a customer row. */
export function RowActions({
  canEdit,
  canDelete,
  onEdit,
  onDelete,
  confirmTitle,
  confirmDescription,
  testId,
}: Props) {
  const { t } = useT();
  return (
    <Flex gap={0}>
      {canEdit && (
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={onEdit}
            data-testid={testId.edit}
          />
        </Tooltip>
      )}
      {canDelete && (
        <ConfirmDeleteButton
          iconOnly
          title={confirmTitle}
          description={confirmDescription}
          onDelete={onDelete}
          testId={testId.delete}
        />
      )}
    </Flex>
  );
}
