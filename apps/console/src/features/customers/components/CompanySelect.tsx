import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useCompanySearch } from '../hooks/useCompanies';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

interface Props {
  value?: number | null;
  onChange?: (id: number | null, name?: string) => void;
  /** Shown for the current value before a search brings it into the options. */
  currentName?: string;
  /** A company that may not be picked (the one being merged). */
  excludeId?: number;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
}

/** Picks a company by typing part of its name, phone, QQ or service code (server search). */
export function CompanySelect({
  value,
  onChange,
  currentName,
  excludeId,
  disabled,
  placeholder,
  testId,
}: Props) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const { data: companies = [], isFetching } = useCompanySearch(q, !disabled);
  const options = companies
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: c.name, name: c.name }));
  if (value && currentName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentName, name: currentName });
  }
  return (
    <Select
      allowClear
      disabled={disabled}
      value={value ?? undefined}
      onChange={(id?: number, option?: unknown) =>
        onChange?.(id ?? null, (option as { name?: string } | undefined)?.name)
      }
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={isFetching}
      options={options}
      placeholder={placeholder ?? t('customers.pickCompany')}
      notFoundContent={t('customers.noCompanyFound')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
