import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { NewTicketButton } from '../../tickets/components/NewTicketButton';
import { useCompany } from '../hooks/useCompanies';
import { useCustomerAbilities } from '../hooks/useCustomerAbilities';
import type { Contact } from '../types/customerTypes';
import { ServiceStatusTag } from './ServiceStatusTag';

interface Props {
  contact: Contact;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** Contact name, its company (with that company's service status), phones, with 编辑 / 删除. */
export function ContactHeaderCard({ contact, deleting, onEdit, onDelete }: Props) {
  const { t } = useT();
  const abilities = useCustomerAbilities();
  const { data: company } = useCompany(contact.companyId);

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Link to="/customers?list=contacts">
          <ArrowLeftOutlined /> {t('nav.customers')}
        </Link>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-title">
              {contact.name}
            </Typography.Title>
            {contact.isPrimary && contact.companyId && <Tag color="blue">{t('customers.primaryTag')}</Tag>}
          </Flex>
          <Flex gap={8} wrap>
            <NewTicketButton
              prefill={{
                contactId: contact.id,
                contactName: contact.name,
                companyId: company?.id,
                companyName: company?.name,
              }}
            />
            {(abilities.editContact || abilities.editContactTags) && (
              <Button icon={<EditOutlined />} onClick={onEdit} data-testid="contact-edit">
                {t('common.edit')}
              </Button>
            )}
            {abilities.deleteContact && (
              <Popconfirm
                title={t('customers.deleteContactConfirm', { name: contact.name })}
                okButtonProps={{ danger: true, 'data-testid': 'contact-delete-confirm' }}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="contact-delete">
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
              key: 'company',
              label: t('contact.company'),
              children: company ? (
                <Flex gap={6} align="center" wrap>
                  <Link to={`/customers/companies/${company.id}`} data-testid="contact-company-link">
                    {company.name}
                  </Link>
                  <ServiceStatusTag status={company.serviceStatus} />
                </Flex>
              ) : (
                '—'
              ),
            },
            { key: 'mobile', label: t('contact.mobile'), children: contact.mobile ?? '—' },
            { key: 'email', label: t('contact.email'), children: contact.email ?? '—' },
          ]}
        />
      </Flex>
    </Card>
  );
}
