import type { ServiceStatus } from '@yidan/contracts';
import { Tag } from 'antd';
import { useT } from '../../../i18n/useT';

const COLORS: Record<ServiceStatus, string | undefined> = {
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  none: undefined,
};

/** 有效 / 即将到期 / 已到期 / 无服务期 as a coloured tag. */
export function ServiceStatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useT();
  return (
    <Tag color={COLORS[status]} data-testid={`service-status-${status}`}>
      {t(`serviceStatus.${status}`)}
    </Tag>
  );
}
