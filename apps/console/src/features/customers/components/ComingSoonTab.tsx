import { Empty } from 'antd';
import { useT } from '../../../i18n/useT';

/** A customer tab whose module is not built yet (service records, tickets, plans, assets, timeline). */
export function ComingSoonTab({ testId }: { testId: string }) {
  const { t } = useT();
  return (
    <Empty description={t('customers.moduleComingSoon')} data-testid={testId} style={{ padding: '32px 0' }} />
  );
}
