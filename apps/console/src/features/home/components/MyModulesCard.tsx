import { Card, Empty, Flex, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { MAIN_NAV } from '../../../app/navigation';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { GRANT_ICONS } from '../../org/components/GrantIcons';

/** The modules this agent may use (granted and switched on), each linking to its page. */
export function MyModulesCard() {
  const me = useCurrentMe();
  const { t } = useT();
  const modules = MAIN_NAV.filter((item) => item.module && me.modules.includes(item.module));

  return (
    <Card title={t('home.myModules')} size="small">
      {modules.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noModules')} />
      ) : (
        <Flex wrap gap={8} data-testid="home-modules">
          {modules.map((item) =>
            item.module ? (
              <Link key={item.path} to={item.path}>
                <Tag
                  icon={GRANT_ICONS[item.module].icon}
                  color={GRANT_ICONS[item.module].color}
                  style={{ padding: '4px 10px', fontSize: 14 }}
                >
                  {t(`module.${item.module}`)}
                </Tag>
              </Link>
            ) : null,
          )}
        </Flex>
      )}
    </Card>
  );
}
