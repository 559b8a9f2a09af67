import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { DATE_FORMAT, isoWeekday } from './week';

export function RosterDayHeader({ date }: { date: string }) {
  const { t } = useT();
  const day = dayjs(date);
  const today = date === dayjs().format(DATE_FORMAT);
  const weekend = isoWeekday(day) >= 6;
  return (
    <Flex vertical align="center" style={{ lineHeight: 1.3 }}>
      <Typography.Text strong type={weekend ? 'warning' : undefined}>
        {t(`weekday.${isoWeekday(day)}`)}
      </Typography.Text>
      <Typography.Text
        type={today ? undefined : 'secondary'}
        style={{ fontSize: 12, color: today ? '#1677ff' : undefined }}
      >
        {day.format('MM-DD')}
        {today ? ` · ${t('shifts.today')}` : ''}
      </Typography.Text>
    </Flex>
  );
}
