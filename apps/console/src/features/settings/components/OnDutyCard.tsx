import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useOnDuty } from '../hooks/useSchedule';
import { useShifts } from '../hooks/useShifts';

/** 当前在岗: agents whose shift covers the current moment. */
export function OnDutyCard() {
  const { t } = useT();
  const { data, isLoading } = useOnDuty();
  const { data: shifts = [] } = useShifts();
  const color = new Map(shifts.map((s) => [s.id, s.color]));

  return (
    <Card
      title={t('shifts.onDuty')}
      extra={data && <Typography.Text type="secondary">{data.agents.length}</Typography.Text>}
    >
      {isLoading ? (
        <Skeleton active />
      ) : !data || data.agents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shifts.nobodyOnDuty')} />
      ) : (
        <Flex wrap gap={8} data-testid="on-duty">
          {data.agents.map((a) => (
            <Tag key={`${a.agentId}-${a.shiftId}`} color={color.get(a.shiftId) ?? 'blue'}>
              {a.name} · {a.shiftName}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
