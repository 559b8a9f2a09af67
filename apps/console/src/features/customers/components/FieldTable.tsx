import { EditOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Tag, Tooltip, Typography, theme } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { stepId } from '../../../components/listOrder';
import { OrderButtons } from '../../../components/OrderButtons';
import { useRowReorder } from '../../../components/useRowReorder';
import { useT } from '../../../i18n/useT';
import { useDeleteField, useReorderFields } from '../hooks/useFields';
import type { FieldDefinition, FieldEntity } from '../types/customerTypes';

interface Props {
  entity: FieldEntity;
  fields: FieldDefinition[];
  loading: boolean;
  onEdit: (field: FieldDefinition) => void;
}

/** System and custom fields in display order; drag a row (or use the arrows) to reorder. */
export function FieldTable({ entity, fields, loading, onEdit }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const reorder = useReorderFields(entity);
  const remove = useDeleteField();
  const showError = useApiError();
  const ids = fields.map((f) => f.id);

  const save = (next: number[]) => {
    if (next !== ids) reorder.mutate(next, { onError: (e) => showError(e) });
  };
  const dragRow = useRowReorder(ids, save);

  const readOnlyText = (f: FieldDefinition) =>
    f.readOnly.all
      ? t('fields.readOnlyAll')
      : f.readOnly.groupIds.length || f.readOnly.agentIds.length
        ? t('fields.readOnlySomeCount', { count: f.readOnly.groupIds.length + f.readOnly.agentIds.length })
        : '—';

  const columns: TableProps<FieldDefinition>['columns'] = [
    {
      key: 'drag',
      width: 40,
      render: () => <HolderOutlined style={{ cursor: 'grab', color: token.colorTextTertiary }} aria-hidden />,
    },
    {
      key: 'label',
      title: t('fields.label'),
      render: (_, f) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong={f.enabled} type={f.enabled ? undefined : 'secondary'}>
            {f.label}
          </Typography.Text>
          {f.system ? <Tag>{t('fields.system')}</Tag> : <Tag color="blue">{t('fields.custom')}</Tag>}
          {!f.enabled && <Tag>{t('fields.disabled')}</Tag>}
        </Flex>
      ),
    },
    { key: 'key', title: t('fields.key'), render: (_, f) => <Typography.Text code>{f.key}</Typography.Text> },
    { key: 'type', title: t('fields.type'), render: (_, f) => t(`fieldType.${f.type}`) },
    {
      key: 'required',
      title: t('fields.required'),
      render: (_, f) => (f.required ? t('customers.yes') : '—'),
    },
    { key: 'readOnly', title: t('fields.readOnly'), render: (_, f) => readOnlyText(f) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, f, index) => (
        <Flex gap={0}>
          <OrderButtons
            first={index === 0}
            last={index === ids.length - 1}
            onMove={(step) => save(stepId(ids, f.id, step))}
          />
          <Tooltip title={f.system ? t('fields.rename') : t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(f)}
              aria-label={t('common.edit')}
              data-testid={`field-edit-${f.key}`}
            />
          </Tooltip>
          {!f.system && (
            <ConfirmDeleteButton
              iconOnly
              title={t('fields.deleteConfirm', { name: f.label })}
              description={t('fields.deleteHint')}
              onDelete={() => remove.mutateAsync(f)}
              testId={`field-delete-${f.key}`}
            />
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Table<FieldDefinition>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={fields}
      loading={loading || reorder.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(f) => ({ ...dragRow(f.id), 'data-testid': `field-row-${f.key}` })}
      data-testid={`field-table-${entity}`}
    />
  );
}
