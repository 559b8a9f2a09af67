import { CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Popconfirm } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ScheduleSet } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import type { DirectoryAgent } from '../../org/api/agentsApi';
import { getSchedule } from '../api/shiftsApi';
import { DATE_FORMAT, weekStart } from './week';

type Cell = ScheduleSet['entries'][number];
const MAX_ENTRIES = 2000;

interface Props {
  monday: Dayjs;
  onChange: (monday: Dayjs) => void;
  agents: DirectoryAgent[];
  dates: string[];
  saveCells: (cells: Cell[]) => Promise<unknown>;
}

/** Week navigation and "copy last week" for the roster. */
export function RosterToolbar({ monday, onChange, agents, dates, saveCells }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [copying, setCopying] = useState(false);

  const copyLastWeek = async () => {
    setCopying(true);
    try {
      const prev = monday.subtract(7, 'day');
      const entries = await getSchedule({
        from: prev.format(DATE_FORMAT),
        to: prev.add(6, 'day').format(DATE_FORMAT),
      });
      const last = new Map(entries.map((e) => [`${e.agentId}/${e.date}`, e.shiftId]));
      const cells: Cell[] = agents.flatMap((agent) =>
        dates.map((date) => {
          const before = dayjs(date).subtract(7, 'day').format(DATE_FORMAT);
          return { agentId: agent.id, date, shiftId: last.get(`${agent.id}/${before}`) ?? null };
        }),
      );
      for (let i = 0; i < cells.length; i += MAX_ENTRIES) {
        await saveCells(cells.slice(i, i + MAX_ENTRIES));
      }
      message.success(t('shifts.copied'));
    } catch (e) {
      showError(e);
    } finally {
      setCopying(false);
    }
  };

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Button
        icon={<LeftOutlined />}
        onClick={() => onChange(monday.subtract(7, 'day'))}
        data-testid="roster-prev-week"
        aria-label={t('shifts.prevWeek')}
      />
      <DatePicker
        picker="week"
        allowClear={false}
        value={monday}
        onChange={(value) => value && onChange(weekStart(value))}
        format={(value) =>
          `${weekStart(value).format('MM-DD')} ~ ${weekStart(value).add(6, 'day').format('MM-DD')}`
        }
        style={{ width: 150 }}
      />
      <Button
        icon={<RightOutlined />}
        onClick={() => onChange(monday.add(7, 'day'))}
        data-testid="roster-next-week"
        aria-label={t('shifts.nextWeek')}
      />
      <Button onClick={() => onChange(weekStart(dayjs()))} data-testid="roster-this-week">
        {t('shifts.thisWeek')}
      </Button>
      <Popconfirm title={t('shifts.copyConfirm')} onConfirm={copyLastWeek} disabled={agents.length === 0}>
        <Button icon={<CopyOutlined />} loading={copying} disabled={agents.length === 0}>
          {t('shifts.copyLastWeek')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
