import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useUnreadCount } from '../hooks/useNotifications';
import { NotificationDrawer } from './NotificationDrawer';

export function NotificationBell() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { data: unread = 0 } = useUnreadCount();

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.title')}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <NotificationDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
