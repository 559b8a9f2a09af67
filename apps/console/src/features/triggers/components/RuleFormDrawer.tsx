import { Alert, App, Button, Form, Input, Switch } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/ApiError';
import { describeError, useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { previewAutomation } from '../api/triggersApi';
import { useCreateRule, useRuleCatalogue, useUpdateRule } from '../hooks/useTriggers';
import { RULE_KINDS, type RuleKind } from '../ruleKinds';
import type { Rule } from '../types/triggerTypes';
import { ActionListInput } from './ActionListInput';
import { type RulePreview, RulePreviewModal } from './RulePreviewModal';
import { TriggerConditionsInput } from './TriggerConditionsInput';
import {
  emptyTriggerValues,
  type TriggerFormValues,
  triggerToValues,
  valuesToTriggerBody,
} from './triggerFormValues';

interface Props {
  kind: RuleKind;
  open: boolean;
  /** Absent when creating. */
  rule?: Rule;
  onClose: () => void;
}

/**
 * 新建 / 编辑触发器 (5.1.6.1) or 自动化任务 (5.1.6.2): 标题, 描述, conditions, 执行以下操作. Save
 * errors about the rule as a whole (an automation without a time condition …) show above the form.
 */
export function RuleFormDrawer({ kind, open, rule, onClose }: Props) {
  const { t } = useT();
  const cfg = RULE_KINDS[kind];
  const tid = cfg.testId;
  const { message } = App.useApp();
  const [form] = Form.useForm<TriggerFormValues>();
  const { data: catalogue } = useRuleCatalogue(kind, open);
  const create = useCreateRule(kind);
  const update = useUpdateRule(kind);
  const showError = useApiError();
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [preview, setPreview] = useState<{ loading: boolean; result: RulePreview | null } | null>(null);

  const runPreview = async () => {
    const values = form.getFieldsValue(true) as TriggerFormValues;
    const { conditions } = valuesToTriggerBody(values, catalogue?.actions ?? []);
    setPreview({ loading: true, result: null });
    try {
      setPreview({ loading: false, result: await previewAutomation(conditions) });
    } catch (e) {
      setPreview(null);
      showError(e, form);
    }
  };

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(rule ? triggerToValues(rule) : emptyTriggerValues());
  }, [open, rule, form]);

  useEffect(() => {
    // The problem sits at the top of the body: scroll the body there (scrollIntoView would also
    // move the drawer's own frame and hide its header).
    const body = problemRef.current?.closest('.ant-drawer-body');
    if (problem && body) body.scrollTop = 0;
  }, [problem]);

  const submit = (values: TriggerFormValues) => {
    setProblem(null);
    const body = valuesToTriggerBody(values, catalogue?.actions ?? []);
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => {
        showError(e, form);
        if (isApiError(e) && e.code && cfg.topLevelCodes.includes(e.code)) {
          setProblem(describeError(e, t));
        } else scrollToFirstError(form);
      },
    };
    if (rule) update.mutate({ id: rule.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <FormDrawer
      title={rule ? t(cfg.text.edit) : t(cfg.text.create)}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={820}
      fullScreenBelow="md"
      submitTestId={`${tid}-form-submit`}
      initialValues={emptyTriggerValues()}
    >
      <div ref={problemRef}>
        {problem && (
          <Alert
            type="error"
            showIcon
            title={t('automations.problem')}
            description={problem}
            style={{ marginBottom: 16 }}
            data-testid={`${tid}-form-problem`}
          />
        )}
      </div>
      {kind === 'automations' && (
        <Alert
          type="info"
          showIcon
          title={t('automations.rulesTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              <li>{t('automations.ruleTime')}</li>
              <li>{t('automations.ruleNullify')}</li>
              <li>{t('automations.ruleExample')}</li>
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="automation-form-rules"
        />
      )}
      <Form.Item
        name="title"
        label={t('triggers.title')}
        extra={t(cfg.text.titleHelp)}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid={`${tid}-form-title`} />
      </Form.Item>
      <Form.Item name="description" label={t('triggers.description')} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          data-testid={`${tid}-form-description`}
        />
      </Form.Item>
      <Form.Item name="conditions" extra={t(cfg.text.conditionsHelp)}>
        {/* Only while open: a hidden drawer must not keep a second builder in the page. */}
        <TriggerConditionsInput
          fields={open ? catalogue?.conditions : undefined}
          allowEvents={cfg.allowEvents}
        />
      </Form.Item>
      {kind === 'automations' && (
        <div style={{ marginTop: -12, marginBottom: 16 }}>
          <Button onClick={runPreview} data-testid="automation-form-preview">
            {t('automations.preview')}
          </Button>
          <RulePreviewModal
            open={preview !== null}
            loading={preview?.loading ?? false}
            preview={preview?.result ?? null}
            onClose={() => setPreview(null)}
          />
        </div>
      )}
      <div style={{ marginBottom: 24 }}>
        <ActionListInput catalogue={open ? catalogue?.actions : undefined} />
      </div>
      <Form.Item name="enabled" label={t('triggers.enabled')} valuePropName="checked">
        <Switch data-testid={`${tid}-form-enabled`} />
      </Form.Item>
    </FormDrawer>
  );
}
