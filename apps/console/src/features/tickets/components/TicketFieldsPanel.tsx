import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '@yidan/contracts';
import { App, Button, DatePicker, Divider, Flex, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { customBody, customFormValues } from '../../customers/components/customFieldValues';
import { MacroPendingFields, pendingAssignmentBody } from '../../macros/components/MacroPendingFields';
import { useMacroContext } from '../../macros/hooks/macroControllerContext';
import { useMacroFormBinding } from '../../macros/hooks/useMacroFormBinding';
import { changedMacroKeys } from '../../macros/utils/ticketMacroValues';
import { useNodeFieldRules } from '../../workflows/hooks/useNodeFieldRules';
import { useTicketWorkflow } from '../../workflows/hooks/useWorkflows';
import { useTicketFieldDefs } from '../hooks/useTicketFieldDefs';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useUpdateTicket } from '../hooks/useTickets';
import { useTicketTemplates } from '../hooks/useTicketTemplates';
import type { Ticket, TicketUpdate } from '../types/ticketTypes';
import type { TicketFieldValues } from '../utils/ticketFormValues';
import { TagsInput } from './TagsInput';
import { TicketAssignment } from './TicketAssignment';
import { TicketCustomFields } from './TicketCustomFields';

interface Props {
  ticket: Ticket;
  editable: boolean;
  onReassign: () => void;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * 工单属性: assignment (with 流转), status, priority, type, template, tags, due time and the
 * template's custom fields. 保存 sends only what changed; every change lands in the timeline.
 */
export function TicketFieldsPanel({ ticket, editable, onReassign }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const labels = useTicketLabels();
  const [form] = Form.useForm<TicketFieldValues>();
  const { data: templates = [] } = useTicketTemplates();
  const templateId = Form.useWatch('templateId', form) ?? ticket.templateId;
  const { defs: templateDefs } = useTicketFieldDefs(templateId);
  // 工单流: the current node hides fields it does not show and locks those it does not let agents edit.
  const rules = useTicketWorkflow(ticket.id).data?.node?.fields;
  const { defs, locked } = useNodeFieldRules(templateDefs, rules);
  const update = useUpdateTicket();
  const showError = useApiError();
  const [dirty, setDirty] = useState(false);
  const defsKey = defs.map((d) => d.key).join(',');
  // 宏: the page's macros fill this form and may hide its fields (nothing is saved until 保存).
  const macros = useMacroContext();
  const hidden = (key: string) => macros?.hidden.has(key) ?? false;

  // Reload when the ticket changes on the server (another agent, a rule) or the fields arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version of the ticket (updatedAt) or new field keys reload the form
  useEffect(() => {
    form.setFieldsValue({
      status: ticket.status,
      priority: ticket.priority,
      type: ticket.type,
      templateId: ticket.templateId,
      tags: ticket.tags,
      dueAt: ticket.dueAt ? dayjs(ticket.dueAt) : null,
      custom: customFormValues(defs, ticket.custom),
      assigneeId: ticket.assigneeId,
      groupId: ticket.groupId,
      ccAgentIds: ticket.ccAgentIds,
    });
    setDirty(false);
  }, [ticket.id, ticket.updatedAt, defsKey, form]);

  /** Saves what changed; true when saved or nothing to save. */
  const persist = (): Promise<boolean> => {
    const values = form.getFieldsValue();
    const body: TicketUpdate = pendingAssignmentBody(values, ticket);
    if (values.status !== ticket.status) body.status = values.status;
    if (values.priority !== ticket.priority) body.priority = values.priority;
    if (values.type !== ticket.type) body.type = values.type;
    if ((values.templateId ?? null) !== ticket.templateId) body.templateId = values.templateId ?? null;
    if (!sameList(values.tags ?? [], ticket.tags)) body.tags = values.tags ?? [];
    const due = values.dueAt ? values.dueAt.toISOString() : null;
    if (due !== (ticket.dueAt ? dayjs(ticket.dueAt).toISOString() : null)) body.dueAt = due;
    const custom = customBody(defs, values.custom, ticket.custom);
    if (Object.keys(custom).length) body.custom = custom;
    if (Object.keys(body).length === 0) {
      setDirty(false);
      return Promise.resolve(true);
    }
    // The version we showed: if someone else saved meanwhile, the server refuses (409) instead of overwriting.
    return update.mutateAsync({ id: ticket.id, body: { ...body, version: ticket.version } }).then(
      () => {
        message.success(t('tickets.saved'));
        return true;
      },
      (e) => {
        showError(e, form);
        return false;
      },
    );
  };
  // 工单提交 macros first: they may fill the form or block the save with their message.
  const save = async () => {
    if (macros && !(await macros.beforeSubmit()).ok) return;
    await persist();
  };
  useMacroFormBinding(macros, {
    form,
    defs,
    formKey: `${ticket.id}:${ticket.updatedAt}:${defsKey}`,
    onApplied: () => setDirty(true),
    save: persist,
  });

  return (
    <Flex vertical gap={4}>
      <TicketAssignment ticket={ticket} editable={editable} onReassign={onReassign} />
      <Divider style={{ margin: '8px 0' }} />
      <Form<TicketFieldValues>
        form={form}
        layout="vertical"
        size="small"
        disabled={!editable}
        onFinish={save}
        onValuesChange={(changed) => {
          setDirty(true);
          macros?.fieldChanged(changedMacroKeys(changed));
        }}
        data-testid="ticket-fields"
      >
        <Flex gap={8}>
          <Form.Item
            name="status"
            label={t('tickets.field.status')}
            hidden={hidden('ticket.status')}
            style={{ flex: 1 }}
          >
            <Select
              options={TICKET_STATUSES.map((v) => ({ value: v, label: labels.status(v) }))}
              data-testid="ticket-field-status"
            />
          </Form.Item>
          <Form.Item
            name="priority"
            label={t('tickets.field.priority')}
            hidden={hidden('ticket.priority')}
            style={{ flex: 1 }}
          >
            <Select
              options={TICKET_PRIORITIES.map((v) => ({ value: v, label: labels.priority(v) }))}
              data-testid="ticket-field-priority"
            />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item
            name="type"
            label={t('tickets.field.type')}
            hidden={hidden('ticket.type')}
            style={{ flex: 1 }}
          >
            <Select options={TICKET_TYPES.map((v) => ({ value: v, label: labels.type(v) }))} />
          </Form.Item>
          {templates.length > 0 && (
            <Form.Item
              name="templateId"
              label={t('tickets.field.templateId')}
              hidden={hidden('ticket.templateId')}
              style={{ flex: 1 }}
            >
              <Select allowClear options={templates.map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="tags" label={t('tickets.field.tags')} hidden={hidden('ticket.tags')}>
          <TagsInput testId="ticket-field-tags" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('tickets.field.dueAt')} hidden={hidden('ticket.dueAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <TicketCustomFields defs={defs.filter((d) => !hidden(`ticket.custom.${d.key}`))} locked={locked} />
        <MacroPendingFields ticket={ticket} />
        {editable && (
          <Button
            type="primary"
            htmlType="submit"
            block
            disabled={!dirty}
            loading={update.isPending}
            data-testid="ticket-fields-save"
          >
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Flex>
  );
}
