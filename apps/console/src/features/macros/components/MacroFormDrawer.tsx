import { MACRO_MODES, type MacroMode } from '@yidan/contracts';
import { Alert, App, Divider, Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { VisibilityFields } from '../../ticketSettings/components/VisibilityFields';
import { pickLabel } from '../../triggers/components/actionOptions';
import { TriggerConditionsInput } from '../../triggers/components/TriggerConditionsInput';
import { useCreateMacro, useMacroCatalogue, useUpdateMacro } from '../hooks/useMacros';
import type { Macro } from '../types/macroTypes';
import {
  emptyMacroValues,
  type MacroFormValues,
  macroToValues,
  valuesToMacroBody,
} from '../utils/macroDrafts';
import { MacroActionList } from './MacroActionList';

const SCOPES = ['me', 'all', 'groups', 'agents'] as const;

interface Props {
  open: boolean;
  /** Absent when creating. */
  macro?: Macro;
  /** The mode a new macro starts with (the list's filter). */
  defaultMode?: MacroMode;
  onClose: () => void;
}

/**
 * 新建 / 编辑宏 (manual 5.1.6.3): 标题, 描述, 执行时机 (and the watched fields of 字段值改变), the
 * conditions, 进行这些操作 and 否则进行这些操作, 适用模板 and 可用于.
 */
export function MacroFormDrawer({ open, macro, defaultMode = 'manual', onClose }: Props) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<MacroFormValues>();
  const { data: catalogue } = useMacroCatalogue(open);
  const create = useCreateMacro();
  const update = useUpdateMacro();
  const showError = useApiError();
  const mode = (Form.useWatch('mode', form) ?? 'manual') as MacroMode;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(macro ? macroToValues(macro) : emptyMacroValues(defaultMode));
  }, [open, macro, defaultMode, form]);

  const submit = (values: MacroFormValues) => {
    const body = valuesToMacroBody(values, catalogue?.actions ?? []);
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => {
        showError(e, form);
        scrollToFirstError(form);
      },
    };
    if (macro) update.mutate({ id: macro.id, body }, options);
    else create.mutate(body, options);
  };

  const formFields = (catalogue?.formFields ?? []).map((f) => ({
    value: f.key,
    label: pickLabel(f.label, lang),
  }));
  const templates = (catalogue?.conditions.find((c) => c.key === 'ticket.templateId')?.options ?? []).map(
    (o) => ({
      value: Number(o.value),
      label: pickLabel(o.label, lang),
    }),
  );
  // Only while open: a hidden drawer must not keep builders in the page.
  const actions = open ? catalogue?.actions : undefined;

  return (
    <FormDrawer
      title={macro ? t('macros.edit') : t('macros.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={860}
      fullScreenBelow="md"
      submitTestId="macro-form-submit"
      initialValues={emptyMacroValues(defaultMode)}
    >
      <Form.Item
        name="title"
        label={t('triggers.title')}
        extra={t('macros.titleHelp')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="macro-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('triggers.description')} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          data-testid="macro-form-description"
        />
      </Form.Item>
      <Form.Item name="mode" label={t('macros.mode')} extra={t(`macros.modeHelp.${mode}`)}>
        <Select
          options={MACRO_MODES.map((m) => ({ value: m, label: t(`macros.modes.${m}`) }))}
          style={{ maxWidth: 320 }}
          data-testid="macro-form-mode"
        />
      </Form.Item>
      {mode === 'change' && (
        <Form.Item
          name="watchFields"
          label={t('macros.watchFields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('macros.watchFieldsRequired') }]}
        >
          <Select
            mode="multiple"
            options={formFields}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('macros.value.fields')}
            data-testid="macro-form-watch"
          />
        </Form.Item>
      )}
      {mode === 'submit' && (
        <Alert type="info" showIcon title={t('macros.submitHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="conditions" extra={t('macros.conditionsHelp')}>
        <TriggerConditionsInput fields={open ? catalogue?.conditions : undefined} allowEvents={false} />
      </Form.Item>
      <div style={{ marginBottom: 24 }}>
        <MacroActionList list="actions" catalogue={actions} mode={mode} title={t('macros.actions')} />
      </div>
      <div style={{ marginBottom: 24 }}>
        <MacroActionList
          list="elseActions"
          catalogue={actions}
          mode={mode}
          title={t('macros.elseActions')}
          extra={t('macros.elseHelp')}
        />
      </div>
      <Divider titlePlacement="start" plain>
        {t('macros.scope')}
      </Divider>
      <Form.Item name="templateIds" label={t('macros.templates')} extra={t('macros.templatesHelp')}>
        <Select
          mode="multiple"
          allowClear
          options={templates}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('macros.allTemplates')}
          data-testid="macro-form-templates"
        />
      </Form.Item>
      <VisibilityFields scopes={SCOPES} testId="macro-form-visibility" />
      <Form.Item name="enabled" label={t('triggers.enabled')} valuePropName="checked">
        <Switch data-testid="macro-form-enabled" />
      </Form.Item>
    </FormDrawer>
  );
}
