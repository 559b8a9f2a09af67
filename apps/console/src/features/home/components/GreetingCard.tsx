import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';

function greetingKey(hour: number) {
  if (hour < 5) return 'home.greeting.night' as const;
  if (hour < 12) return 'home.greeting.morning' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
}

export function GreetingCard() {
  const me = useCurrentMe();
  const { t } = useT();
  const now = dayjs();
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
            {t(greetingKey(now.hour()), { name: me.agent.name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.vendor.name}
            {me.agent.roleName && (
              <Tag style={{ marginInlineStart: 8 }} color="blue">
                {me.agent.roleName}
              </Tag>
            )}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary">{now.format(t('home.dateFormat'))}</Typography.Text>
      </Flex>
    </Card>
  );
}
