import { FIELD_TYPES, isTicketOnlyFieldType, NUMERIC_FIELD_TYPES } from '@yidan/contracts';
import { Alert, App, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { useT } from '../../../i18n/useT';
import { useCreateField, useFields, useUpdateField } from '../hooks/useFields';
import type { FieldDefinition, FieldEntity } from '../types/customerTypes';
import { CascadeOptionsEditor } from './CascadeOptionsEditor';
import { FieldOptionsEditor } from './FieldOptionsEditor';
import {
  CHOICE_TYPES,
  duplicateOptionValue,
  emptyFieldValues,
  type FieldFormValues,
  fieldToValues,
  valuesToCreate,
  valuesToUpdate,
} from './fieldFormValues';
import { ReadOnlyScopeField } from './ReadOnlyScopeField';

interface Props {
  entity: FieldEntity;
  open: boolean;
  /** Absent when creating a custom field. */
  field?: FieldDefinition;
  onClose: () => void;
}

/** 新建 / 编辑字段: system fields can only be renamed; custom fields get type, options and rules. */
export function FieldFormDrawer({ entity, open, field, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FieldFormValues>();
  const create = useCreateField();
  const update = useUpdateField();
  const showError = useApiError();
  const type = Form.useWatch('type', form);
  const key = Form.useWatch('key', form);
  const system = field?.system === true;
  const keyChanging = Boolean(field && !field.keyLocked && key && key !== field.key);
  // Rating, signature, product table … exist for tickets only (manual 5.1.1).
  const types = FIELD_TYPES.filter((value) => entity === 'ticket' || !isTicketOnlyFieldType(value));
  const { data: siblings = [] } = useFields(entity);
  const numericKeys = siblings
    .filter(
      (f) => !f.system && f.id !== field?.id && (NUMERIC_FIELD_TYPES as readonly string[]).includes(f.type),
    )
    .map((f) => f.key);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(field ? fieldToValues(field) : emptyFieldValues());
  }, [open, field, form]);

  const submit = (values: FieldFormValues) => {
    const duplicate = duplicateOptionValue(values);
    if (duplicate) return void message.error(t('fields.duplicateOption', { value: duplicate }));
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) =>
        showError(e, form, { options: CHOICE_TYPES.includes(values.type) ? 'options' : 'cascade' }),
    };
    if (field) update.mutate({ id: field.id, body: valuesToUpdate(field, values) }, options);
    else create.mutate(valuesToCreate(entity, values), options);
  };

  return (
    <FormDrawer
      title={system ? t('fields.rename') : field ? t('fields.edit') : t('fields.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={560}
      submitTestId="field-form-submit"
    >
      {system && <Alert type="info" showIcon title={t('fields.systemHint')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="label"
        label={t('fields.label')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input data-testid="field-form-label" />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('fields.key')}
        extra={field ? undefined : t('fields.keyHelp')}
        rules={[{ pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('fields.keyInvalid') }]}
      >
        <Input
          disabled={system || field?.keyLocked}
          placeholder={t('fields.keyAuto')}
          data-testid="field-form-key"
        />
      </Form.Item>
      {field && !system && !field.keyLocked && (
        <Alert
          type={keyChanging ? 'warning' : 'info'}
          showIcon
          title={t('fields.keyOnce')}
          style={{ marginTop: -12, marginBottom: 16 }}
          data-testid="field-key-warning"
        />
      )}
      <Form.Item name="type" label={t('fields.type')}>
        <Select
          disabled={Boolean(field)}
          options={types.map((value) => ({ value, label: t(`fieldType.${value}`) }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="field-form-type"
        />
      </Form.Item>
      {!system && (
        <>
          {type && CHOICE_TYPES.includes(type) && (
            <Form.Item label={t('fields.options')} required>
              <FieldOptionsEditor />
            </Form.Item>
          )}
          {type === 'cascade' && (
            <Form.Item name="cascade" label={t('fields.options')}>
              <CascadeOptionsEditor />
            </Form.Item>
          )}
          {type === 'regex' && (
            <Form.Item
              name="regex"
              label={t('fields.regex')}
              rules={[{ required: true, max: 200 }]}
              extra={t('fields.regexHelp')}
            >
              <Input placeholder="^[A-Z]{2}\d{6}$" data-testid="field-form-regex" />
            </Form.Item>
          )}
          {type === 'rating' && (
            <Form.Item
              name={['config', 'max']}
              label={t('fields.ratingMax')}
              rules={[{ required: true, type: 'integer', min: 3, max: 10 }]}
            >
              <InputNumber min={3} max={10} precision={0} data-testid="field-form-rating-max" />
            </Form.Item>
          )}
          {type === 'calculated' && (
            <>
              <Form.Item
                name={['config', 'expression']}
                label={t('fields.expression')}
                rules={[{ required: true, whitespace: true, max: 500 }]}
                extra={
                  <>
                    {t('fields.expressionHelp')}{' '}
                    {numericKeys.length ? (
                      numericKeys.map((k) => (
                        <Typography.Text key={k} code copyable={{ text: k }}>
                          {k}
                        </Typography.Text>
                      ))
                    ) : (
                      <Typography.Text type="warning">{t('fields.expressionNoNumbers')}</Typography.Text>
                    )}
                  </>
                }
              >
                <Input placeholder="price * qty" data-testid="field-form-expression" />
              </Form.Item>
              <Form.Item name={['config', 'precision']} label={t('fields.precision')}>
                <InputNumber min={0} max={6} precision={0} placeholder="2" />
              </Form.Item>
            </>
          )}
          {type !== 'calculated' && (
            <Form.Item name="required" label={t('fields.required')} valuePropName="checked">
              <Switch data-testid="field-form-required" />
            </Form.Item>
          )}
          <Form.Item name="readOnly" label={t('fields.readOnly')} extra={t('fields.readOnlyHelp')}>
            <ReadOnlyScopeField />
          </Form.Item>
          {field && (
            <Form.Item
              name="enabled"
              label={t('fields.enabled')}
              valuePropName="checked"
              extra={t('fields.enabledHelp')}
            >
              <Switch />
            </Form.Item>
          )}
        </>
      )}
    </FormDrawer>
  );
}
