import type { ScheduleRange } from '../api/shiftsApi';

export const settingsKeys = {
  vendor: ['vendor'] as const,
  features: ['features'] as const,
  businessHours: ['business-hours'] as const,
  businessStatus: ['business-status'] as const,
  calendarDays: (year: number) => ['calendar-days', year] as const,
  shifts: ['shifts'] as const,
  schedule: ['schedule'] as const,
  scheduleRange: (range: ScheduleRange) => ['schedule', range] as const,
  onDuty: ['on-duty'] as const,
};
