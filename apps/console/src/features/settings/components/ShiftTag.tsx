import { Tag } from 'antd';
import type { Shift } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { endsNextDay } from './shiftTime';

/** A shift as a coloured tag: name and hours, with 次日 for shifts that end the next day. */
export function ShiftTag({
  shift,
  showTime = true,
  wrap,
}: {
  shift: Shift;
  showTime?: boolean;
  wrap?: boolean;
}) {
  const { t } = useT();
  const end = endsNextDay(shift) ? `${t('shifts.nextDay')} ${shift.end}` : shift.end;
  return (
    <Tag
      color={shift.color ?? 'blue'}
      style={{ marginInlineEnd: 0, whiteSpace: wrap ? 'normal' : undefined }}
    >
      {shift.name}
      {showTime && ` ${shift.start}–${end}`}
    </Tag>
  );
}
