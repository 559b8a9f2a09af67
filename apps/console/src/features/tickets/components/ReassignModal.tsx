import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useUpdateTicket } from '../hooks/useTickets';
import type { Ticket, TicketUpdate } from '../types/ticketTypes';
import { textToHtml } from '../utils/richText';
import { AgentMultiSelect } from './AgentMultiSelect';
import { AgentSelect } from './AgentSelect';
import { GroupSelect } from './GroupSelect';

interface Values {
  groupId: number | null;
  assigneeId: number | null;
  ccAgentIds: number[];
  ccGroupIds: number[];
  note?: string;
}

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * 客服流转 (manual 5.2.3): hand the ticket to another group and/or agent (only 可接单 agents), set
 * who is copied, and optionally say why — the note is kept as an internal note with the change.
 */
export function ReassignModal({
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
  const groupId = Form.useWatch('groupId', form);
  const update = useUpdateTicket();
  const showError = useApiError();

  // Filled when the window opens; a refetch of the ticket meanwhile must not undo the agent's choices.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ticket is read at opening only
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      groupId: ticket.groupId,
      assigneeId: ticket.assigneeId,
      ccAgentIds: ticket.ccAgentIds,
      ccGroupIds: ticket.ccGroupIds,
      note: undefined,
    });
  }, [open, form]);

  const submit = (values: Values) => {
    const body: TicketUpdate = {};
    if ((values.groupId ?? null) !== ticket.groupId) body.groupId = values.groupId ?? null;
    if ((values.assigneeId ?? null) !== ticket.assigneeId) body.assigneeId = values.assigneeId ?? null;
    if (!sameIds(values.ccAgentIds ?? [], ticket.ccAgentIds)) body.ccAgentIds = values.ccAgentIds ?? [];
    if (!sameIds(values.ccGroupIds ?? [], ticket.ccGroupIds)) body.ccGroupIds = values.ccGroupIds ?? [];
    if (values.note?.trim()) body.note = textToHtml(values.note);
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: ticket.id, body },
      {
        onSuccess: () => {
          message.success(t('tickets.reassign.done'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tickets.reassign.title', { number: ticket.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tickets.reassign.submit')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'reassign-submit' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="groupId" label={t('tickets.field.groupId')}>
          <GroupSelect current={ticket.group} testId="reassign-group" />
        </Form.Item>
        <Form.Item
          name="assigneeId"
          label={t('tickets.field.assigneeId')}
          extra={t('tickets.reassign.availableOnly')}
        >
          <AgentSelect groupId={groupId} current={ticket.assignee} testId="reassign-agent" />
        </Form.Item>
        <Form.Item name="ccAgentIds" label={t('tickets.field.ccAgentIds')}>
          <AgentMultiSelect testId="reassign-cc-agents" />
        </Form.Item>
        <Form.Item name="ccGroupIds" label={t('tickets.field.ccGroupIds')}>
          <GroupSelect multiple testId="reassign-cc-groups" />
        </Form.Item>
        <Form.Item name="note" label={t('tickets.reassign.note')} rules={[{ max: 10_000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('tickets.reassign.notePlaceholder')}
            data-testid="reassign-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
