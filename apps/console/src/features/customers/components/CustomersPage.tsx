import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useCustomerListParams } from '../hooks/useCustomerListParams';
import type { Company, Contact } from '../types/customerTypes';
import { CompanyFormDrawer } from './CompanyFormDrawer';
import { CompanyListView } from './CompanyListView';
import { ContactFormDrawer } from './ContactFormDrawer';
import { ContactListView } from './ContactListView';
import { ImportExportButtons } from './ImportExportButtons';

type Editing = { company?: Company } | { contact?: Contact; contactMode: true } | null;

/** 客户管理 (manual 2.11): the company list in 2B mode, the contact list in 2C mode, and a switch. */
export function CustomersPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const abilities = useCustomerAbilities();
  const { list, filter, update } = useCustomerListParams();
  const [editing, setEditing] = useState<Editing>(null);
  const contacts = list === 'contacts';
  const canCreate = contacts ? abilities.createContact : abilities.createCompany;
  const order =
    abilities.mode === '2c' ? (['contacts', 'companies'] as const) : (['companies', 'contacts'] as const);

  const create = (
    <Tooltip title={canCreate ? undefined : t('customers.createLocked')}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={!canCreate}
        onClick={() => setEditing(contacts ? { contactMode: true } : {})}
        data-testid="customer-create"
      >
        {contacts ? t('customers.addContact') : t('customers.createCompany')}
      </Button>
    </Tooltip>
  );

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        extra={
          <>
            <Segmented
              value={list}
              onChange={(next) =>
                update({ list: String(next), status: undefined, sort: undefined, group: undefined })
              }
              options={order.map((value) => ({ value, label: t(`customers.list.${value}`) }))}
              data-testid="customer-list-switch"
            />
            <ImportExportButtons />
            {create}
          </>
        }
      />
      {contacts ? (
        <ContactListView key="contacts" onEdit={(contact) => setEditing({ contact, contactMode: true })} />
      ) : (
        <CompanyListView key="companies" onEdit={(company) => setEditing({ company })} />
      )}
      <CompanyFormDrawer
        open={editing !== null && !('contactMode' in editing)}
        company={editing && 'company' in editing ? editing.company : undefined}
        defaultGroupId={filter.groupId}
        onClose={() => setEditing(null)}
        onSaved={(company) => {
          if (!(editing && 'company' in editing && editing.company))
            navigate(`/customers/companies/${company.id}`);
        }}
      />
      <ContactFormDrawer
        open={editing !== null && 'contactMode' in editing}
        contact={editing && 'contact' in editing ? editing.contact : undefined}
        onClose={() => setEditing(null)}
        onSaved={(contact) => {
          if (!(editing && 'contact' in editing && editing.contact))
            navigate(`/customers/contacts/${contact.id}`);
        }}
      />
    </>
  );
}
