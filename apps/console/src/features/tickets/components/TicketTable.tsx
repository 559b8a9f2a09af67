import { Badge, Flex, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useT } from '../../../i18n/useT';
import type { TicketGroup } from '../hooks/useTicketGroups';
import type { Ticket } from '../types/ticketTypes';

interface Props {
  groups: TicketGroup[];
  columns: ColumnsType<Ticket>;
  activeId: number | null;
  selectedIds: number[];
  onSelect: (ids: number[]) => void;
  onActivate: (id: number) => void;
  onOpen: (ticket: Ticket) => void;
  loading: boolean;
}

/**
 * The desktop list: one table per group of a grouped view (a heading with its count), the
 * keyboard's current row highlighted and kept in view, checkboxes for 批量编辑.
 */
export function TicketTable({
  groups,
  columns,
  activeId,
  selectedIds,
  onSelect,
  onActivate,
  onOpen,
  loading,
}: Props) {
  const { t } = useT();
  const { token } = theme.useToken();

  useEffect(() => {
    if (activeId === null) return;
    document.querySelector(`[data-testid="ticket-row-${activeId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <Flex vertical gap={12}>
      {groups.map((group, index) => {
        const ids = new Set(group.rows.map((r) => r.id));
        return (
          <div
            key={group.key || 'all'}
            data-testid={group.label ? `ticket-group-${group.key || 'none'}` : undefined}
          >
            {group.label && (
              <Flex align="center" gap={8} style={{ padding: '4px 8px' }}>
                <Typography.Text strong>{group.label}</Typography.Text>
                <Badge count={group.count} showZero color={token.colorTextQuaternary} overflowCount={9999} />
              </Flex>
            )}
            <Table<Ticket>
              size="small"
              rowKey="id"
              tableLayout="fixed"
              showHeader={index === 0}
              loading={loading && index === 0}
              pagination={false}
              columns={columns}
              dataSource={group.rows}
              locale={{ emptyText: t('tickets.empty') }}
              rowSelection={{
                selectedRowKeys: selectedIds.filter((id) => ids.has(id)),
                onChange: (keys) =>
                  onSelect([...selectedIds.filter((id) => !ids.has(id)), ...keys.map(Number)]),
                columnWidth: 40,
              }}
              onRow={(r) =>
                ({
                  'data-testid': `ticket-row-${r.id}`,
                  'data-active': r.id === activeId ? 'true' : undefined,
                  style: {
                    cursor: 'pointer',
                    background: r.id === activeId ? token.colorPrimaryBg : undefined,
                  },
                  onClick: (e: React.MouseEvent) => {
                    const target = e.target as HTMLElement;
                    if (target.closest('a, .ant-checkbox-wrapper, .ant-table-selection-column')) return;
                    onActivate(r.id);
                  },
                  onDoubleClick: () => onOpen(r),
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </div>
        );
      })}
    </Flex>
  );
}
