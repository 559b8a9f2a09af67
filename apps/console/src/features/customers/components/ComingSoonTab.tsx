import { Empty } from 'antd';
import { useT } from '../../../i18n/useT';

/** A customer tab whose module is not built yet (contact plans, assets). */
export function ComingSoonTab({ testId }: { testId: string }) {
  const { t } = useT();
  return (
    <Empty description={t('customers.moduleComingSoon')} data-testid={testId} style={{ padding: '32px 0' }} />
  );
}
