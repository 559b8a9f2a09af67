import { App, Button, Card, Form, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { BusinessHours } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useBusinessHours, useSaveBusinessHours } from '../hooks/useBusinessHours';
import { clockToDayjs, dayjsToClock, dayjsToEndClock } from './clockTime';
import { type Weekday, WeekdayRanges } from './WeekdayRanges';

export interface WeeklyValues {
  weekly: { ranges: ([Dayjs, Dayjs] | null)[] }[];
}

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

function toValues(hours: BusinessHours): WeeklyValues {
  return {
    weekly: WEEKDAYS.map((weekday) => ({
      ranges: (hours.weekly.find((d) => d.weekday === weekday)?.ranges ?? []).map(
        (r) => [clockToDayjs(r.start), clockToDayjs(r.end)] as [Dayjs, Dayjs],
      ),
    })),
  };
}

function toBody(values: WeeklyValues): BusinessHours {
  return {
    // onFinish only returns registered fields, so the weekday comes from the row's position.
    weekly: values.weekly.map((day, index) => ({
      weekday: index + 1,
      ranges: day.ranges
        .filter((r): r is [Dayjs, Dayjs] => Boolean(r))
        .map(([start, end]) => ({ start: dayjsToClock(start), end: dayjsToEndClock(end) })),
    })),
  };
}

/** Weekly business hours: per weekday a list of HH:mm ranges (indexes match the server's field paths). */
export function WeeklyHoursCard() {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<WeeklyValues>();
  const { data: hours, isLoading } = useBusinessHours();
  const save = useSaveBusinessHours();
  const showError = useApiError();

  useEffect(() => {
    if (hours) form.setFieldsValue(toValues(hours));
  }, [hours, form]);

  const copyMondayToWeekdays = () => {
    const monday = form.getFieldValue(['weekly', 0, 'ranges']) as WeeklyValues['weekly'][number]['ranges'];
    for (const index of [1, 2, 3, 4]) form.setFieldValue(['weekly', index, 'ranges'], [...monday]);
  };

  return (
    <Card
      title={t('hours.weekly')}
      extra={
        <Button size="small" onClick={copyMondayToWeekdays}>
          {t('hours.copyMonday')}
        </Button>
      }
    >
      {isLoading ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          onFinish={(values) =>
            save.mutate(toBody(values), {
              onSuccess: () => message.success(t('common.saved')),
              onError: (e) => showError(e, form),
            })
          }
          initialValues={toValues({ weekly: [] })}
        >
          {WEEKDAYS.map((weekday, index) => (
            <WeekdayRanges key={weekday} index={index} weekday={weekday} />
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="hours-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
