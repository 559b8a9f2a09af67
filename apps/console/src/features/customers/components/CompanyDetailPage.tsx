import { App, Col, Flex, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useCompany, useDeleteCompany } from '../hooks/useCompanies';
import { useContactList } from '../hooks/useContacts';
import { CompanyContactsTab } from './CompanyContactsTab';
import { CompanyFormDrawer } from './CompanyFormDrawer';
import { CompanyHeaderCard } from './CompanyHeaderCard';
import { CompanyProfileCard } from './CompanyProfileCard';
import { CustomerNotFound } from './CustomerNotFound';
import { CustomerStatsCard } from './CustomerStatsCard';
import { CustomerTabs } from './CustomerTabs';
import { MergeCompanyModal } from './MergeCompanyModal';

/** 公司详情 (customer 360): header, contacts and the other modules' tabs, profile and statistics. */
export function CompanyDetailPage() {
  const { t } = useT();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: company, error, isLoading } = useCompany(Number.isInteger(id) && id > 0 ? id : null);
  const contacts = useContactList({ companyId: id }, Boolean(company));
  const remove = useDeleteCompany({ refetch: false });
  const showError = useApiError();
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);

  if (isLoading) return <Skeleton active />;
  if (!company) return <CustomerNotFound error={error} />;

  const loaded = contacts.data?.pages.flatMap((p) => p.items).length;
  const deleteCompany = () =>
    remove.mutateAsync(company.id).then(
      () => {
        message.success(t('customers.deleted'));
        navigate('/customers', { replace: true });
      },
      (e) => showError(e),
    );

  return (
    <Flex vertical gap={16}>
      <CompanyHeaderCard
        company={company}
        deleting={remove.isPending}
        onEdit={() => setDialog('edit')}
        onMerge={() => setDialog('merge')}
        onDelete={deleteCompany}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <CustomerTabs
            customer={{ kind: 'company', id: company.id }}
            contacts={<CompanyContactsTab company={company} />}
            contactCount={loaded}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <CompanyProfileCard company={company} />
            {me.features.includes('customerStats') && <CustomerStatsCard companyId={company.id} />}
          </Flex>
        </Col>
      </Row>
      <CompanyFormDrawer open={dialog === 'edit'} company={company} onClose={() => setDialog(null)} />
      <MergeCompanyModal company={company} open={dialog === 'merge'} onClose={() => setDialog(null)} />
    </Flex>
  );
}
