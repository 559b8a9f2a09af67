import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { listContacts } from '../../customers/api/contactsApi';
import { useDebouncedValue } from '../../customers/hooks/useDebouncedValue';

export interface PickedContact {
  id: number;
  name: string;
  companyId: number | null;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null, contact?: PickedContact) => void;
  /** Shown for the current value before a search brings it into the options. */
  currentName?: string;
  testId?: string;
}

/** Picks a contact by typing part of the name, phone or e-mail (server search). */
export function ContactSelect({ value, onChange, currentName, testId }: Props) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const { data, isFetching } = useQuery({
    queryKey: ['customers', 'contacts', 'ticket-picker', q],
    queryFn: () => listContacts(q ? { q } : {}, undefined, 20),
    staleTime: 10_000,
  });
  const contacts = data?.items ?? [];
  const options = contacts.map((c) => ({
    value: c.id,
    label: c.name,
    hint: c.mobile ?? c.email ?? '',
    contact: { id: c.id, name: c.name, companyId: c.companyId },
  }));
  if (value && currentName && !options.some((o) => o.value === value))
    options.unshift({
      value,
      label: currentName,
      hint: '',
      contact: { id: value, name: currentName, companyId: null },
    });
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(id?: number, option?: unknown) =>
        onChange?.(id ?? null, (option as { contact?: PickedContact } | undefined)?.contact)
      }
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={isFetching}
      options={options}
      optionRender={(option) => (
        <Flex justify="space-between" gap={8}>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" ellipsis>
            {option.data.hint}
          </Typography.Text>
        </Flex>
      )}
      placeholder={t('tickets.pickContact')}
      notFoundContent={t('tickets.noContactFound')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
