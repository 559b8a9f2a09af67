import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import type { Shift } from '../../../api/types';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useT } from '../../../i18n/useT';
import { useDeleteShift, useShifts } from '../hooks/useShifts';
import { ShiftFormModal } from './ShiftFormModal';
import { endsNextDay } from './shiftTime';

type Editing = { shift?: Shift } | null;

export function ShiftListCard() {
  const { t } = useT();
  const { data: shifts = [], isLoading } = useShifts();
  const remove = useDeleteShift();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableProps<Shift>['columns'] = [
    {
      title: t('shifts.name'),
      dataIndex: 'name',
      render: (name: string, shift) => (
        <Flex align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
          <span
            style={{
              width: 12,
              height: 12,
              borderRadius: 3,
              background: shift.color ?? '#1677ff',
              flexShrink: 0,
            }}
          />
          {name}
        </Flex>
      ),
    },
    { title: t('shifts.start'), dataIndex: 'start' },
    {
      title: t('shifts.end'),
      dataIndex: 'end',
      render: (end: string, shift) => (
        <>
          {endsNextDay(shift) && <Tag color="purple">{t('shifts.nextDay')}</Tag>}
          {end}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, shift) => (
        <Flex gap={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ shift })}
            data-testid={`shift-edit-${shift.name}`}
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('shifts.deleteConfirm', { name: shift.name })}
            onDelete={() => remove.mutateAsync(shift.id)}
            testId={`shift-delete-${shift.name}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('shifts.list')}
      extra={
        <Button
          type="primary"
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setEditing({})}
          data-testid="shift-create"
        >
          {t('shifts.create')}
        </Button>
      }
    >
      <Table<Shift>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shifts}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 420 }}
        data-testid="shift-table"
      />
      <ShiftFormModal open={editing !== null} shift={editing?.shift} onClose={() => setEditing(null)} />
    </Card>
  );
}
