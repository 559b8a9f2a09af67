import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  addTicketRecord,
  batchUpdateTickets,
  commentOnTicket,
  createTicket,
  deleteTicket,
  getTicket,
  listTickets,
  mergeTicket,
  splitTicket,
  updateTicket,
} from '../api/ticketsApi';
import type {
  RecordCreate,
  Ticket,
  TicketBatchUpdate,
  TicketComment,
  TicketCreate,
  TicketListFilter,
  TicketMerge,
  TicketSplit,
  TicketUpdate,
} from '../types/ticketTypes';
import { ticketKeys } from './ticketKeys';
import { useInvalidateTickets } from './useInvalidateTickets';

/** A view's (or a customer's) tickets, page by page (cursor). */
export function useTicketList(filter: TicketListFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filter),
    queryFn: ({ pageParam }) => listTickets(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTicket(id: number | null | undefined) {
  return useQuery({
    queryKey: ticketKeys.detail(id ?? 0),
    queryFn: () => getTicket(id!),
    enabled: Boolean(id),
  });
}

/** Writes that answer with the ticket put it in the cache at once, then everything else refreshes. */
function useTicketWrite<V>(write: (vars: V) => Promise<Ticket>) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: write,
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void invalidate();
    },
  });
}

export function useCreateTicket() {
  return useTicketWrite((body: TicketCreate) => createTicket(body));
}

export function useUpdateTicket() {
  return useTicketWrite(({ id, body }: { id: number; body: TicketUpdate }) => updateTicket(id, body));
}

export function useCommentOnTicket() {
  return useTicketWrite(({ id, body }: { id: number; body: TicketComment }) => commentOnTicket(id, body));
}

export function useDeleteTicket() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (id: number) => deleteTicket(id),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: ticketKeys.detail(id) });
      void invalidate();
    },
  });
}

export function useMergeTicket() {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TicketMerge }) => mergeTicket(id, body),
    onSuccess: () => invalidate(),
  });
}

export function useSplitTicket() {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TicketSplit }) => splitTicket(id, body),
    onSuccess: () => invalidate(),
  });
}

export function useBatchUpdateTickets() {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: TicketBatchUpdate) => batchUpdateTickets(body),
    onSuccess: () => invalidate(),
  });
}

/** 记录服务: attaches a service record; the timeline and the customer's records show it. */
export function useAddTicketRecord() {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RecordCreate }) => addTicketRecord(id, body),
    onSuccess: () => invalidate(),
  });
}
