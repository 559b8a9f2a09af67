import type { ConditionSet } from '@yidan/contracts';
import { App, AutoComplete, Flex, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { useTicketTemplates } from '../hooks/useTicketTemplates';
import {
  useCreateTicketView,
  useTicketQueryFields,
  useTicketViewOptions,
  useUpdateTicketView,
} from '../hooks/useTicketViews';
import type { TicketView } from '../types/ticketSettingsTypes';
import { markNameTaken } from './markNameTaken';
import { ViewConditionsInput } from './ViewConditionsInput';
import { VisibilityFields } from './VisibilityFields';
import {
  EMPTY_CONDITIONS,
  emptyViewValues,
  NO_GROUPING,
  type ViewFormValues,
  valuesToViewBody,
  viewToValues,
} from './viewFormValues';

const VIEW_SCOPES = ['me', 'all', 'groups', 'agents', 'contacts', 'contact_tag'] as const;

type Values = ViewFormValues & { conditions: ConditionSet };

interface Props {
  open: boolean;
  /** Absent when creating. */
  view?: TicketView;
  /** Existing 展示分组 names, offered while typing. */
  categories: string[];
  onClose: () => void;
}

/** 新建 / 编辑查询器 (manual 5.1.5): conditions, template, columns, grouping, sort and 可见范围. */
export function ViewFormDrawer({ open, view, categories, onClose }: Props) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: queryFields } = useTicketQueryFields(open);
  const { data: options } = useTicketViewOptions(open);
  const { data: templates = [] } = useTicketTemplates(open);
  const create = useCreateTicketView();
  const update = useUpdateTicketView();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      ...(view ? viewToValues(view) : emptyViewValues()),
      conditions: view?.conditions ?? EMPTY_CONDITIONS,
    });
  }, [open, view, form]);

  const submit = ({ conditions, ...values }: Values) => {
    const body = valuesToViewBody(values, conditions ?? EMPTY_CONDITIONS);
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => {
        showError(e, form, { sort: 'sortField' });
        markNameTaken(form, e);
        scrollToFirstError(form);
      },
    };
    if (view) update.mutate({ id: view.id, body }, options);
    else create.mutate(body, options);
  };

  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
  const isCustom = (key: string) => key.startsWith('custom.');
  const columns = options?.columns ?? [];
  const columnOptions = [
    {
      label: t('ticketSettings.view.systemColumns'),
      options: columns.filter((c) => !isCustom(c.key)).map((c) => ({ value: c.key, label: label(c.label) })),
    },
    {
      label: t('ticketSettings.view.customColumns'),
      options: columns.filter((c) => isCustom(c.key)).map((c) => ({ value: c.key, label: label(c.label) })),
    },
  ].filter((group) => group.options.length > 0);
  const groupOptions = [
    { value: NO_GROUPING, label: t('ticketSettings.view.noGrouping') },
    ...(options?.groupBy ?? []).map((g) => ({ value: g.key, label: label(g.label) })),
  ];
  const sortOptions = (options?.sortFields ?? []).map((f) => ({ value: f.key, label: label(f.label) }));

  return (
    <FormDrawer
      title={view ? t('ticketSettings.view.edit') : t('ticketSettings.view.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={760}
      fullScreenBelow="md"
      submitTestId="view-form-submit"
      initialValues={{ ...emptyViewValues(), conditions: EMPTY_CONDITIONS }}
    >
      <Form.Item
        name="name"
        label={t('ticketSettings.view.name')}
        rules={[{ required: true, whitespace: true, max: 50 }]}
      >
        <Input maxLength={50} data-testid="view-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('ticketSettings.view.description')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="conditions" label={t('ticketSettings.view.conditions')}>
        {/* Only while open: a hidden drawer must not keep a second builder in the page. */}
        <ViewConditionsInput fields={open ? queryFields : undefined} />
      </Form.Item>
      <Form.Item name="templateId" label={t('ticketSettings.view.template')}>
        <Select
          allowClear
          placeholder={t('ticketSettings.view.anyTemplate')}
          options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          style={{ maxWidth: 320 }}
          data-testid="view-form-template"
        />
      </Form.Item>
      <Form.Item
        name="columns"
        label={t('ticketSettings.view.columns')}
        extra={t('ticketSettings.view.columnsHelp')}
        rules={[
          { type: 'array', min: 1, message: t('ticketSettings.view.columnsRequired') },
          { type: 'array', max: 40 },
        ]}
      >
        <Select
          mode="multiple"
          options={columnOptions}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="view-form-columns"
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="groupBy" label={t('ticketSettings.view.groupBy')} style={{ minWidth: 200 }}>
          <Select options={groupOptions} data-testid="view-form-group-by" />
        </Form.Item>
        <Form.Item label={t('ticketSettings.view.sort')} required>
          <Space.Compact>
            <Form.Item name="sortField" noStyle rules={[{ required: true }]}>
              <Select
                options={sortOptions}
                style={{ width: 140 }}
                aria-label={t('ticketSettings.view.sortField')}
                data-testid="view-form-sort-field"
              />
            </Form.Item>
            <Form.Item name="sortDirection" noStyle>
              <Select
                options={(['desc', 'asc'] as const).map((d) => ({
                  value: d,
                  label: t(`ticketSettings.sort.${d}`),
                }))}
                style={{ width: 100 }}
                aria-label={t('ticketSettings.view.sortDirection')}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Flex>
      <VisibilityFields scopes={VIEW_SCOPES} testId="view-visibility" />
      <Form.Item
        name="category"
        label={t('ticketSettings.view.category')}
        extra={t('ticketSettings.view.categoryHelp')}
        rules={[{ max: 50 }]}
      >
        <AutoComplete
          allowClear
          options={categories.map((c) => ({ value: c }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          style={{ maxWidth: 320 }}
          data-testid="view-form-category"
        />
      </Form.Item>
      <Form.Item name="enabled" label={t('ticketSettings.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
