import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { ComingSoonTab } from './ComingSoonTab';

const LATER = ['records', 'tickets', 'plans', 'assets', 'timeline'] as const;

/** The customer 360 tabs: 联系人 (companies only), then the modules that are wired in later. */
export function CustomerTabs({ contacts, contactCount }: { contacts?: ReactNode; contactCount?: number }) {
  const { t } = useT();
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
    ...LATER.map((key) => ({
      key,
      label: t(`customers.tab.${key}`),
      children: <ComingSoonTab testId={`customer-tab-${key}-empty`} />,
    })),
  ];
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs items={items} data-testid="customer-tabs" />
    </Card>
  );
}
