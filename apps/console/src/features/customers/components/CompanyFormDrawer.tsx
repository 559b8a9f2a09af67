import { Alert, App, Col, Form, Row } from 'antd';
import { Fragment, useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useCreateCompany, useUpdateCompany } from '../hooks/useCompanies';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useFields } from '../hooks/useFields';
import { useReadOnlyCheck } from '../hooks/useReadOnlyCheck';
import type { Company } from '../types/customerTypes';
import { CompanySystemField } from './CompanySystemField';
import { CustomerGroupField } from './CustomerGroupField';
import { CustomFieldItem } from './CustomFieldItem';
import {
  type CompanyFormValues,
  companyToValues,
  emptyCompanyValues,
  valuesToCreate,
  valuesToPatch,
} from './companyFormValues';
import { InlineContactsField } from './InlineContactsField';

interface Props {
  open: boolean;
  /** Absent when creating. */
  company?: Company;
  /** The group selected in the list, preset for a new company. */
  defaultGroupId?: number;
  onClose: () => void;
  onSaved?: (company: Company) => void;
}

/** 新增客户 / 编辑公司: system fields in the vendor's order and names, then custom fields. */
export function CompanyFormDrawer({ open, company, defaultGroupId, onClose, onSaved }: Props) {
  const { t } = useT();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyFormValues>();
  const { data: defs = [] } = useFields('company');
  const { data: contactDefs = [] } = useFields('contact');
  const abilities = useCustomerAbilities();
  const isReadOnly = useReadOnlyCheck();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const showError = useApiError();
  const defsLoaded = defs.length > 0;
  const systemDefs = defs.filter((d) => d.system);
  const customDefs = defs.filter((d) => !d.system && d.enabled);
  const contactCustom = contactDefs.filter((d) => !d.system && d.enabled);
  // Advanced mode may forbid editing companies; tags stay editable (manual 2.11.7).
  const tagsOnly = Boolean(company) && !abilities.editCompany;

  // Runs again once the field definitions arrive (custom values need them), not on every refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: customDefs is read when defsLoaded flips
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      company ? companyToValues(company, customDefs) : emptyCompanyValues(me.agent.id, defaultGroupId),
    );
  }, [open, company, defaultGroupId, form, me.agent.id, defsLoaded]);

  const saved = (result: Company) => {
    message.success(t('common.saved'));
    onClose();
    onSaved?.(result);
  };

  const failed = (e: unknown) => {
    showError(e, form);
    scrollToFirstError(form);
  };

  const submit = (values: CompanyFormValues) => {
    if (company) {
      const body = valuesToPatch(values, company, customDefs);
      if (Object.keys(body).length === 0) return onClose();
      update.mutate({ id: company.id, body }, { onSuccess: saved, onError: failed });
    } else {
      create.mutate(valuesToCreate(values, customDefs, contactCustom), {
        onSuccess: saved,
        onError: failed,
      });
    }
  };

  return (
    <FormDrawer
      title={company ? t('customers.editCompany') : t('customers.createCompany')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={640}
      submitTestId="company-form-submit"
    >
      {tagsOnly && (
        <Alert type="info" showIcon title={t('customers.lockedTagsOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        {systemDefs.map((def) => (
          <Fragment key={def.id}>
            <CompanySystemField
              def={def}
              disabled={tagsOnly && def.key !== 'tags'}
              hasPassword={company?.hasServicePassword}
            />
            {def.key === 'name' && <CustomerGroupField label={t('customers.group')} disabled={tagsOnly} />}
          </Fragment>
        ))}
        {customDefs.map((def) => (
          <Col key={def.id} xs={24} sm={def.type === 'textarea' ? 24 : 12}>
            <CustomFieldItem def={def} prefix={['custom']} readOnly={tagsOnly || isReadOnly(def)} />
          </Col>
        ))}
      </Row>
      {!company && abilities.createContact && (
        <InlineContactsField requiredDefs={contactCustom.filter((d) => d.required)} />
      )}
    </FormDrawer>
  );
}
