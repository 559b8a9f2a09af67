import { Grid, Table, type TableProps } from 'antd';
import type { Key } from 'react';
import { useT } from '../../../i18n/useT';
import { useContactColumns } from '../hooks/useContactColumns';
import { useDeleteContact } from '../hooks/useContacts';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import type { Contact } from '../types/customerTypes';
import { RowActions } from './RowActions';

interface Props {
  contacts: Contact[];
  loading: boolean;
  companyNames: Map<number, string>;
  visibleColumns: string[];
  selected?: Key[];
  onSelect?: (keys: Key[]) => void;
  onEdit: (contact: Contact) => void;
  testId?: string;
}

/** Contacts with the chosen columns (the 2C list and a company's 联系人 tab). */
export function ContactTable({
  contacts,
  loading,
  companyNames,
  visibleColumns,
  selected,
  onSelect,
  onEdit,
  testId = 'contact-table',
}: Props) {
  const { t } = useT();
  // On phones fixed columns would leave no room for the scrolling ones.
  const mobile = Grid.useBreakpoint().md === false;
  const abilities = useCustomerAbilities();
  const { build } = useContactColumns(companyNames);
  const remove = useDeleteContact();
  const canEdit = abilities.editContact || abilities.editContactTags;

  const actions: NonNullable<TableProps<Contact>['columns']>[number] = {
    key: 'actions',
    title: t('common.actions'),
    fixed: 'right',
    width: 96,
    render: (_, contact) => (
      <RowActions
        canEdit={canEdit}
        canDelete={abilities.deleteContact}
        onEdit={() => onEdit(contact)}
        onDelete={() => remove.mutateAsync(contact.id)}
        confirmTitle={t('customers.deleteContactConfirm', { name: contact.name })}
        testId={{ edit: `contact-edit-${contact.id}`, delete: `contact-delete-${contact.id}` }}
      />
    ),
  };

  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      columns={[...build(visibleColumns), ...(canEdit || abilities.deleteContact ? [actions] : [])].map(
        (c) => (mobile ? { ...c, fixed: undefined } : c),
      )}
      dataSource={contacts}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: onSelect, fixed: true } : undefined}
      onRow={(contact) =>
        ({ 'data-testid': `contact-row-${contact.id}` }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
