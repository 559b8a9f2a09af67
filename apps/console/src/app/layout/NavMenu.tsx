import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../features/auth/hooks/useMe';
import { useT } from '../../i18n/useT';
import { isAllowed, MAIN_NAV, type NavItem, SETTINGS_ICON, SETTINGS_NAV } from '../navigation';

type MenuItem = Required<MenuProps>['items'][number];

const SETTINGS_KEY = 'settings';

/** The side menu: only modules in me.modules and settings pages the agent has permission for. */
export function NavMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const me = useCurrentMe();
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items = useMemo<MenuItem[]>(() => {
    const leaf = (item: NavItem): MenuItem => ({
      key: item.path,
      icon: item.icon,
      label: <span data-testid={item.testId}>{t(item.label)}</span>,
    });
    const main = MAIN_NAV.filter((item) => isAllowed(item, me)).map(leaf);
    const settings = SETTINGS_NAV.filter((item) => isAllowed(item, me)).map(leaf);
    if (settings.length === 0) return main;
    return [
      ...main,
      {
        key: SETTINGS_KEY,
        icon: SETTINGS_ICON,
        label: <span data-testid="nav-settings">{t('nav.settings')}</span>,
        children: settings,
      },
    ];
  }, [me, t]);

  const selected = [...MAIN_NAV, ...SETTINGS_NAV]
    .filter((item) => item.path === pathname || (item.path !== '/' && pathname.startsWith(`${item.path}/`)))
    .map((item) => item.path);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      defaultOpenKeys={collapsed ? [] : [SETTINGS_KEY]}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
