import type { ConditionSet } from '@yidan/contracts';
import { Alert, Card, Col, Flex, Grid, Row } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useActiveSavedQuery } from '../hooks/useActiveSavedQuery';
import { useColumnChoice } from '../hooks/useColumnChoice';
import { useCompanyList } from '../hooks/useCompanies';
import { DEFAULT_COMPANY_COLUMNS, useCompanyColumns } from '../hooks/useCompanyColumns';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useCustomerListParams } from '../hooks/useCustomerListParams';
import type { Company, CompanySort, SavedQuery } from '../types/customerTypes';
import { AddToGroupModal } from './AddToGroupModal';
import { AdvancedQueryPanel } from './AdvancedQueryPanel';
import { BulkActionsBar } from './BulkActionsBar';
import { BulkEditModal } from './BulkEditModal';
import { CompanyTable } from './CompanyTable';
import { CompanyToolbar } from './CompanyToolbar';
import { CustomerGroupTree } from './CustomerGroupTree';
import { ExpiryCountsLine } from './ExpiryCountsLine';
import { LoadMore } from './LoadMore';
import { SavedQueryBar } from './SavedQueryBar';
import { SavedQueryFormModal } from './SavedQueryFormModal';

type Dialog = 'bulk-edit' | 'add-to-group' | null;
/** The 查询器 form: a new one from the advanced query's conditions, or an existing one. */
type QueryForm = { conditions: ConditionSet; query?: SavedQuery } | null;

interface Props {
  /** The applied 高级查询 and the selection live in the page, which exports them. */
  conditions: ConditionSet | null;
  onConditionsChange: (conditions: ConditionSet | null) => void;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  onEdit: (company: Company) => void;
}

/**
 * The 2B list: customer groups on the left, search and filters, 查询器, the company table with bulk
 * actions. A 查询器 replaces the filters with its own conditions and sort; the search box still narrows it.
 */
export function CompanyListView({ conditions, onConditionsChange, selected, onSelect, onEdit }: Props) {
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const { t } = useT();
  const { filter, update } = useCustomerListParams();
  const { queries, active, runId } = useActiveSavedQuery();
  const [querying, setQuerying] = useState(false);
  const [queryForm, setQueryForm] = useState<QueryForm>(null);
  const list = useCompanyList(filter, conditions, runId);
  const { settings } = useCustomerAbilities();
  const sort = active ? ((active.sort as CompanySort | null) ?? undefined) : filter.sort;
  const { options } = useCompanyColumns(sort);
  const [columns, setColumns] = useColumnChoice('companies', DEFAULT_COMPANY_COLUMNS);
  const [dialog, setDialog] = useState<Dialog>(null);

  const companies = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const counts = list.data?.pages[0]?.counts;
  const names = useMemo(() => new Map(companies.map((c) => [c.id, c.name])), [companies]);
  const knownTags = useMemo(() => [...new Set(companies.flatMap((c) => c.tags))].slice(0, 50), [companies]);
  const ids = selected.map(Number);

  // Any filter but the search box leaves the 查询器: its own conditions would ignore the filter.
  const setFilter = (patch: Parameters<typeof update>[0]) => {
    onSelect([]);
    const searchOnly = Object.keys(patch).every((key) => key === 'q');
    update(searchOnly ? patch : { ...patch, query: undefined });
  };

  const runQuery = (id: number | null) => {
    onSelect([]);
    onConditionsChange(null);
    setQuerying(false);
    update({ query: id ?? undefined, status: undefined, tag: undefined, sort: undefined, group: undefined });
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
              savedQuery={active !== null}
              onChange={setFilter}
            />
            <SavedQueryBar
              queries={queries}
              activeId={active?.id ?? null}
              onRun={runQuery}
              onEdit={(query) => setQueryForm({ query, conditions: query.conditions })}
            />
            {querying && (
              <AdvancedQueryPanel
                applied={conditions}
                onApply={(next) => {
                  onSelect([]);
                  onConditionsChange(next);
                  if (active) update({ query: undefined });
                }}
                onSave={(draft) => setQueryForm({ conditions: draft })}
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
                onClear={() => onSelect([])}
              />
            )}
            <CompanyTable
              companies={companies}
              loading={list.isFetching && !list.isFetchingNextPage}
              visibleColumns={columns}
              sort={sort}
              // A 查询器 has its own sort, edited with the query.
              onSortChange={active ? undefined : (next) => setFilter({ sort: next })}
              selected={selected}
              onSelect={onSelect}
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
        onDone={() => onSelect([])}
      />
      <AddToGroupModal
        ids={ids}
        names={names}
        open={dialog === 'add-to-group'}
        onClose={() => setDialog(null)}
        onDone={() => onSelect([])}
      />
      <SavedQueryFormModal
        open={queryForm !== null}
        query={queryForm?.query}
        conditions={queryForm?.conditions}
        onClose={() => setQueryForm(null)}
        onSaved={(saved, created) => {
          setQueryForm(null);
          if (created) runQuery(saved.id);
        }}
      />
    </Row>
  );
}
