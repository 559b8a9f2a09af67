import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { NewTicketButton } from '../../tickets/components/NewTicketButton';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import { useFields } from '../hooks/useFields';
import type { Company } from '../types/customerTypes';
import { ServiceStatusTag } from './ServiceStatusTag';
import { daysLeft, vendorToday } from './serviceDays';

interface Props {
  company: Company;
  deleting: boolean;
  onEdit: () => void;
  onMerge: () => void;
  onDelete: () => void;
}

/** Name, service status, package, period, days left and owner, with 编辑 / 合并到… / 删除. */
export function CompanyHeaderCard({ company, deleting, onEdit, onMerge, onDelete }: Props) {
  const { t } = useT();
  const me = useCurrentMe();
  const abilities = useCustomerAbilities();
  const { data: directory = [] } = useAgentDirectory();
  const { data: defs = [] } = useFields('company');
  // The vendor may have renamed these system fields.
  const label = (key: string, fallback: string) => defs.find((d) => d.key === key)?.label ?? fallback;
  const left = daysLeft(company.serviceEnd, vendorToday(me.vendor.timeZone));
  const owner = company.ownerAgentId
    ? (directory.find((a) => a.id === company.ownerAgentId)?.name ?? `#${company.ownerAgentId}`)
    : '—';
  const period =
    company.serviceStart || company.serviceEnd
      ? `${company.serviceStart ?? '…'} ~ ${company.serviceEnd ?? '…'}`
      : '—';
  const days =
    left === null
      ? '—'
      : left >= 0
        ? t('customers.daysLeftValue', { days: left })
        : t('customers.daysOverdue', { days: -left });

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Link to="/customers">
          <ArrowLeftOutlined /> {t('nav.customers')}
        </Link>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="company-title">
              {company.name}
            </Typography.Title>
            <ServiceStatusTag status={company.serviceStatus} />
          </Flex>
          <Flex gap={8} wrap>
            <NewTicketButton prefill={{ companyId: company.id, companyName: company.name }} />
            {(abilities.editCompany || abilities.editCompanyTags) && (
              <Button icon={<EditOutlined />} onClick={onEdit} data-testid="company-edit">
                {t('common.edit')}
              </Button>
            )}
            <Tooltip title={abilities.mergeCompany ? undefined : t('customers.mergeLocked')}>
              <Button
                icon={<MergeCellsOutlined />}
                onClick={onMerge}
                disabled={!abilities.mergeCompany}
                data-testid="company-merge"
              >
                {t('customers.mergeTo')}
              </Button>
            </Tooltip>
            {abilities.deleteCompany && (
              <Popconfirm
                title={t('customers.deleteCompanyConfirm', { name: company.name })}
                description={t('customers.deleteCompanyHint')}
                okButtonProps={{ danger: true, 'data-testid': 'company-delete-confirm' }}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="company-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'package',
              label: label('package', t('customers.package')),
              children: company.package ?? '—',
            },
            { key: 'period', label: t('customers.servicePeriod'), children: period },
            {
              key: 'days',
              label: t('customers.daysLeft'),
              children: <span data-testid="company-days-left">{days}</span>,
            },
            { key: 'owner', label: label('ownerAgentId', t('customers.owner')), children: owner },
            {
              key: 'code',
              label: label('serviceCode', t('customers.serviceCode')),
              children: company.serviceCode ?? '—',
            },
            {
              key: 'contact',
              label: t('customers.primaryContact'),
              children: company.primaryContact?.name ?? '—',
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
