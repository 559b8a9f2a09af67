import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, type TableProps, Tag, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useDeleteField, useReorderFields } from '../hooks/useFields';
import type { FieldDefinition, FieldEntity } from '../types/customerTypes';
import { moveId, stepId } from './fieldOrder';

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
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const ids = fields.map((f) => f.id);

  const save = (next: number[]) => {
    if (next !== ids) reorder.mutate(next, { onError: (e) => showError(e) });
  };

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
          <Tooltip title={t('fields.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => save(stepId(ids, f.id, -1))}
              aria-label={t('fields.moveUp')}
            />
          </Tooltip>
          <Tooltip title={t('fields.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === ids.length - 1}
              onClick={() => save(stepId(ids, f.id, 1))}
              aria-label={t('fields.moveDown')}
            />
          </Tooltip>
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
            <Popconfirm
              title={t('fields.deleteConfirm', { name: f.label })}
              description={t('fields.deleteHint')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(f).catch((e) => showError(e))}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                data-testid={`field-delete-${f.key}`}
              />
            </Popconfirm>
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
      onRow={(f) =>
        ({
          draggable: true,
          'data-testid': `field-row-${f.key}`,
          style:
            over === f.id && dragging !== f.id
              ? { outline: `2px dashed ${token.colorPrimary}`, outlineOffset: -2 }
              : undefined,
          onDragStart: (e: React.DragEvent) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(f.id));
            setDragging(f.id);
          },
          onDragOver: (e: React.DragEvent) => {
            e.preventDefault();
            if (over !== f.id) setOver(f.id);
          },
          onDragEnd: () => {
            setDragging(null);
            setOver(null);
          },
          onDrop: (e: React.DragEvent) => {
            e.preventDefault();
            const dragId = Number(e.dataTransfer.getData('text/plain')) || dragging;
            setDragging(null);
            setOver(null);
            if (dragId) save(moveId(ids, dragId, f.id));
          },
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid={`field-table-${entity}`}
    />
  );
}
