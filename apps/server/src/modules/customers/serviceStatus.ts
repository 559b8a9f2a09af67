import type { ServiceStatus } from '@yidan/contracts';

/** Whole days from `today` to `end` (both YYYY-MM-DD); negative once past. */
export function daysBetween(today: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * A company's entitlement on the vendor's calendar date `today`: no end date → none; the end
 * date is the last day of service; within `expiringDays` of it → expiring.
 */
export function serviceStatus(serviceEnd: string | null, today: string, expiringDays: number): ServiceStatus {
  if (!serviceEnd) return 'none';
  const left = daysBetween(today, serviceEnd);
  if (left < 0) return 'expired';
  return left <= expiringDays ? 'expiring' : 'active';
}
