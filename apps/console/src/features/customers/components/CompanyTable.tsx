import { Grid, Table, type TableProps } from 'antd';
import type { Key } from 'react';
import { useT } from '../../../i18n/useT';
import { useDeleteCompany } from '../hooks/useCompanies';
import { useCompanyColumns } from '../hooks/useCompanyColumns';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import type { Company, CompanySort } from '../types/customerTypes';
import { RowActions } from './RowActions';

interface Props {
  companies: Company[];
  loading: boolean;
  visibleColumns: string[];
  sort: CompanySort | undefined;
  /** Without it the columns show `sort` but cannot change it. */
  onSortChange?: (sort: CompanySort | undefined) => void;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  onEdit: (company: Company) => void;
}

/** The 2B list: one row per company, the chosen columns, row selection for bulk actions. */
export function CompanyTable({
  companies,
  loading,
  visibleColumns,
  sort,
  onSortChange,
  selected,
  onSelect,
  onEdit,
}: Props) {
  const { t } = useT();
  // On phones fixed columns would leave no room for the scrolling ones.
  const mobile = Grid.useBreakpoint().md === false;
  const abilities = useCustomerAbilities();
  const { build } = useCompanyColumns(sort, onSortChange !== undefined);
  const remove = useDeleteCompany();
  const canEdit = abilities.editCompany || abilities.editCompanyTags;

  const actions: NonNullable<TableProps<Company>['columns']>[number] = {
    key: 'actions',
    title: t('common.actions'),
    fixed: 'right',
    width: 96,
    render: (_, company) => (
      <RowActions
        canEdit={canEdit}
        canDelete={abilities.deleteCompany}
        onEdit={() => onEdit(company)}
        onDelete={() => remove.mutateAsync(company.id)}
        confirmTitle={t('customers.deleteCompanyConfirm', { name: company.name })}
        confirmDescription={t('customers.deleteCompanyHint')}
        testId={{ edit: `company-edit-${company.id}`, delete: `company-delete-${company.id}` }}
      />
    ),
  };

  const onChange: TableProps<Company>['onChange'] = (_pagination, _filters, sorter) => {
    if (!onSortChange) return;
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey as string | undefined;
    if (!one?.order || !key) return onSortChange(undefined);
    onSortChange((one.order === 'descend' ? `-${key}` : key) as CompanySort);
  };

  return (
    <Table<Company>
      rowKey="id"
      size="middle"
      columns={[...build(visibleColumns), ...(canEdit || abilities.deleteCompany ? [actions] : [])].map(
        (c) => (mobile ? { ...c, fixed: undefined } : c),
      )}
      dataSource={companies}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onChange={onChange}
      rowSelection={{ selectedRowKeys: selected, onChange: onSelect, fixed: true }}
      onRow={(company) =>
        ({ 'data-testid': `customer-row-${company.id}` }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="company-table"
    />
  );
}
