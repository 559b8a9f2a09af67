import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShiftCreate, ShiftUpdate } from '../../../api/types';
import { createShift, deleteShift, listShifts, updateShift } from '../api/shiftsApi';
import { settingsKeys } from './settingsKeys';

export function useShifts() {
  return useQuery({ queryKey: settingsKeys.shifts, queryFn: listShifts });
}

function useInvalidateShifts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.shifts }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.schedule }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.onDuty }),
    ]);
}

export function useCreateShift() {
  const invalidate = useInvalidateShifts();
  return useMutation({ mutationFn: (body: ShiftCreate) => createShift(body), onSuccess: invalidate });
}

export function useUpdateShift() {
  const invalidate = useInvalidateShifts();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ShiftUpdate }) => updateShift(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteShift() {
  const invalidate = useInvalidateShifts();
  return useMutation({ mutationFn: (id: number) => deleteShift(id), onSuccess: invalidate });
}
