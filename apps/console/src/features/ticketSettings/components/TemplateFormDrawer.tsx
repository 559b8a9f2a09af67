import { App, Divider, Flex, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { useFields } from '../../customers/hooks/useFields';
import { useCreateTicketTemplate, useUpdateTicketTemplate } from '../hooks/useTicketTemplates';
import type { TicketTemplate } from '../types/ticketSettingsTypes';
import { markNameTaken } from './markNameTaken';
import { TemplateFieldsEditor } from './TemplateFieldsEditor';
import { TemplateSectionsEditor } from './TemplateSectionsEditor';
import {
  emptyTemplateValues,
  type TemplateFormValues,
  templateToValues,
  valuesToTemplateBody,
} from './templateFormValues';
import { VisibilityFields } from './VisibilityFields';

const TEMPLATE_SCOPES = ['me', 'all', 'groups', 'agents'] as const;

interface Props {
  open: boolean;
  /** Absent when creating. */
  template?: TicketTemplate;
  onClose: () => void;
}

/** 新建 / 编辑工单模板 (manual 5.1.2): name, description, 可见范围, and the fields with their 分组. */
export function TemplateFormDrawer({ open, template, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const { data: fields = [] } = useFields('ticket');
  const create = useCreateTicketTemplate();
  const update = useUpdateTicketTemplate();
  const showError = useApiError();
  const customFields = fields.filter((f) => !f.system);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(template ? templateToValues(template) : emptyTemplateValues());
  }, [open, template, form]);

  const submit = (values: TemplateFormValues) => {
    const body = valuesToTemplateBody(values);
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => {
        showError(e, form);
        markNameTaken(form, e);
        scrollToFirstError(form);
      },
    };
    if (template) update.mutate({ id: template.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <FormDrawer
      title={template ? t('ticketSettings.template.edit') : t('ticketSettings.template.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={720}
      fullScreenBelow="md"
      submitTestId="template-form-submit"
      initialValues={emptyTemplateValues()}
    >
      <Form.Item
        name="name"
        label={t('ticketSettings.template.name')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="template-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('ticketSettings.template.description')} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          data-testid="template-form-description"
        />
      </Form.Item>
      <VisibilityFields scopes={TEMPLATE_SCOPES} testId="template-visibility" />
      <Flex gap={32} wrap>
        <Form.Item name="enabled" label={t('ticketSettings.enabled')} valuePropName="checked">
          <Switch data-testid="template-form-enabled" />
        </Form.Item>
        <Form.Item
          name="isDefault"
          label={t('ticketSettings.template.default')}
          valuePropName="checked"
          tooltip={t('ticketSettings.template.defaultHelp')}
        >
          <Switch data-testid="template-form-default" />
        </Form.Item>
      </Flex>
      <Divider titlePlacement="start" plain>
        {t('ticketSettings.template.sections')}
      </Divider>
      <Form.Item extra={t('ticketSettings.template.sectionsHelp')}>
        <TemplateSectionsEditor />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('ticketSettings.template.fields')}
      </Divider>
      <Form.Item extra={t('ticketSettings.template.fieldsHelp')}>
        <TemplateFieldsEditor defs={customFields} />
      </Form.Item>
    </FormDrawer>
  );
}
