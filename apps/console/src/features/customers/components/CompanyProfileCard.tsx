import { Card, Descriptions, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroupDirectory } from '../../org/hooks/useGroups';
import { useCustomerGroups } from '../hooks/useCustomerGroups';
import { useFields } from '../hooks/useFields';
import type { Company } from '../types/customerTypes';
import { displayCustomValue } from './customFieldValues';

/** 公司资料: every system field under the vendor's names, the customer group and custom fields. */
export function CompanyProfileCard({ company }: { company: Company }) {
  const { t } = useT();
  const { data: defs = [] } = useFields('company');
  const { data: directory = [] } = useAgentDirectory();
  const { data: groups = [] } = useCustomerGroups();
  const { data: orgGroups = [] } = useGroupDirectory();
  const words = { yes: t('customers.yes'), no: t('customers.no') };

  const system = (key: string): ReactNode => {
    switch (key) {
      case 'region':
        return [company.province, company.city].filter(Boolean).join(' ');
      case 'website':
        return company.website ? (
          <a href={company.website} target="_blank" rel="noreferrer noopener">
            {company.website}
          </a>
        ) : null;
      case 'ownerAgentId':
        return company.ownerAgentId
          ? (directory.find((a) => a.id === company.ownerAgentId)?.name ?? `#${company.ownerAgentId}`)
          : null;
      case 'ownerGroupId':
        return company.ownerGroupId
          ? (orgGroups.find((g) => g.id === company.ownerGroupId)?.name ?? `#${company.ownerGroupId}`)
          : null;
      case 'serviceAccount':
        return company.serviceAccount
          ? `${company.serviceAccount}${company.hasServicePassword ? ` (${t('customers.hasPassword')})` : ''}`
          : null;
      case 'tags':
        return company.tags.length ? (
          <Flex gap={4} wrap>
            {company.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
        ) : null;
      default: {
        const value = (company as unknown as Record<string, unknown>)[key];
        return typeof value === 'string' && value ? value : null;
      }
    }
  };

  const items = [
    ...defs
      .filter((d) => d.system && d.key !== 'name')
      .map((d) => ({ key: d.key, label: d.label, children: system(d.key) || '—' })),
    {
      key: 'groupId',
      label: t('customers.group'),
      children: company.groupId ? (groups.find((g) => g.id === company.groupId)?.name ?? '—') : '—',
    },
    ...defs
      .filter((d) => !d.system && d.enabled)
      .map((d) => ({
        key: `custom.${d.key}`,
        label: d.label,
        children: displayCustomValue(d, company.custom[d.key], words) || '—',
      })),
  ];

  return (
    <Card size="small" title={t('customers.profile')} data-testid="company-profile">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 112 } }} />
    </Card>
  );
}
