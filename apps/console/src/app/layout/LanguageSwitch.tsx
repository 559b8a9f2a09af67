import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { Lang } from '../../i18n/lang';
import { useT } from '../../i18n/useT';

const LABELS: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { lang, setLang } = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: (Object.keys(LABELS) as Lang[]).map((key) => ({
          key,
          label: <span data-testid={`lang-${key}`}>{LABELS[key]}</span>,
        })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label="Language">
        {compact ? null : LABELS[lang]}
      </Button>
    </Dropdown>
  );
}
