import { TICKET_PRIORITIES, TICKET_STATUSES } from '@yidan/contracts';
import { Alert, Button, Form, Input, Modal, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useBatchUpdateTickets } from '../hooks/useTickets';
import type {
  Ticket,
  TicketBatchItem,
  TicketBatchUpdate,
  TicketPriority,
  TicketStatus,
} from '../types/ticketTypes';
import { textToHtml } from '../utils/richText';
import { AgentSelect } from './AgentSelect';
import { BatchResultTable } from './BatchResultTable';
import { GroupSelect } from './GroupSelect';
import { TagsInput } from './TagsInput';

interface Values {
  status?: TicketStatus;
  priority?: TicketPriority;
  groupId?: number | null;
  assigneeId?: number | null;
  tags?: string[];
  reply?: string;
  replyMode: 'public' | 'internal';
}

/** The contract's limit for one batch. */
const MAX_BATCH = 100;

/**
 * 批量编辑 (manual 5.2.3): set status, priority, group, agent or tags of the checked tickets and
 * optionally add one reply to each; every ticket is its own change, so results are per ticket.
 */
export function BatchEditModal({
  open,
  tickets,
  onClose,
  onDone,
}: {
  open: boolean;
  tickets: Ticket[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useT();
  const labels = useTicketLabels();
  const [form] = Form.useForm<Values>();
  const groupId = Form.useWatch('groupId', form);
  const batch = useBatchUpdateTickets();
  const showError = useApiError();
  const [results, setResults] = useState<TicketBatchItem[] | null>(null);
  const [nothing, setNothing] = useState(false);

  // The checked tickets as they were when the window opened (the list clears its checks once done).
  const [batchTickets, setBatchTickets] = useState<Ticket[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the checked tickets are read at opening only
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setResults(null);
    setNothing(false);
    setBatchTickets(tickets);
  }, [open, form]);

  const submit = (values: Values) => {
    const changes: TicketBatchUpdate['changes'] = {};
    if (values.status) changes.status = values.status;
    if (values.priority) changes.priority = values.priority;
    if (values.groupId) changes.groupId = values.groupId;
    if (values.assigneeId) changes.assigneeId = values.assigneeId;
    if (values.tags?.length) changes.tags = values.tags;
    const comment = values.reply?.trim()
      ? { body: textToHtml(values.reply), public: values.replyMode === 'public' }
      : undefined;
    if (Object.keys(changes).length === 0 && !comment) {
      setNothing(true);
      return;
    }
    batch.mutate(
      { ids: batchTickets.slice(0, MAX_BATCH).map((x) => x.id), changes, comment },
      {
        onSuccess: (items) => {
          setResults(items);
          onDone();
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tickets.batch.title', { count: batchTickets.length })}
      onCancel={onClose}
      width={600}
      forceRender
      footer={
        results
          ? [
              <Button key="close" type="primary" onClick={onClose} data-testid="batch-close">
                {t('tickets.batch.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                loading={batch.isPending}
                onClick={() => form.submit()}
                data-testid="batch-submit"
              >
                {t('tickets.batch.submit')}
              </Button>,
            ]
      }
    >
      {results && <BatchResultTable items={results} tickets={batchTickets} />}
      {/* Kept mounted under the results so the form instance stays connected. */}
      <div style={{ display: results ? 'none' : undefined }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => setNothing(false)}
          initialValues={{ replyMode: 'public' }}
        >
          {batchTickets.length > MAX_BATCH && (
            <Alert
              type="warning"
              showIcon
              title={t('tickets.batch.tooMany', { max: MAX_BATCH })}
              style={{ marginBottom: 12 }}
            />
          )}
          {nothing && (
            <Alert type="info" showIcon title={t('tickets.batch.nothing')} style={{ marginBottom: 12 }} />
          )}
          <Form.Item name="status" label={t('tickets.field.status')}>
            <Select
              allowClear
              placeholder={t('tickets.batch.keep')}
              options={TICKET_STATUSES.map((v) => ({ value: v, label: labels.status(v) }))}
              data-testid="batch-status"
            />
          </Form.Item>
          <Form.Item name="priority" label={t('tickets.field.priority')}>
            <Select
              allowClear
              placeholder={t('tickets.batch.keep')}
              options={TICKET_PRIORITIES.map((v) => ({ value: v, label: labels.priority(v) }))}
              data-testid="batch-priority"
            />
          </Form.Item>
          <Form.Item name="groupId" label={t('tickets.field.groupId')}>
            <GroupSelect placeholder={t('tickets.batch.keep')} />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('tickets.field.assigneeId')}>
            <AgentSelect groupId={groupId} placeholder={t('tickets.batch.keep')} testId="batch-assignee" />
          </Form.Item>
          <Form.Item name="tags" label={t('tickets.field.tags')} extra={t('tickets.batch.tagsHint')}>
            <TagsInput placeholder={t('tickets.batch.keep')} />
          </Form.Item>
          <Form.Item name="replyMode" label={t('tickets.batch.reply')} style={{ marginBottom: 8 }}>
            <Segmented
              options={[
                { value: 'public', label: t('tickets.reply.public') },
                { value: 'internal', label: t('tickets.reply.internal') },
              ]}
            />
          </Form.Item>
          <Form.Item name="reply" rules={[{ max: 100_000 }]}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('tickets.batch.replyPlaceholder')}
              data-testid="batch-reply"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
