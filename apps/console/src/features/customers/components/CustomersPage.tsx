import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import type { ConditionSet } from '@yidan/contracts';
import { Button, Segmented, Tooltip } from 'antd';
import { type Key, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useActiveSavedQuery } from '../hooks/useActiveSavedQuery';
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
  const me = useCurrentMe();
  const abilities = useCustomerAbilities();
  const { list, filter, update } = useCustomerListParams();
  const [editing, setEditing] = useState<Editing>(null);
  // Kept here rather than in the list views: 导出 exports exactly what the list shows or has selected.
  const [conditions, setConditions] = useState<ConditionSet | null>(null);
  const [selected, setSelected] = useState<Key[]>([]);
  const { active: savedQuery } = useActiveSavedQuery();
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
              onChange={(next) => {
                setConditions(null);
                setSelected([]);
                update({
                  list: String(next),
                  status: undefined,
                  sort: undefined,
                  group: undefined,
                  query: undefined,
                });
              }}
              options={order.map((value) => ({ value, label: t(`customers.list.${value}`) }))}
              data-testid="customer-list-switch"
            />
            {me.features.includes('customerStats') && (
              <Button
                icon={<BarChartOutlined />}
                onClick={() => navigate('/customers/statistics')}
                data-testid="customer-statistics-open"
              >
                {t('customers.statistics.title')}
              </Button>
            )}
            <ImportExportButtons
              scope={{
                list,
                filter,
                conditions: contacts ? null : conditions,
                savedQuery: contacts ? null : savedQuery,
                selectedIds: selected.map(Number),
              }}
            />
            {create}
          </>
        }
      />
      {contacts ? (
        <ContactListView
          key="contacts"
          selected={selected}
          onSelect={setSelected}
          onEdit={(contact) => setEditing({ contact, contactMode: true })}
        />
      ) : (
        <CompanyListView
          key="companies"
          conditions={conditions}
          onConditionsChange={setConditions}
          selected={selected}
          onSelect={setSelected}
          onEdit={(company) => setEditing({ company })}
        />
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
