import type { ConditionSet } from '@yidan/contracts';
import { Alert, Card, Col, Flex, Grid, Row } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useColumnChoice } from '../hooks/useColumnChoice';
import { useCompanyList } from '../hooks/useCompanies';
import { DEFAULT_COMPANY_COLUMNS, useCompanyColumns } from '../hooks/useCompanyColumns';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useCustomerListParams } from '../hooks/useCustomerListParams';
import type { Company } from '../types/customerTypes';
import { AddToGroupModal } from './AddToGroupModal';
import { AdvancedQueryPanel } from './AdvancedQueryPanel';
import { BulkActionsBar } from './BulkActionsBar';
import { BulkEditModal } from './BulkEditModal';
import { CompanyTable } from './CompanyTable';
import { CompanyToolbar } from './CompanyToolbar';
import { CustomerGroupTree } from './CustomerGroupTree';
import { ExpiryCountsLine } from './ExpiryCountsLine';
import { LoadMore } from './LoadMore';

type Dialog = 'bulk-edit' | 'add-to-group' | null;

/** The 2B list: customer groups on the left, search and filters, the company table with bulk actions. */
export function CompanyListView({ onEdit }: { onEdit: (company: Company) => void }) {
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const { t } = useT();
  const { filter, update } = useCustomerListParams();
  const [conditions, setConditions] = useState<ConditionSet | null>(null);
  const [querying, setQuerying] = useState(false);
  const list = useCompanyList(filter, conditions);
  const { settings } = useCustomerAbilities();
  const { options } = useCompanyColumns(filter.sort);
  const [columns, setColumns] = useColumnChoice('companies', DEFAULT_COMPANY_COLUMNS);
  const [selected, setSelected] = useState<Key[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const companies = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = list.data?.pages[0]?.counts;
  const names = useMemo(() => new Map(companies.map((c) => [c.id, c.name])), [companies]);
  const knownTags = useMemo(() => [...new Set(companies.flatMap((c) => c.tags))].slice(0, 50), [companies]);
  const ids = selected.map(Number);

  const setFilter = (patch: Parameters<typeof update>[0]) => {
    setSelected([]);
    update(patch);
  };

  return (
    <Row gutter={[16, 16]}>
      {!mobile && (
        <Col md={7} lg={6} xl={5}>
          <CustomerGroupTree selected={filter.groupId} onSelect={(group) => setFilter({ group })} />
        </Col>
      )}
      <Col xs={24} md={17} lg={18} xl={19}>
        <Card>
          <Flex vertical gap={12}>
            <CompanyToolbar
              filter={filter}
              knownTags={knownTags}
              columns={{ options, value: columns, onChange: setColumns }}
              advanced={{
                count: conditions ? conditions.all.length + conditions.any.length : 0,
                onToggle: () => setQuerying((open) => !open),
              }}
              onChange={setFilter}
            />
            {querying && (
              <AdvancedQueryPanel
                applied={conditions}
                onApply={(next) => {
                  setSelected([]);
                  setConditions(next);
                }}
                onClose={() => setQuerying(false)}
              />
            )}
            {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} />}
            {counts && (
              <ExpiryCountsLine
                expiring={counts.expiring}
                expired={counts.expired}
                days={settings?.expiryReminderDays ?? 30}
                onFilter={(status) => setFilter({ status })}
              />
            )}
            {ids.length > 0 && (
              <BulkActionsBar
                entity="company"
                ids={ids}
                names={names}
                onEdit={() => setDialog('bulk-edit')}
                onAddToGroup={() => setDialog('add-to-group')}
                onClear={() => setSelected([])}
              />
            )}
            <CompanyTable
              companies={companies}
              loading={list.isFetching && !list.isFetchingNextPage}
              visibleColumns={columns}
              sort={filter.sort}
              onSortChange={(sort) => setFilter({ sort })}
              selected={selected}
              onSelect={setSelected}
              onEdit={onEdit}
            />
          </Flex>
          <LoadMore
            shown={companies.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onLoad={() => list.fetchNextPage()}
          />
        </Card>
      </Col>
      <BulkEditModal
        entity="company"
        ids={ids}
        names={names}
        open={dialog === 'bulk-edit'}
        onClose={() => setDialog(null)}
        onDone={() => setSelected([])}
      />
      <AddToGroupModal
        ids={ids}
        names={names}
        open={dialog === 'add-to-group'}
        onClose={() => setDialog(null)}
        onDone={() => setSelected([])}
      />
    </Row>
  );
}
