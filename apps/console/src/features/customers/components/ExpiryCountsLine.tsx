import type { ServiceStatus } from '@yidan/contracts';
import { Button, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

interface Props {
  expiring: number;
  expired: number;
  /** The vendor's reminder window (30 by default, "一个月"). */
  days: number;
  onFilter: (status: ServiceStatus) => void;
}

/** "N 个客户在一个月内将到期，M 个已到期" (manual 2.11.3.2); each number filters the list. */
export function ExpiryCountsLine({ expiring, expired, days, onFilter }: Props) {
  const { t } = useT();
  const link = (n: number, status: ServiceStatus, color: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', color, fontWeight: 600 }}
      onClick={() => onFilter(status)}
      data-testid={`expiry-count-${status}`}
    >
      {n}
    </Button>
  );
  return (
    <Typography.Text type="secondary" data-testid="expiry-counts">
      {link(expiring, 'expiring', '#fa8c16')}{' '}
      {days === 30 ? t('customers.expiringWithinMonth') : t('customers.expiringWithinDays', { days })}
      {t('customers.listSeparator')}
      {link(expired, 'expired', '#f5222d')} {t('customers.expiredCount')}
    </Typography.Text>
  );
}
