import { Flex, type TableColumnType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroups } from '../../org/hooks/useGroups';
import type { ColumnOption } from '../components/ColumnPicker';
import { displayCustomValue } from '../components/customFieldValues';
import { ServiceStatusTag } from '../components/ServiceStatusTag';
import type { Company, CompanySort } from '../types/customerTypes';
import { useCustomerGroups } from './useCustomerGroups';
import { useFields } from './useFields';

export const DEFAULT_COMPANY_COLUMNS = [
  'contact.name',
  'contact.mobile',
  'serviceStatus',
  'package',
  'serviceEnd',
  'ownerAgentId',
  'tags',
];

const SORTABLE: Partial<Record<string, CompanySort>> = {
  name: 'name',
  serviceEnd: 'serviceEnd',
  createdAt: 'createdAt',
};
const dash = (v: string | null | undefined) => (v ? v : '—');

type Column = TableColumnType<Company> & { key: string };

/**
 * The company table's columns: system fields under the vendor's names, the default contact's name and
 * mobile, extra columns (status, group, created) and custom fields. `options` feeds the column picker.
 * Not `sortable`, the columns show the order without offering to change it.
 */
export function useCompanyColumns(sort: CompanySort | undefined, sortable = true) {
  const { t } = useT();
  const { can } = useAccess();
  const { data: defs = [] } = useFields('company');
  const { data: directory = [] } = useAgentDirectory();
  const { data: customerGroups = [] } = useCustomerGroups();
  const { data: orgGroups = [] } = useGroups(can('org.groups'));

  return useMemo(() => {
    const agentName = new Map(directory.map((a) => [a.id, a.name]));
    const groupName = new Map(customerGroups.map((g) => [g.id, g.name]));
    const orgGroupName = new Map(orgGroups.map((g) => [g.id, g.name]));
    const words = { yes: t('customers.yes'), no: t('customers.no') };
    const label = (key: string, fallback: string) => defs.find((d) => d.key === key)?.label ?? fallback;

    const system: Record<string, Column['render']> = {
      phone: (_, c) => dash(c.phone),
      address: (_, c) => dash(c.address),
      region: (_, c) => dash([c.province, c.city].filter(Boolean).join(' ')),
      website: (_, c) => dash(c.website),
      package: (_, c) => dash(c.package),
      serviceStart: (_, c) => dash(c.serviceStart),
      serviceEnd: (_, c) => dash(c.serviceEnd),
      serviceCode: (_, c) => dash(c.serviceCode),
      serviceAccount: (_, c) => dash(c.serviceAccount),
      ownerAgentId: (_, c) =>
        c.ownerAgentId ? (agentName.get(c.ownerAgentId) ?? `#${c.ownerAgentId}`) : '—',
      ownerGroupId: (_, c) =>
        c.ownerGroupId ? (orgGroupName.get(c.ownerGroupId) ?? `#${c.ownerGroupId}`) : '—',
      tags: (_, c) =>
        c.tags.length ? (
          <Flex gap={4} wrap>
            {c.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
      source: (_, c) => dash(c.source),
      notes: (_, c) => (
        <Typography.Text ellipsis={{ tooltip: c.notes }} style={{ maxWidth: 200 }}>
          {dash(c.notes)}
        </Typography.Text>
      ),
    };
    const extra: (Column & { section: string })[] = [
      {
        key: 'contact.name',
        title: t('customers.primaryContactName'),
        section: t('customers.sectionContact'),
        render: (_, c) => dash(c.primaryContact?.name),
      },
      {
        key: 'contact.mobile',
        title: t('customers.primaryContactMobile'),
        section: t('customers.sectionContact'),
        render: (_, c) => dash(c.primaryContact?.mobile),
      },
      {
        key: 'serviceStatus',
        title: t('customers.status'),
        section: t('customers.sectionSystem'),
        render: (_, c) => <ServiceStatusTag status={c.serviceStatus} />,
      },
      {
        key: 'groupId',
        title: t('customers.group'),
        section: t('customers.sectionSystem'),
        render: (_, c) => (c.groupId ? (groupName.get(c.groupId) ?? '—') : '—'),
      },
      {
        key: 'createdAt',
        title: t('customers.createdAt'),
        section: t('customers.sectionSystem'),
        render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
      },
    ];

    const available: (Column & { section: string })[] = [
      ...extra.slice(0, 3),
      ...defs
        .filter((d) => d.system && d.key !== 'name' && system[d.key])
        .map((d) => ({
          key: d.key,
          title: d.label,
          section: t('customers.sectionSystem'),
          render: system[d.key],
        })),
      ...extra.slice(3),
      ...defs
        .filter((d) => !d.system && d.enabled)
        .map((d) => ({
          key: `custom.${d.key}`,
          title: d.label,
          section: t('customers.sectionCustom'),
          render: (_: unknown, c: Company) => dash(displayCustomValue(d, c.custom[d.key], words)),
        })),
    ];

    const withSort = (column: Column): Column => {
      const field = SORTABLE[column.key];
      if (!field || !sortable) return column;
      const order = sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;
      return { ...column, sorter: true, sortOrder: order, sortDirections: ['ascend', 'descend'] };
    };

    const nameColumn: Column = withSort({
      key: 'name',
      title: label('name', t('customers.companyName')),
      fixed: 'left',
      render: (_, c) => (
        <Link to={`/customers/companies/${c.id}`} data-testid={`company-link-${c.id}`}>
          {c.name}
        </Link>
      ),
    });

    const options: ColumnOption[] = available.map((c) => ({
      key: c.key,
      label: String(c.title),
      section: c.section,
    }));
    const build = (visible: string[]): Column[] => [
      nameColumn,
      ...available.filter((c) => visible.includes(c.key)).map(({ section: _s, ...c }) => withSort(c)),
    ];
    return { options, build };
  }, [defs, directory, customerGroups, orgGroups, sort, sortable, t]);
}
