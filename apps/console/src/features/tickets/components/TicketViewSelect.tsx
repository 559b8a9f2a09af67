import { Select } from 'antd';
import type { TicketView } from '../types/ticketTypes';

interface Props {
  views: Pick<TicketView, 'id' | 'name'>[];
  activeId: string;
  counts: Record<string, number> | undefined;
  onPick: (id: string) => void;
}

/** The views as one dropdown on phones, where there is no room for the sidebar. */
export function TicketViewSelect({ views, activeId, counts, onPick }: Props) {
  return (
    <Select
      value={activeId}
      onChange={onPick}
      options={views.map((v) => ({
        value: v.id,
        label: counts?.[v.id] === undefined ? v.name : `${v.name}（${counts[v.id]}）`,
      }))}
      style={{ width: '100%' }}
      data-testid="ticket-view-select"
    />
  );
}
