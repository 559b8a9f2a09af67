import { Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { ShiftTag } from '../../settings/components/ShiftTag';
import { DATE_FORMAT, isoWeekday, weekDates, weekStart } from '../../settings/components/week';
import { useSchedule } from '../../settings/hooks/useSchedule';
import { useShifts } from '../../settings/hooks/useShifts';

/** 我的班次: my shifts of the current week, for every agent (manual 2.10.4). */
export function MyShiftsCard() {
  const me = useCurrentMe();
  const { t } = useT();
  const days = weekDates(weekStart(dayjs()));
  const from = days[0]?.format(DATE_FORMAT) ?? '';
  const to = days[6]?.format(DATE_FORMAT) ?? '';
  const { data: entries = [], isLoading } = useSchedule({ from, to, agentId: me.agent.id });
  const { data: shifts = [] } = useShifts();
  const today = dayjs().format(DATE_FORMAT);

  return (
    <Card title={t('home.myShifts')} size="small" loading={isLoading} data-testid="home-shifts">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(84px, 1fr))', gap: 8 }}>
        {days.map((day) => {
          const date = day.format(DATE_FORMAT);
          const entry = entries.find((e) => e.date === date && e.agentId === me.agent.id);
          const shift = entry && shifts.find((s) => s.id === entry.shiftId);
          return (
            <Flex
              key={date}
              vertical
              gap={4}
              style={{
                padding: 8,
                borderRadius: 8,
                border: `1px solid ${date === today ? '#1677ff' : '#f0f0f0'}`,
                minHeight: 64,
              }}
            >
              <Flex justify="space-between" align="baseline" gap={4} wrap>
                <Typography.Text strong>{t(`weekday.${isoWeekday(day)}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {day.format('MM-DD')}
                </Typography.Text>
              </Flex>
              {shift ? (
                <ShiftTag shift={shift} wrap />
              ) : entry ? (
                <Typography.Text>{`#${entry.shiftId}`}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('shifts.rest')}</Typography.Text>
              )}
            </Flex>
          );
        })}
      </div>
    </Card>
  );
}
