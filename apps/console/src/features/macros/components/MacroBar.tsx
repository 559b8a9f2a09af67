import { DownOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { MacroController } from '../hooks/useMacroController';

/** Buttons shown before the rest go into 更多宏. */
const SHOWN = 3;

/**
 * 用户触发 macros of a ticket form as buttons (a 更多宏 dropdown when there are many); a click fills
 * the form and the reply box, which are saved when the agent submits.
 */
export function MacroBar({ macros }: { macros: MacroController }) {
  const { t } = useT();
  if (macros.manual.length === 0) return null;
  const first = macros.manual.slice(0, SHOWN);
  const rest = macros.manual.slice(SHOWN);
  return (
    <Flex gap={8} align="center" wrap data-testid="macro-bar">
      <Typography.Text type="secondary">
        <ThunderboltOutlined /> {t('macros.bar')}
      </Typography.Text>
      {first.map((m) => (
        <Button
          key={m.id}
          size="small"
          title={m.description || undefined}
          disabled={macros.running}
          onClick={() => macros.run(m)}
          data-testid={`macro-run-${m.title}`}
        >
          {m.title}
        </Button>
      ))}
      {rest.length > 0 && (
        <Dropdown
          menu={{
            items: rest.map((m) => ({
              key: String(m.id),
              label: m.title,
              title: m.description || undefined,
            })),
            onClick: ({ key }) => {
              const m = rest.find((x) => String(x.id) === key);
              if (m) macros.run(m);
            },
          }}
          disabled={macros.running}
        >
          <Button size="small" data-testid="macro-more">
            {t('macros.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Flex>
  );
}
