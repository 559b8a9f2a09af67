import { App, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { useCreateTrigger, useTriggerCatalogue, useUpdateTrigger } from '../hooks/useTriggers';
import type { Trigger } from '../types/triggerTypes';
import { ActionListInput } from './ActionListInput';
import { TriggerConditionsInput } from './TriggerConditionsInput';
import {
  emptyTriggerValues,
  type TriggerFormValues,
  triggerToValues,
  valuesToTriggerBody,
} from './triggerFormValues';

interface Props {
  open: boolean;
  /** Absent when creating. */
  trigger?: Trigger;
  onClose: () => void;
}

/** 新建 / 编辑触发器 (manual 5.1.6.1): 标题, 描述, conditions over the change, 执行以下操作. */
export function TriggerFormDrawer({ open, trigger, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TriggerFormValues>();
  const { data: catalogue } = useTriggerCatalogue(open);
  const create = useCreateTrigger();
  const update = useUpdateTrigger();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(trigger ? triggerToValues(trigger) : emptyTriggerValues());
  }, [open, trigger, form]);

  const submit = (values: TriggerFormValues) => {
    const body = valuesToTriggerBody(values, catalogue?.actions ?? []);
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
    if (trigger) update.mutate({ id: trigger.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <FormDrawer
      title={trigger ? t('triggers.edit') : t('triggers.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={820}
      fullScreenBelow="md"
      submitTestId="trigger-form-submit"
      initialValues={emptyTriggerValues()}
    >
      <Form.Item
        name="title"
        label={t('triggers.title')}
        extra={t('triggers.titleHelp')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="trigger-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('triggers.description')} rules={[{ max: 500 }]}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          data-testid="trigger-form-description"
        />
      </Form.Item>
      <Form.Item name="conditions" extra={t('triggers.conditionsHelp')}>
        {/* Only while open: a hidden drawer must not keep a second builder in the page. */}
        <TriggerConditionsInput fields={open ? catalogue?.conditions : undefined} />
      </Form.Item>
      <div style={{ marginBottom: 24 }}>
        <ActionListInput catalogue={open ? catalogue?.actions : undefined} />
      </div>
      <Form.Item name="enabled" label={t('triggers.enabled')} valuePropName="checked">
        <Switch data-testid="trigger-form-enabled" />
      </Form.Item>
    </FormDrawer>
  );
}
