import type { Translate } from '../../../i18n/context';

/** 1天2小时 / 3小时20分钟 / 45分钟: the two largest units of a span of minutes (sign ignored). */
export function formatMinutes(total: number, t: Translate): string {
  const minutes = Math.floor(Math.abs(total));
  if (minutes < 1) return t('sla.duration.lessThanMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('sla.duration.days', { n: days }));
  if (hours) parts.push(t('sla.duration.hours', { n: hours }));
  if (rest && !days) parts.push(t('sla.duration.minutes', { n: rest }));
  return parts.slice(0, 2).join(' ');
}
