import type { TicketWorkflow } from '@yidan/contracts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useMoveTicket } from '../hooks/useWorkflows';

interface Values {
  nodeId?: string;
  note?: string;
}

/** 提交到下一步 (with an optional note) or 退回 to a node the ticket went through. */
export function WorkflowMoveModal({
  ticketId,
  flow,
  mode,
  onClose,
}: {
  ticketId: number;
  flow: TicketWorkflow;
  mode: 'next' | 'back' | null;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveTicket(ticketId);
  const showError = useApiError();
  const back = mode === 'back';

  useEffect(() => {
    if (mode) form.resetFields();
  }, [mode, form]);

  const submit = (v: Values) => {
    const note = v.note?.trim() || undefined;
    move.mutate(back ? { to: 'back', nodeId: v.nodeId!, note } : { to: 'next', note }, {
      onSuccess: (after) => {
        message.success(
          after?.node
            ? t(back ? 'workflows.ticket.returnedTo' : 'workflows.ticket.movedTo', { node: after.node.name })
            : t('workflows.ticket.finished'),
        );
        onClose();
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <Modal
      title={back ? t('workflows.ticket.returnTitle') : t('workflows.ticket.advanceTitle')}
      open={mode !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={back ? t('workflows.ticket.return') : t('workflows.ticket.advance')}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'workflow-move-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {back ? (
          <Form.Item name="nodeId" label={t('workflows.ticket.returnTo')} rules={[{ required: true }]}>
            <Select
              options={flow.returnTargets.map((n) => ({ value: n.nodeId, label: n.name }))}
              data-testid="workflow-return-target"
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">
            {t('workflows.ticket.advanceHelp', { node: flow.node?.name ?? '' })}
          </Typography.Paragraph>
        )}
        <Form.Item name="note" label={t('workflows.ticket.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="workflow-move-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
