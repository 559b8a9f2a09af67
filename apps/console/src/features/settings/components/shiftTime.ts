import type { Shift } from '../../../api/types';

/** True when the shift ends on the next day (夜班): its end is not after its start. */
export function endsNextDay(shift: Pick<Shift, 'start' | 'end'>): boolean {
  return shift.end <= shift.start;
}
