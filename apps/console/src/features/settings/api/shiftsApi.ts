import { api } from '../../../api/client';
import type {
  ListOf,
  OnDuty,
  ScheduleEntry,
  ScheduleSet,
  Shift,
  ShiftCreate,
  ShiftUpdate,
} from '../../../api/types';

export async function listShifts(): Promise<Shift[]> {
  return (await api.get<ListOf<Shift>>('/shifts')).items;
}

export function createShift(body: ShiftCreate): Promise<Shift> {
  return api.post<Shift>('/shifts', body);
}

export function updateShift(id: number, body: ShiftUpdate): Promise<Shift> {
  return api.patch<Shift>(`/shifts/${id}`, body);
}

export function deleteShift(id: number): Promise<void> {
  return api.delete(`/shifts/${id}`);
}

export interface ScheduleRange {
  from: string;
  to: string;
  agentId?: number;
}

export async function getSchedule(range: ScheduleRange): Promise<ScheduleEntry[]> {
  return (await api.get<ListOf<ScheduleEntry>>('/schedule', { ...range })).items;
}

/** Sets cells of the roster; `shiftId: null` clears a cell (休息). */
export async function setSchedule(body: ScheduleSet): Promise<ScheduleEntry[]> {
  return (await api.put<ListOf<ScheduleEntry>>('/schedule', body)).items;
}

export function getOnDuty(): Promise<OnDuty> {
  return api.get<OnDuty>('/on-duty');
}
