import { Alert, App, Checkbox, Col, Form, Input, Row } from 'antd';
import { Fragment, useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import { useCompany } from '../hooks/useCompanies';
import { useCreateContact, useUpdateContact } from '../hooks/useContacts';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useFields } from '../hooks/useFields';
import { useReadOnlyCheck } from '../hooks/useReadOnlyCheck';
import type { Contact } from '../types/customerTypes';
import { CompanySelect } from './CompanySelect';
import { ContactSystemField } from './ContactSystemField';
import { CustomFieldItem } from './CustomFieldItem';
import {
  type ContactFormValues,
  contactToValues,
  emptyContactValues,
  valuesToCreate,
  valuesToPatch,
} from './contactFormValues';

interface Props {
  open: boolean;
  /** Absent when adding. */
  contact?: Contact;
  /** Adding from a company's page: the contact belongs to it and the company is not asked for. */
  company?: { id: number; name: string };
  /** Name of the contact's current company, for the picker before it loads its options. */
  companyName?: string;
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

/** 添加联系人 / 编辑联系人: system fields in the vendor's order, identities, custom fields. */
export function ContactFormDrawer({ open, contact, company, companyName, onClose, onSaved }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactFormValues>();
  const { data: defs = [] } = useFields('contact');
  const abilities = useCustomerAbilities();
  const isReadOnly = useReadOnlyCheck();
  const create = useCreateContact();
  const update = useUpdateContact();
  const showError = useApiError();
  const companyId = Form.useWatch('companyId', form);
  const { data: currentCompany } = useCompany(companyName ? null : contact?.companyId);
  const defsLoaded = defs.length > 0;
  const systemDefs = defs.filter((d) => d.system);
  const customDefs = defs.filter((d) => !d.system && d.enabled);
  const tagsOnly = Boolean(contact) && !abilities.editContact;
  const locked = (key: string) => tagsOnly && key !== 'tags';

  // Runs again once the field definitions arrive (custom values need them), not on every refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: customDefs is read when defsLoaded flips
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(contact ? contactToValues(contact, customDefs) : emptyContactValues(company?.id));
  }, [open, contact, company, form, defsLoaded]);

  const saved = (result: Contact) => {
    message.success(t('common.saved'));
    onClose();
    onSaved?.(result);
  };

  const failed = (e: unknown) => {
    showError(e, form);
    scrollToFirstError(form);
  };

  const submit = (typed: ContactFormValues) => {
    // A company given by the page has no form control, so it is added here.
    const values = company ? { ...typed, companyId: company.id } : typed;
    if (contact) {
      const body = valuesToPatch(values, contact, customDefs);
      if (Object.keys(body).length === 0) return onClose();
      update.mutate({ id: contact.id, body }, { onSuccess: saved, onError: failed });
    } else {
      create.mutate(valuesToCreate(values, customDefs), {
        onSuccess: saved,
        onError: failed,
      });
    }
  };

  return (
    <FormDrawer
      title={contact ? t('customers.editContact') : t('customers.addContact')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={640}
      submitTestId="contact-form-submit"
    >
      {tagsOnly && (
        <Alert type="info" showIcon title={t('customers.lockedTagsOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        {systemDefs.map((def) => (
          <Fragment key={def.id}>
            <ContactSystemField def={def} disabled={locked(def.key)} />
            {def.key === 'name' && !company && (
              <Col xs={24} sm={12}>
                <Form.Item name="companyId" label={t('contact.company')}>
                  <CompanySelect
                    currentName={companyName ?? currentCompany?.name}
                    disabled={locked('companyId')}
                    testId="contact-form-company"
                  />
                </Form.Item>
              </Col>
            )}
            {def.key === 'qq' && (
              <>
                <Col xs={24} sm={12}>
                  <Form.Item name="wechatOpenid" label={t('contact.wechatOpenid')} rules={[{ max: 64 }]}>
                    <Input disabled={locked('wechatOpenid')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="machineId"
                    label={t('contact.machineId')}
                    tooltip={t('contact.machineIdHelp')}
                    rules={[{ pattern: /^\d{9}$/, message: t('customers.machineIdInvalid') }]}
                  >
                    <Input disabled={locked('machineId')} inputMode="numeric" />
                  </Form.Item>
                </Col>
              </>
            )}
          </Fragment>
        ))}
        {customDefs.map((def) => (
          <Col key={def.id} xs={24} sm={def.type === 'textarea' ? 24 : 12}>
            <CustomFieldItem def={def} prefix={['custom']} readOnly={tagsOnly || isReadOnly(def)} />
          </Col>
        ))}
        {(company || companyId) && (
          <Col xs={24}>
            <Form.Item name="isPrimary" valuePropName="checked">
              <Checkbox disabled={locked('isPrimary')}>{t('customers.makePrimary')}</Checkbox>
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormDrawer>
  );
}
