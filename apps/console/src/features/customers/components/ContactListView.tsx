import { Card, Flex, Input } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useColumnChoice } from '../hooks/useColumnChoice';
import { useCompanyNames } from '../hooks/useCompanyNames';
import { DEFAULT_CONTACT_COLUMNS, useContactColumns } from '../hooks/useContactColumns';
import { useContactList } from '../hooks/useContacts';
import { useCustomerListParams } from '../hooks/useCustomerListParams';
import type { Contact } from '../types/customerTypes';
import { BulkActionsBar } from './BulkActionsBar';
import { BulkEditModal } from './BulkEditModal';
import { ColumnPicker } from './ColumnPicker';
import { ContactTable } from './ContactTable';
import { LoadMore } from './LoadMore';
import { TagFilter } from './TagFilter';

/** The 2C list: contacts searched by name, phone (or its tail), QQ or e-mail, with bulk actions. */
export function ContactListView({
  selected,
  onSelect: setSelected,
  onEdit,
}: {
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  onEdit: (contact: Contact) => void;
}) {
  const { t } = useT();
  const { filter, update } = useCustomerListParams();
  const contactFilter = { q: filter.q, tag: filter.tag };
  const list = useContactList(contactFilter);
  const [q, setQ] = useState(filter.q ?? '');
  const [editing, setEditing] = useState(false);
  const [columns, setColumns] = useColumnChoice('contacts', DEFAULT_CONTACT_COLUMNS);

  const contacts = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const companyNames = useCompanyNames(contacts.map((c) => c.companyId));
  const { options } = useContactColumns(companyNames);
  const names = useMemo(() => new Map(contacts.map((c) => [c.id, c.name])), [contacts]);
  const knownTags = useMemo(() => [...new Set(contacts.flatMap((c) => c.tags))].slice(0, 50), [contacts]);
  const ids = selected.map(Number);

  const setFilter = (patch: Parameters<typeof update>[0]) => {
    setSelected([]);
    update(patch);
  };

  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(value) => setFilter({ q: value.trim() || undefined })}
            placeholder={t('customers.contactSearchPlaceholder')}
            style={{ width: 340, maxWidth: '100%' }}
            data-testid="customer-search"
          />
          <TagFilter value={filter.tag} known={knownTags} onChange={(tag) => setFilter({ tag })} />
          <ColumnPicker options={options} value={columns} onChange={setColumns} />
        </Flex>
        {ids.length > 0 && (
          <BulkActionsBar
            entity="contact"
            ids={ids}
            names={names}
            onEdit={() => setEditing(true)}
            onClear={() => setSelected([])}
          />
        )}
        <ContactTable
          contacts={contacts}
          loading={list.isFetching && !list.isFetchingNextPage}
          companyNames={companyNames}
          visibleColumns={columns}
          selected={selected}
          onSelect={setSelected}
          onEdit={onEdit}
        />
      </Flex>
      <LoadMore
        shown={contacts.length}
        hasMore={Boolean(list.hasNextPage)}
        loading={list.isFetchingNextPage}
        onLoad={() => list.fetchNextPage()}
      />
      <BulkEditModal
        entity="contact"
        ids={ids}
        names={names}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={() => setSelected([])}
      />
    </Card>
  );
}
