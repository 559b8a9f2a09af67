import { TICKET_PRIORITIES, TICKET_TYPES } from '@yidan/contracts';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { CompanySelect } from '../../customers/components/CompanySelect';
import { customBody } from '../../customers/components/customFieldValues';
import { MacroBar } from '../../macros/components/MacroBar';
import { useMacroController } from '../../macros/hooks/useMacroController';
import { useMacroFormBinding } from '../../macros/hooks/useMacroFormBinding';
import { changedMacroKeys } from '../../macros/utils/ticketMacroValues';
import { useTicketFieldDefs } from '../hooks/useTicketFieldDefs';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useCreateTicket } from '../hooks/useTickets';
import { useTicketTemplates } from '../hooks/useTicketTemplates';
import type { Ticket } from '../types/ticketTypes';
import { textToHtml } from '../utils/richText';
import type { TicketCreateValues, TicketPrefill } from '../utils/ticketFormValues';
import { AgentSelect } from './AgentSelect';
import { AttachmentUpload } from './AttachmentUpload';
import { ContactSelect } from './ContactSelect';
import { GroupSelect } from './GroupSelect';
import { OpenTicketsHint } from './OpenTicketsHint';
import { TagsInput } from './TagsInput';
import { TicketCustomFields } from './TicketCustomFields';

interface Props {
  open: boolean;
  onClose: () => void;
  prefill?: TicketPrefill;
}

/**
 * 创建工单 (manual 5.2.2): customer, subject, description, template and its fields, handling and
 * attachments. Once a customer is chosen, their unresolved tickets are offered first.
 */
