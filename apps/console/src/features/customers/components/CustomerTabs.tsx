import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import type { CustomerRef } from '../api/customer360Api';
import { ComingSoonTab } from './ComingSoonTab';
import { CustomerRecordsTab } from './CustomerRecordsTab';
import { CustomerTicketsTab } from './CustomerTicketsTab';
import { CustomerTimelineTab } from './CustomerTimelineTab';

/** Modules not built yet: 联系计划 and 资产. */
const LATER = ['plans', 'assets'] as const;

/**
 * The customer 360 tabs: 联系人 (companies only), 服务记录, 工单, the modules still to come, and
 * 时间线. A tab's list loads when the tab is first opened; tabs the agent may not use are left out.
 */
export function CustomerTabs({
  customer,
  contacts,
  contactCount,
}: {
  customer: CustomerRef;
  contacts?: ReactNode;
  contactCount?: number;
}) {
  const { t } = useT();
  const { can } = useAccess();
  const items = [
    ...(contacts
      ? [
          {
            key: 'contacts',
            label:
              contactCount === undefined
                ? t('customers.contacts')
                : `${t('customers.contacts')} (${contactCount})`,
            children: contacts,
          },
        ]
      : []),
    ...(can('record.view')
      ? [
          {
            key: 'records',
            label: t('customers.tab.records'),
            children: <CustomerRecordsTab customer={customer} />,
          },
        ]
      : []),
    ...(can('ticket.view')
      ? [
          {
            key: 'tickets',
            label: t('customers.tab.tickets'),
            children: <CustomerTicketsTab customer={customer} />,
          },
        ]
      : []),
    ...LATER.map((key) => ({
      key,
      label: t(`customers.tab.${key}`),
      children: <ComingSoonTab testId={`customer-tab-${key}-empty`} />,
    })),
    {
      key: 'timeline',
      label: t('customers.tab.timeline'),
      children: <CustomerTimelineTab customer={customer} />,
    },
  ];
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs items={items} data-testid="customer-tabs" />
    </Card>
  );
}
