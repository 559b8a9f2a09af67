import { CloudDownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Table, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarDay } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useT } from '../../../i18n/useT';
import { useCalendarDays, useDeleteCalendarDay, useImportNationalHolidays } from '../hooks/useCalendarDays';
import { CalendarDayModal } from './CalendarDayModal';

const spanDays = (day: CalendarDay) => dayjs(day.endDate).diff(dayjs(day.startDate), 'day') + 1;

/** 节假日 (manual 2.9.1.2): holidays off and make-up workdays (调休上班) of one year. */
export function HolidaysCard() {
  const { t } = useT();
  const [year, setYear] = useState(() => dayjs().year());
  const [creating, setCreating] = useState(false);
  const { data: days = [], isLoading } = useCalendarDays(year);
  const remove = useDeleteCalendarDay();
  const importDays = useImportNationalHolidays();
  const { message } = App.useApp();
  const showError = useApiError();

  const columns: TableProps<CalendarDay>['columns'] = [
    {
      title: t('hours.kind'),
      dataIndex: 'kind',
      render: (kind: CalendarDay['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`hours.kind.${kind}`)}</Tag>
      ),
    },
    { title: t('hours.dayName'), dataIndex: 'name' },
    {
      title: t('hours.dates'),
      key: 'dates',
      render: (_, day) =>
        `${day.startDate}${day.endDate === day.startDate ? '' : ` ~ ${day.endDate}`} (${t('hours.dayCount', { count: spanDays(day) })})`,
    },
    { title: t('hours.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, day) => (
        <ConfirmDeleteButton
          title={t('hours.deleteConfirm', { name: day.name })}
          onDelete={() => remove.mutateAsync(day.id)}
        />
      ),
    },
  ];

  return (
    <Card
      title={t('hours.holidays')}
      extra={
        <Flex gap={8}>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs().year(year)}
            onChange={(value) => value && setYear(value.year())}
            style={{ width: 100 }}
          />
          <Button
            icon={<CloudDownloadOutlined />}
            loading={importDays.isPending}
            data-testid="holiday-import"
            onClick={() =>
              importDays
                .mutateAsync(year)
                .then((r) => message.success(t('hours.imported', { created: r.created, skipped: r.skipped })))
                .catch((e) => showError(e))
            }
          >
            {t('hours.importNational')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="holiday-create"
          >
            {t('common.add')}
          </Button>
        </Flex>
      }
    >
      <Table<CalendarDay>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...days].sort((a, b) => a.startDate.localeCompare(b.startDate))}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="holiday-table"
      />
      <CalendarDayModal open={creating} year={year} onClose={() => setCreating(false)} />
    </Card>
  );
}
