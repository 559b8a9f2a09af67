import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayCreate } from '../../../api/types';
import {
  createCalendarDay,
  deleteCalendarDay,
  importNationalHolidays,
  listCalendarDays,
} from '../api/hoursApi';
import { settingsKeys } from './settingsKeys';

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: settingsKeys.calendarDays(year), queryFn: () => listCalendarDays(year) });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['calendar-days'] }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.businessStatus }),
    ]);
}

export function useCreateCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (body: CalendarDayCreate) => createCalendarDay(body),
    onSuccess: invalidate,
  });
}

export function useImportNationalHolidays() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: (year: number) => importNationalHolidays(year), onSuccess: invalidate });
}

export function useDeleteCalendarDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: (id: number) => deleteCalendarDay(id), onSuccess: invalidate });
}
