import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScheduleEntry, ScheduleSet } from '../../../api/types';
import { getOnDuty, getSchedule, type ScheduleRange, setSchedule } from '../api/shiftsApi';
import { settingsKeys } from './settingsKeys';

export function useSchedule(range: ScheduleRange, enabled = true) {
  return useQuery({
    queryKey: settingsKeys.scheduleRange(range),
    queryFn: () => getSchedule(range),
    enabled,
  });
}

type Cell = ScheduleSet['entries'][number];

function applyCells(entries: ScheduleEntry[], cells: Cell[]): ScheduleEntry[] {
  const key = (e: { agentId: number; date: string }) => `${e.agentId}/${e.date}`;
  const changed = new Map(cells.map((c) => [key(c), c]));
  const kept = entries.filter((e) => !changed.has(key(e)));
  const added = cells.flatMap((c) => (c.shiftId === null ? [] : [{ ...c, shiftId: c.shiftId }]));
  return [...kept, ...added];
}

/** Saves roster cells; the visible week shows the change immediately and rolls back on failure. */
export function useSetSchedule(range: ScheduleRange) {
  const queryClient = useQueryClient();
  const key = settingsKeys.scheduleRange(range);
  return useMutation({
    mutationFn: (entries: Cell[]) => setSchedule({ entries }),
    onMutate: async (entries) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ScheduleEntry[]>(key);
      queryClient.setQueryData<ScheduleEntry[]>(key, (current) => applyCells(current ?? [], entries));
      return { previous };
    },
    onError: (_error, _entries, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKeys.schedule }),
        queryClient.invalidateQueries({ queryKey: settingsKeys.onDuty }),
      ]),
  });
}

/** Who is on shift right now; refreshed every minute. */
export function useOnDuty() {
  return useQuery({ queryKey: settingsKeys.onDuty, queryFn: getOnDuty, refetchInterval: 60_000 });
}
