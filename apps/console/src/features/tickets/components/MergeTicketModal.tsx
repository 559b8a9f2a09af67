import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useMergeTicket, useTicketList } from '../hooks/useTickets';
import type { Ticket } from '../types/ticketTypes';
import { textToHtml } from '../utils/richText';

interface Values {
  targetId: number;
  note?: string;
}

/**
 * 工单合并 (manual 5.2.3): this ticket goes into another open ticket of the same customer; it is
 * closed and both timelines say who merged what and when.
 */
export function MergeTicketModal({
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
  const navigate = useNavigate();
  const labels = useTicketLabels();
  const [form] = Form.useForm<Values>();
  const merge = useMergeTicket();
  const showError = useApiError();
  const customer = ticket.contactId
    ? { contactId: ticket.contactId }
    : { companyId: ticket.companyId ?? undefined };
  const hasCustomer = Boolean(ticket.contactId || ticket.companyId);
  const { data, isLoading } = useTicketList(customer, open && hasCustomer);
  const candidates = (data?.pages.flatMap((p) => p.items) ?? []).filter(
    (x) => x.id !== ticket.id && x.mergedIntoId === null && x.status !== 'closed',
  );

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (values: Values) =>
    merge.mutate(
      {
        id: ticket.id,
        body: { targetId: values.targetId, note: values.note?.trim() ? textToHtml(values.note) : undefined },
      },
      {
        onSuccess: () => {
          message.success(t('tickets.merge.done'));
          onClose();
          navigate(`/tickets/${values.targetId}`);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('tickets.merge.title', { number: ticket.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tickets.merge.submit')}
      okButtonProps={{
        loading: merge.isPending,
        disabled: !candidates.length,
        'data-testid': 'merge-submit',
      }}
      forceRender
    >
      {!hasCustomer ? (
        <Alert type="info" showIcon title={t('tickets.merge.noCustomer')} />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Alert type="warning" showIcon title={t('tickets.merge.hint')} style={{ marginBottom: 16 }} />
          <Form.Item name="targetId" label={t('tickets.merge.target')} rules={[{ required: true }]}>
            <Select
              loading={isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={t('tickets.merge.none')}
              options={candidates.map((x) => ({
                value: x.id,
                label: `#${x.number} ${x.subject}（${labels.status(x.status)}）`,
              }))}
              data-testid="merge-target"
            />
          </Form.Item>
          <Form.Item name="note" label={t('tickets.merge.note')} rules={[{ max: 10_000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
