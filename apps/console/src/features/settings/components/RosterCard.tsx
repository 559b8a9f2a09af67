import { Card, Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import type { DirectoryAgent } from '../../org/api/agentsApi';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useSchedule, useSetSchedule } from '../hooks/useSchedule';
import { useShifts } from '../hooks/useShifts';
import { RosterCell } from './RosterCell';
import { RosterDayHeader } from './RosterDayHeader';
import { RosterToolbar } from './RosterToolbar';
import { DATE_FORMAT, weekDates, weekStart } from './week';

const AGENT_WIDTH = 110;
const DAY_WIDTH = 116;

/** The roster grid: one row per enabled agent, one column per day of the chosen week. */
export function RosterCard() {
  const { t } = useT();
  const [monday, setMonday] = useState(() => weekStart(dayjs()));
  const dates = useMemo(() => weekDates(monday).map((d) => d.format(DATE_FORMAT)), [monday]);
  const range = { from: dates[0] ?? '', to: dates[6] ?? '' };
  const directory = useAgentDirectory();
  const agents = useMemo(() => (directory.data ?? []).filter((a) => a.enabled), [directory.data]);
  const agentsLoading = directory.isLoading;
  const { data: shifts = [] } = useShifts();
  const schedule = useSchedule(range);
  const save = useSetSchedule(range);
  const showError = useApiError();

  const cell = useMemo(() => {
    const map = new Map<string, number>();
    for (const e of schedule.data ?? []) map.set(`${e.agentId}/${e.date}`, e.shiftId);
    return map;
  }, [schedule.data]);

  const columns: TableProps<DirectoryAgent>['columns'] = [
    {
      title: t('shifts.agent'),
      dataIndex: 'name',
      fixed: 'left',
      width: AGENT_WIDTH,
      render: (name: string) => <Typography.Text ellipsis>{name}</Typography.Text>,
    },
    ...dates.map((date) => ({
      key: date,
      title: <RosterDayHeader date={date} />,
      width: DAY_WIDTH,
      render: (_: unknown, agent: DirectoryAgent) => (
        <RosterCell
          agentId={agent.id}
          date={date}
          shiftId={cell.get(`${agent.id}/${date}`) ?? null}
          shifts={shifts}
          onChange={(shiftId) =>
            save.mutate([{ agentId: agent.id, date, shiftId }], { onError: (e) => showError(e) })
          }
        />
      ),
    })),
  ];

  return (
    <Card title={t('shifts.roster')}>
      <RosterToolbar
        monday={monday}
        onChange={setMonday}
        agents={agents}
        dates={dates}
        saveCells={save.mutateAsync}
      />
      <Table<DirectoryAgent>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={agents}
        loading={agentsLoading || schedule.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: AGENT_WIDTH + 7 * DAY_WIDTH }}
        data-testid="roster"
      />
    </Card>
  );
}
