import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TICKET_PRIORITIES } from '@yidan/contracts';
import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useSplitTicket } from '../hooks/useTickets';
import type { Ticket, TicketPriority } from '../types/ticketTypes';
import { AgentSelect } from './AgentSelect';

interface Child {
  subject: string;
  priority: TicketPriority;
  assigneeId?: number | null;
}

const MAX_CHILDREN = 15;

/** 拆单 (manual 5.2.21): 1–15 child tickets of the same customer, each with its subject and handler. */
export function SplitTicketModal({
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
  const labels = useTicketLabels();
  const [form] = Form.useForm<{ children: Child[] }>();
  const split = useSplitTicket();
  const showError = useApiError();

  // One empty child when the window opens; later refetches of the ticket keep what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the priority is read at opening only
  useEffect(() => {
    if (open) form.setFieldsValue({ children: [{ subject: '', priority: ticket.priority }] });
  }, [open, form]);

  const submit = ({ children }: { children: Child[] }) =>
    split.mutate(
      {
        id: ticket.id,
        body: {
          children: children.map((c) => ({
            subject: c.subject.trim(),
            priority: c.priority,
            assigneeId: c.assigneeId ?? undefined,
          })),
        },
      },
      {
        onSuccess: () => {
          message.success(t('tickets.split.done', { count: children.length }));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('tickets.split.title', { number: ticket.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tickets.split.submit')}
      okButtonProps={{ loading: split.isPending, 'data-testid': 'split-submit' }}
      width={640}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('tickets.split.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.List name="children">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'subject']}
                    rules={[
                      { required: true, whitespace: true, message: t('tickets.split.subjectRequired') },
                      { max: 200 },
                    ]}
                    style={{ flex: '2 1 200px', marginBottom: 0 }}
                  >
                    <Input
                      placeholder={t('tickets.split.subject', { index: index + 1 })}
                      data-testid={`split-subject-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'priority']} style={{ flex: '0 0 90px', marginBottom: 0 }}>
                    <Select
                      options={TICKET_PRIORITIES.map((v) => ({ value: v, label: labels.priority(v) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'assigneeId']} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <AgentSelect />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_CHILDREN}
                onClick={() => add({ subject: '', priority: ticket.priority })}
                data-testid="split-add"
              >
                {t('tickets.split.add', { max: MAX_CHILDREN })}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
