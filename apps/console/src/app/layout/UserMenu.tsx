import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../api/useApiError';
import { ChangePasswordModal } from '../../features/auth/components/ChangePasswordModal';
import { useLogout } from '../../features/auth/hooks/useLogout';
import { useCurrentMe } from '../../features/auth/hooks/useMe';
import { useT } from '../../i18n/useT';

export function UserMenu({ compact }: { compact?: boolean }) {
  const me = useCurrentMe();
  const { t } = useT();
  const logout = useLogout();
  const showError = useApiError();
  const [passwordOpen, setPasswordOpen] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span>,
            },
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              danger: true,
              label: <span data-testid="menu-logout">{t('auth.logout')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPasswordOpen(true);
            if (key === 'logout') logout.mutate(undefined, { onError: (e) => showError(e) });
          },
        }}
      >
        <Button type="text" data-testid="user-menu" style={{ paddingInline: 4 }}>
          <Flex align="center" gap={6}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
            {!compact && <span>{me.agent.name}</span>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
