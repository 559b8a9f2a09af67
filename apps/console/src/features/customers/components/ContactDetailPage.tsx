import { App, Col, Flex, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useContact, useDeleteContact } from '../hooks/useContacts';
import { ContactFormDrawer } from './ContactFormDrawer';
import { ContactHeaderCard } from './ContactHeaderCard';
import { ContactProfileCard } from './ContactProfileCard';
import { CustomerNotFound } from './CustomerNotFound';
import { CustomerStatsCard } from './CustomerStatsCard';
import { CustomerTabs } from './CustomerTabs';

/** 联系人详情 (the 2C customer 360): header with the company link, tabs, profile and statistics. */
export function ContactDetailPage() {
  const { t } = useT();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: contact, error, isLoading } = useContact(Number.isInteger(id) && id > 0 ? id : null);
  const remove = useDeleteContact({ refetch: false });
  const showError = useApiError();
  const [editing, setEditing] = useState(false);

  if (isLoading) return <Skeleton active />;
  if (!contact) return <CustomerNotFound error={error} />;

  const deleteContact = () =>
    remove.mutateAsync(contact.id).then(
      () => {
        message.success(t('customers.deleted'));
        navigate(
          contact.companyId ? `/customers/companies/${contact.companyId}` : '/customers?list=contacts',
          {
            replace: true,
          },
        );
      },
      (e) => showError(e),
    );

  return (
    <Flex vertical gap={16}>
      <ContactHeaderCard
        contact={contact}
        deleting={remove.isPending}
        onEdit={() => setEditing(true)}
        onDelete={deleteContact}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <CustomerTabs customer={{ kind: 'contact', id: contact.id }} />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <ContactProfileCard contact={contact} />
            {me.features.includes('customerStats') && <CustomerStatsCard companyId={contact.companyId} />}
          </Flex>
        </Col>
      </Row>
      <ContactFormDrawer open={editing} contact={contact} onClose={() => setEditing(false)} />
    </Flex>
  );
}
