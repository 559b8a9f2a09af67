import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useContactList } from '../hooks/useContacts';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import type { Company, Contact } from '../types/customerTypes';
import { ContactFormDrawer } from './ContactFormDrawer';
import { ContactTable } from './ContactTable';
import { LoadMore } from './LoadMore';

const COLUMNS = ['mobile', 'landline', 'email', 'qq', 'position', 'tags'];

/** 联系人 of a company: the list with add, edit and delete; the default contact is marked. */
export function CompanyContactsTab({ company }: { company: Company }) {
  const { t } = useT();
  const abilities = useCustomerAbilities();
  const list = useContactList({ companyId: company.id });
  const [editing, setEditing] = useState<{ contact?: Contact } | null>(null);
  const contacts = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const names = useMemo(() => new Map([[company.id, company.name]]), [company.id, company.name]);

  return (
    <Flex vertical gap={12}>
      {abilities.createContact && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="company-add-contact">
            {t('customers.addContact')}
          </Button>
        </Flex>
      )}
      <ContactTable
        contacts={contacts}
        loading={list.isLoading}
        companyNames={names}
        visibleColumns={COLUMNS}
        onEdit={(contact) => setEditing({ contact })}
        testId="company-contacts"
      />
      {list.hasNextPage && (
        <LoadMore
          shown={contacts.length}
          hasMore
          loading={list.isFetchingNextPage}
          onLoad={() => list.fetchNextPage()}
        />
      )}
      <ContactFormDrawer
        open={editing !== null}
        contact={editing?.contact}
        company={{ id: company.id, name: company.name }}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
