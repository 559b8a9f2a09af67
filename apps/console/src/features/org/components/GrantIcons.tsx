import { FileTextOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { MODULE_GRANTS, type ModuleGrant } from '@yidan/contracts';
import { Flex, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';

export const GRANT_ICONS: Record<ModuleGrant, { icon: ReactNode; color: string }> = {
  chat: { icon: <MessageOutlined />, color: '#1677ff' },
  ticket: { icon: <FileTextOutlined />, color: '#52c41a' },
  call: { icon: <PhoneOutlined />, color: '#fa8c16' },
};

const GREY = '#d9d9d9';

/** The three module grants as icons, coloured when granted and grey when not (manual 2.10.1). */
export function GrantIcons({ grants }: { grants: readonly ModuleGrant[] }) {
  const { t } = useT();
  return (
    <Flex gap={10} style={{ fontSize: 18 }}>
      {MODULE_GRANTS.map((grant) => {
        const granted = grants.includes(grant);
        return (
          <Tooltip
            key={grant}
            title={`${t(`module.${grant}`)}: ${granted ? t('agents.granted') : t('agents.notGranted')}`}
          >
            <span
              data-testid={`grant-${grant}`}
              data-granted={granted}
              style={{ color: granted ? GRANT_ICONS[grant].color : GREY }}
            >
              {GRANT_ICONS[grant].icon}
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
