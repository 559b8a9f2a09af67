import { Badge, Card, Flex, Menu, Typography, theme } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useT } from '../../../i18n/useT';
import type { TicketView } from '../types/ticketTypes';

interface Props {
  views: Pick<TicketView, 'id' | 'name' | 'category'>[];
  activeId: string;
  counts: Record<string, number> | undefined;
  onPick: (id: string) => void;
}

/** 工单视图: the agent's views by category, each with its live count. */
export function TicketViewSidebar({ views, activeId, counts, onPick }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const categories = [...new Set(views.map((v) => v.category ?? ''))];
  const item = (v: Props['views'][number]): ItemType => ({
    key: v.id,
    label: (
      <Flex justify="space-between" align="center" gap={8} data-testid={`ticket-view-${v.id || 'all'}`}>
        <Typography.Text ellipsis style={{ color: 'inherit' }}>
          {v.name}
        </Typography.Text>
        {counts?.[v.id] !== undefined && (
          <Badge
            count={counts[v.id]}
            showZero
            overflowCount={9999}
            color={v.id === activeId ? token.colorPrimary : token.colorTextQuaternary}
            data-testid={`ticket-view-count-${v.id}`}
          />
        )}
      </Flex>
    ),
  });
  const items: ItemType[] =
    categories.length <= 1
      ? views.map(item)
      : categories.map((category) => ({
          type: 'group' as const,
          key: `category:${category}`,
          label: category || t('tickets.views.uncategorised'),
          children: views.filter((v) => (v.category ?? '') === category).map(item),
        }));

  return (
    <Card size="small" title={t('tickets.views.title')} styles={{ body: { padding: 4 } }}>
      <Menu
        mode="inline"
        selectedKeys={[activeId]}
        onClick={({ key }) => onPick(String(key))}
        items={items}
        style={{ borderInlineEnd: 'none' }}
        data-testid="ticket-views"
      />
    </Card>
  );
}
