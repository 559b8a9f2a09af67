import { Alert, App, ColorPicker, Form, Input, Modal, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Shift } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCreateShift, useUpdateShift } from '../hooks/useShifts';
import { clockToDayjs, dayjsToClock } from './clockTime';

interface Values {
  name: string;
  start: Dayjs;
  end: Dayjs;
  color: string;
}

const PRESET_COLORS = [
  '#1677ff',
  '#52c41a',
  '#fa8c16',
  '#722ed1',
  '#eb2f96',
  '#13c2c2',
  '#f5222d',
  '#8c8c8c',
];

/** Create or edit a shift; an end not after the start means the shift ends the next day. */
export function ShiftFormModal({
  open,
  shift,
  onClose,
}: {
  open: boolean;
  shift?: Shift;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateShift();
  const update = useUpdateShift();
  const showError = useApiError();
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);
  const overnight = start && end && dayjsToClock(end) <= dayjsToClock(start);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      shift
        ? {
            name: shift.name,
            start: clockToDayjs(shift.start),
            end: clockToDayjs(shift.end),
            color: shift.color ?? '#1677ff',
          }
        : { name: '', start: clockToDayjs('09:00'), end: clockToDayjs('18:00'), color: '#1677ff' },
    );
  }, [open, shift, form]);

  const submit = (v: Values) => {
    const body = {
      name: v.name.trim(),
      start: dayjsToClock(v.start),
      end: dayjsToClock(v.end),
      color: v.color,
    };
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (shift) update.mutate({ id: shift.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <Modal
      title={shift ? t('shifts.edit') : t('shifts.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'shift-form-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('shifts.name')}
          rules={[{ required: true, whitespace: true, max: 32 }]}
        >
          <Input placeholder={t('shifts.namePlaceholder')} data-testid="shift-form-name" />
        </Form.Item>
        <Form.Item name="start" label={t('shifts.start')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" allowClear={false} data-testid="shift-form-start" />
        </Form.Item>
        <Form.Item name="end" label={t('shifts.end')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" allowClear={false} data-testid="shift-form-end" />
        </Form.Item>
        {overnight && (
          <Alert type="info" showIcon title={t('shifts.overnightHint')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="color" label={t('shifts.color')} getValueFromEvent={(_, hex: string) => hex}>
          <ColorPicker
            disabledAlpha
            presets={[{ label: t('shifts.color'), colors: PRESET_COLORS }]}
            showText
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