export function CreateTicketDrawer({ open, onClose, prefill }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useTicketLabels();
  const [form] = Form.useForm<TicketCreateValues>();
  const { data: templates = [] } = useTicketTemplates();
  const contactId = Form.useWatch('contactId', form);
  const companyId = Form.useWatch('companyId', form);
  const templateId = Form.useWatch('templateId', form);
  const groupId = Form.useWatch('groupId', form);
  const { defs } = useTicketFieldDefs(templateId);
  const create = useCreateTicket();
  const showError = useApiError();
  // 宏 (5.1.6.3): the form's macros; their reply text goes to the description (the first message).
  const macros = useMacroController({ templateId, active: open });
  const [opened, setOpened] = useState(0);
  const hidden = (key: string) => macros.hidden.has(key);
  useMacroFormBinding(macros, {
    form,
    defs,
    formKey: `${opened}:${templateId ?? ''}:${defs.map((d) => d.key).join(',')}`,
  });
  useEffect(() => {
    macros.bindReply({
      get: () => ({ text: form.getFieldValue('description') ?? '', public: true }),
      set: (reply) => form.setFieldValue('description', reply.text),
    });
    return () => macros.bindReply(null);
  });

  const prefillContact = prefill?.contactId ?? null;
  const prefillCompany = prefill?.companyId ?? null;
  const defaultTemplate = templates.find((x) => x.isDefault)?.id ?? null;
  // A fresh form each time the drawer opens (not when the page behind it re-renders).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ type: 'question', priority: 'normal' });
    setOpened((n) => n + 1);
  }, [open, form]);
  // The customer and the default template may arrive after opening: they fill untouched fields only.
  useEffect(() => {
    if (!open) return;
    const fill: Partial<TicketCreateValues> = {};
    if (prefillContact && !form.isFieldTouched('contactId')) fill.contactId = prefillContact;
    if (prefillCompany && !form.isFieldTouched('companyId')) fill.companyId = prefillCompany;
    if (defaultTemplate && !form.isFieldTouched('templateId')) fill.templateId = defaultTemplate;
    form.setFieldsValue(fill);
  }, [open, prefillContact, prefillCompany, defaultTemplate, form]);

  const openExisting = (ticket: Ticket) => {
    onClose();
    navigate(`/tickets/${ticket.id}`);
  };

  const submit = async () => {
    // 工单提交 macros first: they may fill the form or block the creation with their message.
    if (!(await macros.beforeSubmit()).ok) return;
    const values = form.getFieldsValue();
    create.mutate(
      {
        subject: values.subject,
        description: values.description?.trim() ? textToHtml(values.description) : undefined,
        contactId: values.contactId ?? undefined,
        companyId: values.companyId ?? undefined,
        templateId: values.templateId ?? undefined,
        type: values.type,
        priority: values.priority,
        assigneeId: values.assigneeId ?? undefined,
        groupId: values.groupId ?? undefined,
        tags: values.tags?.length ? values.tags : undefined,
        ccAgentIds: values.ccAgentIds?.length ? values.ccAgentIds : undefined,
        dueAt: values.dueAt ? values.dueAt.toISOString() : undefined,
        custom: customBody(defs, values.custom),
        attachments: values.attachments?.length ? values.attachments : undefined,
      },
      {
        onSuccess: (ticket) => {
          message.success(t('tickets.created', { number: ticket.number }));
          onClose();
          navigate(`/tickets/${ticket.id}`);
        },
        onError: (e) => {
          showError(e, form);
          scrollToFirstError(form);
        },
      },
    );
  };

  return (
    <FormDrawer<TicketCreateValues>
      title={t('tickets.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending}
      width={600}
      submitTestId="ticket-form-submit"
      submitText={t('tickets.createSubmit')}
      formTestId="ticket-form"
      onValuesChange={(changed) => macros.fieldChanged(changedMacroKeys(changed))}
    >
      <div style={{ marginBottom: macros.manual.length ? 16 : 0 }}>
        <MacroBar macros={macros} />
      </div>
      <Row gutter={12}>
        <Col xs={24} sm={12} hidden={hidden('ticket.contactId')}>
          <Form.Item name="contactId" label={t('tickets.field.contactId')}>
            <ContactSelect currentName={prefill?.contactName} testId="ticket-form-contact" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} hidden={hidden('ticket.companyId')}>
          <Form.Item
            name="companyId"
            label={t('tickets.field.companyId')}
            extra={contactId && !companyId ? t('tickets.companyFromContact') : undefined}
          >
            <CompanySelect currentName={prefill?.companyName} testId="ticket-form-company" />
          </Form.Item>
        </Col>
      </Row>
      <OpenTicketsHint contactId={contactId} companyId={companyId} onOpen={openExisting} />
      <Form.Item
        name="subject"
        label={t('tickets.field.subject')}
        rules={[{ required: true, whitespace: true }, { max: 200 }]}
        hidden={hidden('ticket.subject')}
      >
        <Input data-testid="ticket-form-subject" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('tickets.field.description')}
        hidden={hidden('ticket.description')}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="ticket-form-description" />
      </Form.Item>
      <Form.Item name="attachments" noStyle>
        <AttachmentUpload testId="ticket-form-attachments" />
      </Form.Item>
      <Row gutter={12} style={{ marginTop: 16 }}>
        {templates.length > 0 && (
          <Col xs={24} sm={12} hidden={hidden('ticket.templateId')}>
            <Form.Item name="templateId" label={t('tickets.field.templateId')}>
              <Select
                allowClear
                options={templates.map((x) => ({ value: x.id, label: x.name }))}
                data-testid="ticket-form-template"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} sm={6} hidden={hidden('ticket.type')}>
          <Form.Item name="type" label={t('tickets.field.type')}>
            <Select options={TICKET_TYPES.map((v) => ({ value: v, label: labels.type(v) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} hidden={hidden('ticket.priority')}>
          <Form.Item name="priority" label={t('tickets.field.priority')}>
            <Select
              options={TICKET_PRIORITIES.map((v) => ({ value: v, label: labels.priority(v) }))}
              data-testid="ticket-form-priority"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} hidden={hidden('ticket.groupId')}>
          <Form.Item name="groupId" label={t('tickets.field.groupId')}>
            <GroupSelect />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} hidden={hidden('ticket.assigneeId')}>
          <Form.Item name="assigneeId" label={t('tickets.field.assigneeId')}>
            <AgentSelect groupId={groupId} testId="ticket-form-assignee" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} hidden={hidden('ticket.tags')}>
          <Form.Item name="tags" label={t('tickets.field.tags')}>
            <TagsInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} hidden={hidden('ticket.dueAt')}>
          <Form.Item name="dueAt" label={t('tickets.field.dueAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {/* Macros may add CC agents (抄送); the form has no control of its own for them. */}
      <Form.Item name="ccAgentIds" hidden>
        <Select mode="multiple" />
      </Form.Item>
      <TicketCustomFields defs={defs.filter((d) => !hidden(`ticket.custom.${d.key}`))} />
    </FormDrawer>
  );
}
