import { FilterOutlined } from '@ant-design/icons';
import type { ServiceStatus } from '@yidan/contracts';
import { Badge, Button, Flex, Grid, Input, Segmented, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useCustomerGroups } from '../hooks/useCustomerGroups';
import type { CompanyFilter, CompanySort } from '../types/customerTypes';
import { type ColumnOption, ColumnPicker } from './ColumnPicker';
import { buildCustomerGroupTree } from './customerGroupTree';
import { TagFilter } from './TagFilter';

// The manual's order: the statuses that need action first.
const STATUSES: ServiceStatus[] = ['expiring', 'expired', 'active', 'none'];
const SORTS: CompanySort[] = ['-createdAt', 'createdAt', 'name', '-name', 'serviceEnd', '-serviceEnd'];

interface Props {
  filter: CompanyFilter;
  knownTags: string[];
  columns: { options: ColumnOption[]; value: string[]; onChange: (keys: string[] | null) => void };
  /** 高级查询: how many conditions are applied, and opening the panel. */
  advanced: { count: number; onToggle: () => void };
  /** A 查询器 is being run: its conditions and sort replace the group, tag, sort and status filters. */
  savedQuery?: boolean;
  onChange: (patch: { q?: string; status?: string; tag?: string; sort?: string; group?: number }) => void;
}

/** Search (one box: name, phone, QQ, service code), status, tag, sort and columns of the company list. */
export function CompanyToolbar({ filter, knownTags, columns, advanced, savedQuery, onChange }: Props) {
  const { t } = useT();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [q, setQ] = useState(filter.q ?? '');
  const { data: groups = [] } = useCustomerGroups();
  const tree = useMemo(() => buildCustomerGroupTree(groups), [groups]);

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          placeholder={t('customers.searchPlaceholder')}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="customer-search"
        />
        {mobile && !savedQuery && (
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={tree}
            value={filter.groupId}
            onChange={(group?: number) => onChange({ group })}
            placeholder={t('customers.filterGroup')}
            style={{ flex: 1, minWidth: 140 }}
          />
        )}
        {!savedQuery && (
          <>
            <TagFilter value={filter.tag} known={knownTags} onChange={(tag) => onChange({ tag })} />
            <Select
              value={filter.sort ?? '-createdAt'}
              onChange={(sort) => onChange({ sort: sort === '-createdAt' ? undefined : sort })}
              options={SORTS.map((s) => ({ value: s, label: t(`customers.sort.${s}`) }))}
              style={{ width: 130 }}
              aria-label={t('customers.sortBy')}
              data-testid="customer-sort"
            />
          </>
        )}
        <Badge count={advanced.count} size="small">
          <Button icon={<FilterOutlined />} onClick={advanced.onToggle} data-testid="advanced-query-toggle">
            {t('customers.advancedQuery')}
          </Button>
        </Badge>
        <ColumnPicker options={columns.options} value={columns.value} onChange={columns.onChange} />
      </Flex>
      {!savedQuery && (
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented
            value={filter.status ?? 'all'}
            onChange={(status) => onChange({ status: status === 'all' ? undefined : String(status) })}
            options={[
              { value: 'all', label: t('customers.statusAll') },
              ...STATUSES.map((s) => ({ value: s, label: t(`serviceStatus.${s}`) })),
            ]}
            data-testid="customer-status-filter"
          />
        </div>
      )}
    </Flex>
  );
}
