import { Alert, App, Col, Form, Grid, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useBulkUpdateCompanies } from '../hooks/useCompanies';
import { useBulkUpdateContacts } from '../hooks/useContacts';
import { useFields } from '../hooks/useFields';
import { useReadOnlyCheck } from '../hooks/useReadOnlyCheck';
import type { BulkResult, FieldEntity } from '../types/customerTypes';
import { BulkResultList } from './BulkResultList';
import { CompanySystemField } from './CompanySystemField';
import { ContactSystemField } from './ContactSystemField';
import { CustomerGroupField } from './CustomerGroupField';
import { CustomFieldItem } from './CustomFieldItem';
import { COMPANY_BULK_KEYS, valuesToBulkSet as companyBulkSet } from './companyFormValues';
import { CONTACT_BULK_KEYS, valuesToBulkSet as contactBulkSet } from './contactFormValues';

interface Props {
  entity: FieldEntity;
  ids: number[];
  names: Map<number, string>;
  open: boolean;
  onClose: () => void;
  /** After a run where every record was changed. */
  onDone: () => void;
}

/**
 * 批量编辑 (manual 2.11.3.8): pick the fields to change, give their new values, apply them to every
 * selected record. Each record is checked on its own; the ones that failed are listed with the reason.
 */
export function BulkEditModal({ entity, ids, names, open, onClose, onDone }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm();
  const { data: defs = [] } = useFields(entity);
  const isReadOnly = useReadOnlyCheck();
  const companies = useBulkUpdateCompanies();
  const contacts = useBulkUpdateContacts();
  const showError = useApiError();
  const [chosen, setChosen] = useState<string[]>([]);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const running = companies.isPending || contacts.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setChosen([]);
    setResults(null);
  }, [open, form]);

  const systemKeys: readonly string[] = entity === 'company' ? COMPANY_BULK_KEYS : CONTACT_BULK_KEYS;
  const customDefs = defs.filter((d) => !d.system && d.enabled && d.type !== 'attachment' && !isReadOnly(d));
  const options = [
    ...systemKeys.map((key) => ({
      value: key,
      label: key === 'groupId' ? t('customers.group') : (defs.find((d) => d.key === key)?.label ?? key),
    })),
    ...customDefs.map((d) => ({ value: `custom.${d.key}`, label: d.label })),
  ];

  const submit = (values: Record<string, unknown>) => {
    if (chosen.length === 0) return;
    const finish = (items: BulkResult[]) => {
      const ok = items.filter((r) => r.ok).length;
      if (ok === items.length) {
        message.success(t('customers.bulkUpdated', { count: ok }));
        onDone();
        onClose();
      } else setResults(items);
    };
    const options = { onSuccess: finish, onError: (e: unknown) => showError(e, form) };
    if (entity === 'company')
      companies.mutate({ ids, set: companyBulkSet(values, chosen, customDefs) }, options);
    else contacts.mutate({ ids, set: contactBulkSet(values, chosen, customDefs) }, options);
  };

  const failed = results?.filter((r) => !r.ok).length ?? 0;
  return (
    <Modal
      title={t('customers.bulkEditTitle', { count: ids.length })}
      open={open}
      onCancel={onClose}
      onOk={() => (results ? onClose() : form.submit())}
      okText={results ? t('customers.close') : t('common.save')}
      okButtonProps={{ disabled: !results && chosen.length === 0, 'data-testid': 'bulk-edit-submit' }}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      confirmLoading={running}
      width={screens.sm === false ? '100%' : 640}
      forceRender
    >
      {results ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('customers.bulkPartial', { ok: results.length - failed, failed })}
            style={{ marginBottom: 12 }}
          />
          <BulkResultList results={results} names={names} defs={defs} />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label={t('customers.bulkFields')} extra={t('customers.bulkHint')}>
            <Select
              mode="multiple"
              value={chosen}
              onChange={setChosen}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('customers.bulkFieldsPlaceholder')}
              data-testid="bulk-edit-fields"
            />
          </Form.Item>
          <Row gutter={16}>
            {chosen.map((key) => {
              if (key === 'groupId') return <CustomerGroupField key={key} label={t('customers.group')} />;
              const custom = key.startsWith('custom.')
                ? customDefs.find((d) => `custom.${d.key}` === key)
                : undefined;
              if (custom)
                return (
                  <Col key={key} xs={24} sm={12}>
                    <CustomFieldItem def={{ ...custom, required: false }} prefix={['custom']} />
                  </Col>
                );
              const def = defs.find((d) => d.system && d.key === key);
              if (!def) return null;
              return entity === 'company' ? (
                <CompanySystemField key={key} def={def} />
              ) : (
                <ContactSystemField key={key} def={def} />
              );
            })}
          </Row>
        </Form>
      )}
    </Modal>
  );
}
