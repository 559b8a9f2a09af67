/** The vendor's calendar date (YYYY-MM-DD) now, the day service status is counted from. */
export function vendorToday(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from `today` to `end`, the last day of service (negative once past), like the server counts. */
export function daysLeft(end: string | null, today: string): number | null {
  if (!end) return null;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
