import { RECORD_CHANNELS } from '@yidan/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAddTicketRecord } from '../hooks/useTickets';
import type { RecordChannel, Ticket } from '../types/ticketTypes';

interface Values {
  channel: RecordChannel;
  period?: [Dayjs, Dayjs];
  summary: string;
}

/** 记录服务: a call, visit or remote session handled outside Yidan, attached to the ticket's timeline. */
export function ServiceRecordModal({
  ticket,
  open,
  onClose,
}: {
  ticket: Ticket;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddTicketRecord();
  const showError = useApiError();

  useEffect(() => {
    if (open) form.setFieldsValue({ channel: 'call', summary: '', period: undefined });
  }, [open, form]);

  const submit = (v: Values) =>
    add.mutate(
      {
        id: ticket.id,
        body: {
          channel: v.channel,
          summary: v.summary.trim(),
          ...(v.period ? { startedAt: v.period[0].toISOString(), endedAt: v.period[1].toISOString() } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success(t('tickets.record.done'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      title={t('tickets.record.title', { number: ticket.number })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'record-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="channel" label={t('tickets.record.channel')} rules={[{ required: true }]}>
          <Select
            options={RECORD_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
            data-testid="record-channel"
          />
        </Form.Item>
        <Form.Item name="period" label={t('tickets.record.period')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="summary" label={t('tickets.record.summary')} rules={[{ max: 10_000 }]}>
          <Input.TextArea
            rows={4}
            placeholder={t('tickets.record.summaryHint')}
            data-testid="record-summary"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
