import dayjs, { type Dayjs } from 'dayjs';

/** 'HH:mm' → a Dayjs today at that time ('24:00' shows as 23:59, the last pickable minute). */
export function clockToDayjs(hhmm: string): Dayjs {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (h === 24) return dayjs().startOf('day').hour(23).minute(59);
  return dayjs().startOf('day').hour(h).minute(m);
}

export function dayjsToClock(value: Dayjs): string {
  return value.format('HH:mm');
}

/** The end of a range: 23:59 means "until midnight" and is stored as 24:00. */
export function dayjsToEndClock(value: Dayjs): string {
  const text = dayjsToClock(value);
  return text === '23:59' ? '24:00' : text;
}
