import { Col, Flex, Grid, type InputRef, Row } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { LoadMore } from '../../customers/components/LoadMore';
import { useTicketColumns } from '../hooks/useTicketColumns';
import { useTicketEvents } from '../hooks/useTicketEvents';
import { useTicketGroups } from '../hooks/useTicketGroups';
import { useTicketShortcuts } from '../hooks/useTicketShortcuts';
import { useTicketList } from '../hooks/useTickets';
import { useTicketViewCounts, useTicketViewGroups, useTicketViews } from '../hooks/useTicketViews';
import { useWorkspaceParams } from '../hooks/useWorkspaceParams';
import type { Ticket, TicketListFilter, TicketView } from '../types/ticketTypes';
import { rememberListUrl, rememberTicketOrder } from '../utils/ticketNavigation';
import { BatchEditModal } from './BatchEditModal';
import { CreateTicketDrawer } from './CreateTicketDrawer';
import { ShortcutHelpModal } from './ShortcutHelpModal';
import { TicketCardList } from './TicketCardList';
import { TicketGroupFilter } from './TicketGroupFilter';
import { TicketListToolbar } from './TicketListToolbar';
import { TicketTable } from './TicketTable';
import { TicketViewSelect } from './TicketViewSelect';
import { TicketViewSidebar } from './TicketViewSidebar';

type ViewChoice = Pick<TicketView, 'id' | 'name' | 'category' | 'columns' | 'groupBy'>;

/**
 * 工单工作台 (manual 5.2.1): views with live counts, the view's tickets with its columns and
 * grouping, search, batch edit, import/export and create. j/k move, Enter opens, c creates, ? helps.
 */
export function TicketsPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const mobile = Grid.useBreakpoint().md === false;
  const { viewId, q, group, update } = useWorkspaceParams();
  useTicketEvents();
  const views = useTicketViews();
  const counts = useTicketViewCounts(Boolean(views.data?.length));
  // Until the views API answers (or where it is missing) the list shows every visible ticket.
  const choices = useMemo<ViewChoice[]>(
    () =>
      views.data?.length
        ? views.data
        : [{ id: '', name: t('tickets.views.all'), category: null, columns: [], groupBy: null }],
    [views.data, t],
  );
  const view = choices.find((v) => v.id === viewId) ?? choices[0]!;
  const grouped = Boolean(view.id && view.groupBy);
  const filter: TicketListFilter = {
    viewId: view.id || undefined,
    viewGroup: grouped ? group : undefined,
    q: q || undefined,
  };
  const list = useTicketList(filter, !views.isLoading);
  const serverGroups = useTicketViewGroups(view.id || undefined, grouped);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // Within one chosen group the list needs no headings.
  const groups = useTicketGroups(
    rows,
    filter.viewGroup === undefined ? view.groupBy : null,
    serverGroups.data,
  );
  const ordered = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  const columns = useTicketColumns(view.columns);

  const [activeId, setActiveId] = useState<number | null>(null);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'create' | 'batch' | 'help' | null>(null);
  const searchRef = useRef<InputRef>(null);

  // The detail page's j/k and Esc follow this list.
  useEffect(() => {
    rememberTicketOrder(ordered.map((r) => r.id));
    rememberListUrl(`${location.pathname}${location.search}`);
  }, [ordered, location.pathname, location.search]);

  // Keep the highlighted row on a ticket that is still listed (first one by default).
  const activeIndex = ordered.findIndex((r) => r.id === activeId);
  useEffect(() => {
    if (activeIndex === -1 && ordered.length) setActiveId(ordered[0]!.id);
  }, [activeIndex, ordered]);

  const open = (ticket: Ticket) => navigate(`/tickets/${ticket.id}`);
  const move = (step: number) => {
    const next = ordered[Math.min(Math.max(activeIndex + step, 0), ordered.length - 1)];
    if (next) setActiveId(next.id);
  };
  useTicketShortcuts(
    {
      j: () => move(1),
      k: () => move(-1),
      open: () => {
        const current = ordered[activeIndex];
        if (current) open(current);
      },
      x: () => {
        if (activeId === null) return;
        setSelectedIds((ids) =>
          ids.includes(activeId) ? ids.filter((id) => id !== activeId) : [...ids, activeId],
        );
      },
      c: () => setDialog('create'),
      '/': () => searchRef.current?.focus(),
      '?': () => setDialog('help'),
    },
    dialog === null,
  );

  const pickView = (id: string) => {
    // Leave the keyboard to the list (the menu would take Enter for itself).
    (document.activeElement as HTMLElement | null)?.blur();
    setSelectedIds([]);
    setActiveId(null);
    update({ view: id, q: undefined, group: undefined });
  };

  const listBody = mobile ? (
    <TicketCardList
      groups={groups}
      activeId={activeId}
      selectedIds={selectedIds}
      onSelect={setSelectedIds}
      onOpen={open}
      loading={list.isLoading}
    />
  ) : (
    <TicketTable
      groups={groups}
      columns={columns}
      activeId={activeId}
      selectedIds={selectedIds}
      onSelect={setSelectedIds}
      onActivate={setActiveId}
      onOpen={open}
      loading={list.isFetching && !list.isFetchingNextPage}
    />
  );

  return (
    <Row gutter={[16, 12]} wrap={mobile}>
      {!mobile && (
        <Col flex="220px">
          <TicketViewSidebar views={choices} activeId={view.id} counts={counts.data} onPick={pickView} />
        </Col>
      )}
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Flex vertical gap={12}>
          {mobile && (
            <TicketViewSelect views={choices} activeId={view.id} counts={counts.data} onPick={pickView} />
          )}
          {grouped && Boolean(serverGroups.data?.length) && (
            <TicketGroupFilter
              groups={serverGroups.data ?? []}
              value={filter.viewGroup}
              onChange={(next) => {
                setSelectedIds([]);
                update({ group: next });
              }}
            />
          )}
          <TicketListToolbar
            q={q}
            onSearch={(next) => update({ q: next })}
            searchRef={searchRef}
            filter={filter}
            selectedIds={selectedIds}
            onClearSelection={() => setSelectedIds([])}
            onBatchEdit={() => setDialog('batch')}
            onCreate={() => setDialog('create')}
            onHelp={() => setDialog('help')}
            mobile={mobile}
          />
          <div data-testid="ticket-list">{listBody}</div>
          <LoadMore
            shown={rows.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onLoad={() => void list.fetchNextPage()}
          />
        </Flex>
      </Col>
      <CreateTicketDrawer open={dialog === 'create'} onClose={() => setDialog(null)} />
      <BatchEditModal
        open={dialog === 'batch'}
        tickets={rows.filter((r) => selectedIds.includes(r.id))}
        onClose={() => setDialog(null)}
        onDone={() => setSelectedIds([])}
      />
      <ShortcutHelpModal open={dialog === 'help'} onClose={() => setDialog(null)} />
    </Row>
  );
}
