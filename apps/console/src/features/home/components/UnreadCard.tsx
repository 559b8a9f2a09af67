import { BellOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useNotifications, useUnreadCount } from '../../notifications/hooks/useNotifications';

/** Unread count and the latest unread titles. */
export function UnreadCard() {
  const { t } = useT();
  const { data: unread = 0 } = useUnreadCount();
  const latest = useNotifications('unread');
  const items = latest.data?.pages[0]?.items.slice(0, 3) ?? [];

  return (
    <Card size="small">
      <Statistic
        title={t('home.unread')}
        value={unread}
        prefix={<BellOutlined />}
        styles={{ content: { color: unread > 0 ? '#fa541c' : undefined } }}
        data-testid="home-unread"
      />
      {items.length > 0 && (
        <Flex vertical gap={2} style={{ marginTop: 8 }}>
          {items.map((n) => (
            <Typography.Text key={n.id} ellipsis type="secondary">
              · {n.title}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}
