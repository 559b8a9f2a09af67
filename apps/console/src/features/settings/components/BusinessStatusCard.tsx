import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useBusinessStatus } from '../hooks/useBusinessHours';

/** The vendor's business status right now, as routing and IVR will see it. */
export function BusinessStatusCard() {
  const { t } = useT();
  const { data: status, isLoading } = useBusinessStatus();

  return (
    <Card size="small" data-testid="business-status">
      {isLoading || !status ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Flex align="center" gap={12} wrap>
          <ClockCircleOutlined
            style={{ fontSize: 20, color: status.inBusinessHours ? '#52c41a' : '#bfbfbf' }}
          />
          <Typography.Text strong>{t('hours.statusNow')}</Typography.Text>
          <Tag color={status.inBusinessHours ? 'success' : 'default'}>
            {status.inBusinessHours ? t('hours.open') : t('hours.closed')}
          </Tag>
          <Tag color={status.isWorkday ? 'blue' : 'orange'}>
            {t(`hours.reason.${status.reason}`)}
            {status.dayName ? ` · ${status.dayName}` : ''}
          </Tag>
          <Typography.Text type="secondary">{dayjs(status.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
