import type { ConditionSet } from '@yidan/contracts';
import { App, Form, Grid, Input, Modal, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { useCompanyQueryFields } from '../hooks/useCompanies';
import { useCreateSavedQuery, useUpdateSavedQuery } from '../hooks/useSavedQueries';
import type { CompanySort, QueryVisibility, SavedQuery } from '../types/customerTypes';
import { QueryVisibilityFields } from './QueryVisibilityFields';

const SORTS: CompanySort[] = ['-createdAt', 'createdAt', 'name', '-name', 'serviceEnd', '-serviceEnd'];
const EMPTY: ConditionSet = { all: [], any: [] };

interface Values {
  name: string;
  visibility: QueryVisibility;
  sort?: CompanySort;
}

interface Props {
  open: boolean;
  /** Absent when creating one from the advanced query. */
  query?: SavedQuery;
  conditions?: ConditionSet;
  onClose: () => void;
  onSaved: (query: SavedQuery, created: boolean) => void;
}

/** 新建 / 编辑查询器 (manual 2.11.3.4): name, conditions, who sees it and its default sort. */
export function SavedQueryFormModal({ open, query, conditions, onClose, onSaved }: Props) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<ConditionSet>(EMPTY);
  const { data: fields } = useCompanyQueryFields(open);
  const create = useCreateSavedQuery();
  const update = useUpdateSavedQuery();
  const showError = useApiError();

  useEffect(() => {
    if (!open) return;
    setDraft(conditions ?? query?.conditions ?? EMPTY);
    form.resetFields();
    form.setFieldsValue({
      name: query?.name ?? '',
      visibility: query?.visibility ?? { scope: 'me', groupIds: [], agentIds: [] },
      sort: (query?.sort as CompanySort | null) ?? undefined,
    });
  }, [open, query, conditions, form]);

  const submit = (values: Values) => {
    const scope = values.visibility?.scope ?? 'me';
    const body = {
      name: values.name.trim(),
      conditions: draft,
      visibility: {
        scope,
        groupIds: scope === 'groups' ? (values.visibility.groupIds ?? []) : [],
        agentIds: scope === 'agents' ? (values.visibility.agentIds ?? []) : [],
      },
      sort: values.sort ?? null,
    };
    const onError = (e: unknown) => showError(e, form);
    if (query) {
      update.mutate(
        { id: query.id, body },
        {
          onSuccess: (saved) => {
            message.success(t('common.saved'));
            onSaved(saved, false);
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { entity: 'companies', ...body },
        {
          onSuccess: (saved) => {
            message.success(t('savedQuery.created'));
            onSaved(saved, true);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      title={query ? t('savedQuery.editTitle') : t('savedQuery.createTitle')}
      open={open}
      width={mobile ? undefined : 820}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={query ? t('common.save') : t('savedQuery.create')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'saved-query-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('savedQuery.name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input maxLength={50} data-testid="saved-query-name" />
        </Form.Item>
        <Form.Item label={t('savedQuery.conditions')}>
          {/* Only while open: the hidden form must not duplicate the advanced query's builder. */}
          {open && fields ? (
            <ConditionBuilder fields={fields} value={draft} onChange={setDraft} lang={lang} />
          ) : (
            <Skeleton active paragraph={{ rows: 2 }} />
          )}
        </Form.Item>
        <QueryVisibilityFields />
        <Form.Item name="sort" label={t('savedQuery.sort')}>
          <Select
            allowClear
            placeholder={t('savedQuery.sortDefault')}
            options={SORTS.map((s) => ({ value: s, label: t(`customers.sort.${s}`) }))}
            style={{ maxWidth: 240 }}
            data-testid="saved-query-sort"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
