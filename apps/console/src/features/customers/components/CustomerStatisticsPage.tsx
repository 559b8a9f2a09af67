import { CUSTOMER_STATISTICS_SORTS } from '@yidan/contracts';
import { Alert, Card, Flex, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../../api/useApiError';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { ExportButton } from '../../transfers/components/ExportButton';
import type { StatisticsFilter } from '../api/customer360Api';
import { useCustomerStatistics } from '../hooks/useCustomer360';
import { useCustomerGroups } from '../hooks/useCustomerGroups';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { CustomerStatisticsSummary } from './CustomerStatisticsSummary';
import { CustomerStatisticsTable } from './CustomerStatisticsTable';
import { LoadMore } from './LoadMore';

const NOT_SERVED_DAYS = [7, 15, 30, 60, 90, 180, 365];

/**
 * 客户统计 (manual 2.12): how each customer was served (services per channel, tickets, last
 * service) and who has not been served for a long time, to call them back.
 */
export function CustomerStatisticsPage() {
  const { t } = useT();
  const { can } = useAccess();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Omit<StatisticsFilter, 'q'>>({});
  const search = useDebouncedValue(q.trim());
  const query = useMemo(() => ({ ...filter, q: search || undefined }), [filter, search]);
  const stats = useCustomerStatistics(query);
  const groups = useCustomerGroups();
  const agents = useAgentDirectory();
  const rows = useMemo(() => stats.data?.pages.flatMap((p) => p.items) ?? [], [stats.data]);
  const summary = stats.data?.pages[0]?.summary;
  const set = (patch: Partial<typeof filter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        title={t('customers.statistics.title')}
        description={t('customers.statistics.hint')}
        extra={
          <>
            {can('customer.export') && (
              <ExportButton
                build={() => ({ entity: 'customer_statistics', query })}
                label={t('customers.export')}
                title={t('customers.statistics.exportTitle')}
              />
            )}
            <Link to="/customers">{t('customers.statistics.back')}</Link>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} wrap>
            <Input.Search
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('customers.statistics.search')}
              style={{ width: 240 }}
              data-testid="customer-statistics-search"
            />
            <Select
              allowClear
              placeholder={t('customers.statistics.group')}
              style={{ width: 160 }}
              value={filter.groupId}
              onChange={(groupId) => set({ groupId })}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('customers.statistics.owner')}
              style={{ width: 160 }}
              value={filter.ownerAgentId}
              onChange={(ownerAgentId) => set({ ownerAgentId })}
              options={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
            <Select
              allowClear
              placeholder={t('customers.statistics.notServed')}
              style={{ width: 180 }}
              value={filter.notServedDays}
              onChange={(notServedDays) => set({ notServedDays })}
              options={NOT_SERVED_DAYS.map((days) => ({
                value: days,
                label: t('customers.statistics.notServedDays', { days }),
              }))}
              data-testid="customer-statistics-not-served"
            />
            <Select
              style={{ width: 170 }}
              value={filter.sort ?? 'lastService'}
              onChange={(sort) => set({ sort })}
              options={CUSTOMER_STATISTICS_SORTS.map((sort) => ({
                value: sort,
                label: t(`customers.statistics.sort.${sort}`),
              }))}
            />
          </Flex>
        </Card>
        {stats.error && <Alert type="error" showIcon title={describeError(stats.error, t)} />}
        {summary && <CustomerStatisticsSummary summary={summary} />}
        <Card size="small">
          <CustomerStatisticsTable rows={rows} loading={stats.isLoading} />
          {rows.length > 0 && (
            <LoadMore
              shown={rows.length}
              hasMore={stats.hasNextPage}
              loading={stats.isFetchingNextPage}
              onLoad={() => stats.fetchNextPage()}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
