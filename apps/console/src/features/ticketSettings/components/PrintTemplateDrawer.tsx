import { App, Button, Col, Flex, Form, Input, Row, Switch, Tabs } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import {
  useCreatePrintTemplate,
  usePrintPlaceholders,
  useUpdatePrintTemplate,
} from '../hooks/usePrintTemplates';
import type { PrintTemplate } from '../types/ticketSettingsTypes';
import { markNameTaken } from './markNameTaken';
import { PlaceholderList } from './PlaceholderList';
import { PrintPreview } from './PrintPreview';

interface Values {
  name: string;
  isDefault: boolean;
  body: string;
}

interface Props {
  open: boolean;
  /** Absent when creating. */
  template?: PrintTemplate;
  onClose: () => void;
}

/** 打印模板 editor (manual 5.2.20): Liquid HTML with a placeholder list and a preview on a real ticket. */
export function PrintTemplateDrawer({ open, template, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editor = useRef<TextAreaRef>(null);
  const [tab, setTab] = useState('edit');
  // A new template gets an id on its first save; the preview needs one.
  const [savedId, setSavedId] = useState<number>();
  const placeholders = usePrintPlaceholders(open);
  const create = useCreatePrintTemplate();
  const update = useUpdatePrintTemplate();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      template
        ? { name: template.name, isDefault: template.isDefault, body: template.body }
        : { name: '', isDefault: false, body: '' },
    );
    setSavedId(template?.id);
    setTab('edit');
  }, [open, template, form]);

  // A new template starts from the built-in layout once the server has sent it.
  const defaultBody = placeholders.data?.defaultBody;
  useEffect(() => {
    if (open && !template && defaultBody && !form.getFieldValue('body'))
      form.setFieldValue('body', defaultBody);
  }, [open, template, defaultBody, form]);

  /** Puts the placeholder where the cursor is (or replaces the selection) and keeps typing there. */
  const insert = (text: string) => {
    const el = editor.current?.resizableTextArea?.textArea;
    const body: string = form.getFieldValue('body') ?? '';
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    form.setFieldValue('body', body.slice(0, start) + text + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const save = (values: Values, thenPreview = false) => {
    const body = { name: values.name.trim(), isDefault: values.isDefault, body: values.body };
    const onError = (e: unknown) => {
      setTab('edit');
      showError(e, form);
      markNameTaken(form, e);
      scrollToFirstError(form);
    };
    const done = (saved: PrintTemplate) => {
      message.success(t('common.saved'));
      setSavedId(saved.id);
      if (thenPreview) setTab('preview');
      else onClose();
    };
    if (savedId) update.mutate({ id: savedId, body }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  const editPane = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={17}>
        <Form.Item
          name="body"
          label={t('ticketSettings.print.body')}
          rules={[{ required: true, message: t('ticketSettings.print.bodyRequired') }, { max: 200_000 }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            ref={editor}
            spellCheck={false}
            autoSize={{ minRows: 18, maxRows: 40 }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
            data-testid="print-form-body"
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={7}>
        <PlaceholderList
          placeholders={placeholders.data?.items ?? []}
          loading={placeholders.isLoading}
          onInsert={insert}
        />
      </Col>
    </Row>
  );

  return (
    <FormDrawer
      title={template ? t('ticketSettings.print.edit') : t('ticketSettings.print.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={(v) => save(v)}
      saving={create.isPending || update.isPending}
      width={1100}
      fullScreenBelow="lg"
      submitTestId="print-form-submit"
      extraActions={
        <Button
          loading={create.isPending || update.isPending}
          onClick={() =>
            form.validateFields().then(
              (v) => save(v, true),
              () => scrollToFirstError(form),
            )
          }
          data-testid="print-form-save-preview"
        >
          {t('ticketSettings.print.saveAndPreview')}
        </Button>
      }
    >
      <Flex gap={16} wrap align="end">
        <Form.Item
          name="name"
          label={t('ticketSettings.print.name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
        >
          <Input maxLength={50} data-testid="print-form-name" />
        </Form.Item>
        <Form.Item
          name="isDefault"
          label={t('ticketSettings.print.default')}
          valuePropName="checked"
          tooltip={t('ticketSettings.print.defaultHelp')}
        >
          <Switch data-testid="print-form-default" />
        </Form.Item>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'edit', label: t('ticketSettings.print.editTab'), children: editPane, forceRender: true },
          {
            key: 'preview',
            label: t('ticketSettings.print.preview'),
            children: <PrintPreview templateId={savedId} />,
          },
        ]}
      />
    </FormDrawer>
  );
}
