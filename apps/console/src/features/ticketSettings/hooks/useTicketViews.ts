import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ticketKeys } from '../../tickets/hooks/ticketKeys';
import {
  createTicketView,
  deleteTicketView,
  getTicketViewOptions,
  listTicketQueryFields,
  listTicketViews,
  orderTicketViews,
  resetTicketView,
  updateTicketView,
} from '../api/ticketViewsApi';
import type { TicketView, TicketViewCreate, TicketViewUpdate } from '../types/ticketSettingsTypes';
import { ticketSettingsKeys } from './ticketSettingsKeys';

export function useTicketViews() {
  return useQuery({ queryKey: ticketSettingsKeys.views, queryFn: listTicketViews });
}

export function useTicketQueryFields(enabled = true) {
  return useQuery({
    queryKey: ticketSettingsKeys.queryFields,
    queryFn: listTicketQueryFields,
    staleTime: 60_000,
    enabled,
  });
}

export function useTicketViewOptions(enabled = true) {
  return useQuery({
    queryKey: ticketSettingsKeys.viewOptions,
    queryFn: getTicketViewOptions,
    staleTime: 60_000,
    enabled,
  });
}

// The ticket workspace keeps its own copy of the sidebar views and their counts.
function useInvalidateViews() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketSettingsKeys.views }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.views }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.counts }),
    ]);
}

export function useCreateTicketView() {
  const invalidate = useInvalidateViews();
  return useMutation({
    mutationFn: (body: TicketViewCreate) => createTicketView(body),
    onSuccess: invalidate,
  });
}

export function useUpdateTicketView() {
  const invalidate = useInvalidateViews();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TicketViewUpdate }) => updateTicketView(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTicketView() {
  const invalidate = useInvalidateViews();
  return useMutation({ mutationFn: (id: string) => deleteTicketView(id), onSuccess: invalidate });
}

/** Up/down or drag: the cache takes the new order at once so rows do not jump back while saving. */
export function useOrderTicketViews() {
  const queryClient = useQueryClient();
  const key = ticketSettingsKeys.views;
  return useMutation({
    mutationFn: (orderedIds: string[]) => orderTicketViews(orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TicketView[]>(key);
      queryClient.setQueryData<TicketView[]>(key, (views) =>
        views
          ?.map((v) => ({ ...v, sortOrder: orderedIds.indexOf(v.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.views }),
      ]),
  });
}

export function useResetTicketView() {
  const invalidate = useInvalidateViews();
  return useMutation({ mutationFn: (id: string) => resetTicketView(id), onSuccess: invalidate });
}
