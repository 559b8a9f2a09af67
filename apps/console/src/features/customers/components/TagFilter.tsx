import { TagOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';

/**
 * Filter by one tag: suggests the tags seen in the loaded rows and accepts any typed tag
 * (there is no list of all tags to offer).
 */
export function TagFilter({
  value,
  known,
  onChange,
}: {
  value: string | undefined;
  known: string[];
  onChange: (tag: string | undefined) => void;
}) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const options = [...new Set([...(typed ? [typed] : []), ...(value ? [value] : []), ...known])].map(
    (tag) => ({
      value: tag,
      label: tag,
    }),
  );
  return (
    <Select
      allowClear
      showSearch={{ onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={(tag?: string) => {
        setSearch('');
        onChange(tag || undefined);
      }}
      options={options}
      placeholder={t('customers.filterTag')}
      prefix={<TagOutlined />}
      style={{ width: 140 }}
      data-testid="customer-tag-filter"
    />
  );
}
