import type { Translate } from '../../../i18n/context';

/** 1 天 2 小时 / 3 小时 20 分钟 / 5 分钟: the two largest units, for time spent in a node. */
export function formatMinutes(total: number, t: Translate): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = [
    days ? t('workflows.duration.days', { n: days }) : null,
    hours ? t('workflows.duration.hours', { n: hours }) : null,
    minutes || total === 0 ? t('workflows.duration.minutes', { n: minutes }) : null,
  ].filter(Boolean);
  return parts.slice(0, 2).join(' ');
}
