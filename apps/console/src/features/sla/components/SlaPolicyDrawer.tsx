import { Alert, App, Button, Form, Input, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { type RulePreview, RulePreviewModal } from '../../triggers/components/RulePreviewModal';
import { TriggerConditionsInput } from '../../triggers/components/TriggerConditionsInput';
import { previewSlaPolicy } from '../api/slaPoliciesApi';
import { useCreateSlaPolicy, useSlaCatalogue, useUpdateSlaPolicy } from '../hooks/useSlaPolicies';
import type { SlaPolicy } from '../types/slaTypes';
import {
  draftMinutes,
  emptySlaValues,
  type SlaFormValues,
  slaToValues,
  valuesToSlaBody,
} from '../utils/slaFormValues';
import { SlaActionsInput } from './SlaActionsInput';
import { SlaTargetsInput } from './SlaTargetsInput';

interface Props {
  open: boolean;
  /** Absent when creating. */
  policy?: SlaPolicy;
  onClose: () => void;
}

const hasTarget = (v: SlaFormValues['targets'] | undefined) =>
  Object.values(v ?? {}).some((row) => Object.values(row ?? {}).some((cell) => draftMinutes(cell) > 0));

/**
 * 新建 / 编辑 SLA 策略 (5.3.3): 标题, 条件 (with 预览 of the open tickets that match), 设置时限 per
 * priority, business or calendar hours, pausing while 待回应, and 执行动作 before / after targets.
 */
export function SlaPolicyDrawer({ open, policy, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SlaFormValues>();
  const { data: catalogue } = useSlaCatalogue(open);
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const showError = useApiError();
  const [preview, setPreview] = useState<{ loading: boolean; result: RulePreview | null } | null>(null);
  const [targetsError, setTargetsError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setTargetsError(null);
    form.resetFields();
    form.setFieldsValue(policy ? slaToValues(policy) : emptySlaValues());
  }, [open, policy, form]);

  const runPreview = async () => {
    const { conditions } = form.getFieldsValue(true) as SlaFormValues;
    setPreview({ loading: true, result: null });
    try {
      const result = await previewSlaPolicy(conditions);
      setPreview({ loading: false, result: { ...result, examined: result.count, truncated: false } });
    } catch (e) {
      setPreview(null);
      showError(e, form);
    }
  };

  const submit = (values: SlaFormValues) => {
    // The targets are many cells; "at least one" belongs to the table as a whole.
    setTargetsError(hasTarget(values.targets) ? null : t('sla.targetsRequired'));
    if (!hasTarget(values.targets)) return;
    const body = valuesToSlaBody(values, catalogue?.actions ?? []);
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
    if (policy) update.mutate({ id: policy.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <FormDrawer
      title={policy ? t('sla.edit') : t('sla.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={860}
      fullScreenBelow="md"
      submitTestId="sla-form-submit"
      initialValues={emptySlaValues()}
    >
      <Form.Item
        name="title"
        label={t('sla.title')}
        extra={t('sla.titleHelp')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="sla-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('sla.description')} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          data-testid="sla-form-description"
        />
      </Form.Item>
      <Form.Item name="conditions" extra={t('sla.conditionsHelp')}>
        {/* Only while open: a hidden drawer must not keep a second builder in the page. */}
        <TriggerConditionsInput fields={open ? catalogue?.conditions : undefined} allowEvents={false} />
      </Form.Item>
      <div style={{ marginTop: -12, marginBottom: 24 }}>
        <Button onClick={runPreview} data-testid="sla-form-preview">
          {t('sla.preview')}
        </Button>
        <RulePreviewModal
          open={preview !== null}
          loading={preview?.loading ?? false}
          preview={preview?.result ?? null}
          onClose={() => setPreview(null)}
        />
      </div>
      <Form.Item
        label={t('sla.targets')}
        required
        extra={targetsError ? undefined : t('sla.targetsHelp')}
        validateStatus={targetsError ? 'error' : undefined}
        help={targetsError ?? undefined}
      >
        <SlaTargetsInput />
      </Form.Item>
      <Form.Item
        name="businessHours"
        label={t('sla.businessHours')}
        extra={t('sla.businessHoursHelp')}
        valuePropName="checked"
      >
        <Switch data-testid="sla-form-business-hours" />
      </Form.Item>
      <Form.Item
        name="pauseOnPending"
        label={t('sla.pauseOnPending')}
        extra={t('sla.pauseOnPendingHelp')}
        valuePropName="checked"
      >
        <Switch data-testid="sla-form-pause" />
      </Form.Item>
      <div style={{ marginBottom: 24 }}>
        <Typography.Text strong>{t('sla.actions')}</Typography.Text>
        <Alert type="info" showIcon title={t('sla.actionsHelp')} style={{ margin: '8px 0 12px' }} />
        <SlaActionsInput catalogue={open ? catalogue?.actions : undefined} />
      </div>
      <Form.Item name="enabled" label={t('sla.enabled')} valuePropName="checked">
        <Switch data-testid="sla-form-enabled" />
      </Form.Item>
    </FormDrawer>
  );
}
