import { api } from '../../../api/client';
import type {
  BusinessHours,
  BusinessStatus,
  CalendarDay,
  CalendarDayCreate,
  ListOf,
} from '../../../api/types';

export function getBusinessHours(): Promise<BusinessHours> {
  return api.get<BusinessHours>('/business-hours');
}

export function saveBusinessHours(body: BusinessHours): Promise<BusinessHours> {
  return api.put<BusinessHours>('/business-hours', body);
}

export async function listCalendarDays(year: number): Promise<CalendarDay[]> {
  return (await api.get<ListOf<CalendarDay>>('/calendar-days', { year })).items;
}

/** Adds the State Council's holidays and make-up workdays of a year (skips those already there). */
export function importNationalHolidays(year: number) {
  return api.post<{ items: CalendarDay[]; created: number; skipped: number }>('/calendar-days/import', {
    year,
  });
}

export function createCalendarDay(body: CalendarDayCreate): Promise<CalendarDay> {
  return api.post<CalendarDay>('/calendar-days', body);
}

export function deleteCalendarDay(id: number): Promise<void> {
  return api.delete(`/calendar-days/${id}`);
}

export function getBusinessStatus(at?: string): Promise<BusinessStatus> {
  return api.get<BusinessStatus>('/business-status', { at });
}
