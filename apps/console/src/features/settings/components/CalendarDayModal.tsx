import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { CalendarDay } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCreateCalendarDay } from '../hooks/useCalendarDays';

interface Values {
  kind: CalendarDay['kind'];
  name: string;
  description?: string;
  dates: [Dayjs, Dayjs];
}

export function CalendarDayModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCalendarDay();
  const showError = useApiError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ kind, name, description, dates }: Values) =>
    create.mutate(
      {
        kind,
        name: name.trim(),
        description: description?.trim() || undefined,
        startDate: dates[0].format('YYYY-MM-DD'),
        endDate: dates[1].format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        // The body's startDate/endDate are both edited by the one range picker.
        onError: (e) => showError(e, form, { startDate: 'dates', endDate: 'dates' }),
      },
    );

  return (
    <Modal
      title={t('hours.addDay')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'holiday-form-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'holiday' }}>
        <Form.Item name="kind" label={t('hours.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('hours.kind.holiday') },
              { value: 'workday', label: t('hours.kind.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('hours.dayName')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input placeholder={t('hours.dayNamePlaceholder')} data-testid="holiday-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('hours.description')} rules={[{ max: 200 }]}>
          <Input data-testid="holiday-form-description" />
        </Form.Item>
        <Form.Item name="dates" label={t('hours.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            defaultPickerValue={[dayjs().year(year), dayjs().year(year)]}
            data-testid="holiday-form-dates"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
