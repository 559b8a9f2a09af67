import { and, asc, eq, gte, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { agents } from '../org/schema.js';
import { getVendor } from '../vendors/service.js';
import { addDays, businessStatus, localTime, shiftCovers } from './clock.js';
import { nationalCalendar } from './nationalHolidays.js';
import { businessHours, calendarDays, shiftAssignments, shifts, type WeeklyHours } from './schema.js';

export async function getBusinessHours(db: Db, vendorId: number): Promise<WeeklyHours> {
  const [row] = await db.select().from(businessHours).where(eq(businessHours.vendorId, vendorId));
  return row?.weekly ?? [];
}

export async function setBusinessHours(db: Db, vendorId: number, weekly: WeeklyHours) {
  const seen = new Set<number>();
  const merged = weekly.filter((w) => !seen.has(w.weekday) && seen.add(w.weekday));
  const sorted = merged.map((w) => ({
    ...w,
    ranges: [...w.ranges].sort((a, b) => a.start.localeCompare(b.start)),
  }));
  await db
    .insert(businessHours)
    .values({ vendorId, weekly: sorted })
    .onConflictDoUpdate({ target: businessHours.vendorId, set: { weekly: sorted } });
  return sorted;
}

export async function listCalendarDays(db: Db, vendorId: number, year?: number) {
  const conditions = [eq(calendarDays.vendorId, vendorId)];
  if (year)
    conditions.push(lte(calendarDays.startDate, `${year}-12-31`), gte(calendarDays.endDate, `${year}-01-01`));
  return db
    .select()
    .from(calendarDays)
    .where(and(...conditions))
    .orderBy(asc(calendarDays.startDate));
}

export async function createCalendarDay(
  db: Db,
  vendorId: number,
  input: {
    kind: 'holiday' | 'workday';
    name: string;
    description?: string | undefined;
    startDate: string;
    endDate: string;
  },
) {
  const [row] = await db
    .insert(calendarDays)
    .values({ vendorId, ...input, description: input.description ?? null })
    .returning();
  return row!;
}

export async function deleteCalendarDay(db: Db, vendorId: number, id: number) {
  const rows = await db
    .delete(calendarDays)
    .where(and(eq(calendarDays.vendorId, vendorId), eq(calendarDays.id, id)))
    .returning({ id: calendarDays.id });
  if (rows.length === 0) throw new AppError('not_found');
}

/** Adds the statutory holidays and make-up workdays of a year; spans already present are skipped. */
export async function importNationalHolidays(db: Db, vendorId: number, year: number) {
  const spans = nationalCalendar(year);
  if (spans.length === 0) throw new AppError('no_holiday_data', { year });
  const existing = await listCalendarDays(db, vendorId, year);
  const key = (s: { kind: string; startDate: string; endDate: string }) =>
    `${s.kind}:${s.startDate}:${s.endDate}`;
  const seen = new Set(existing.map(key));
  const fresh = spans.filter((s) => !seen.has(key(s)));
  if (fresh.length) {
    await db
      .insert(calendarDays)
      .values(fresh.map((s) => ({ vendorId, ...s, description: '法定节假日（国务院办公厅通知）' })));
  }
  return {
    created: fresh.length,
    skipped: spans.length - fresh.length,
    items: await listCalendarDays(db, vendorId, year),
  };
}

/** Is the vendor open at `at`? Used by routing, SLA business hours and reports. */
export async function vendorBusinessStatus(db: Db, vendorId: number, at: Date) {
  const vendor = await getVendor(db, vendorId);
  const weekly = await getBusinessHours(db, vendorId);
  const { date } = localTime(at, vendor.timeZone);
  const spans = await db
    .select()
    .from(calendarDays)
    .where(
      and(
        eq(calendarDays.vendorId, vendorId),
        lte(calendarDays.startDate, date),
        gte(calendarDays.endDate, date),
      ),
    );
  return { at: at.toISOString(), ...businessStatus(at, vendor.timeZone, weekly, spans) };
}

export async function listShifts(db: Db, vendorId: number) {
  return db
    .select()
    .from(shifts)
    .where(eq(shifts.vendorId, vendorId))
    .orderBy(asc(shifts.start), asc(shifts.id));
}

export async function createShift(
  db: Db,
  vendorId: number,
  input: { name: string; start: string; end: string; color?: string | undefined },
) {
  const [row] = await db
    .insert(shifts)
    .values({ vendorId, ...input, color: input.color ?? null })
    .returning();
  return row!;
}

export async function updateShift(
  db: Db,
  vendorId: number,
  id: number,
  patch: Partial<{ name: string; start: string; end: string; color: string }>,
) {
  const [row] = Object.keys(patch).length
    ? await db
        .update(shifts)
        .set(patch)
        .where(and(eq(shifts.vendorId, vendorId), eq(shifts.id, id)))
        .returning()
    : await db
        .select()
        .from(shifts)
        .where(and(eq(shifts.vendorId, vendorId), eq(shifts.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteShift(db: Db, vendorId: number, id: number) {
  const today = localTime(new Date(), (await getVendor(db, vendorId)).timeZone).date;
  const upcoming = await db
    .select({ d: shiftAssignments.date })
    .from(shiftAssignments)
    .where(
      and(
        eq(shiftAssignments.vendorId, vendorId),
        eq(shiftAssignments.shiftId, id),
        gte(shiftAssignments.date, today),
      ),
    )
    .limit(1);
  if (upcoming.length) throw new AppError('shift_in_use');
  const rows = await db
    .delete(shifts)
    .where(and(eq(shifts.vendorId, vendorId), eq(shifts.id, id)))
    .returning({ id: shifts.id });
  if (rows.length === 0) throw new AppError('not_found');
}

export async function listSchedule(
  db: Db,
  vendorId: number,
  q: { from: string; to: string; agentId?: number | undefined },
) {
  const conditions = [
    eq(shiftAssignments.vendorId, vendorId),
    gte(shiftAssignments.date, q.from),
    lte(shiftAssignments.date, q.to),
  ];
  if (q.agentId) conditions.push(eq(shiftAssignments.agentId, q.agentId));
  return db
    .select({
      agentId: shiftAssignments.agentId,
      date: shiftAssignments.date,
      shiftId: shiftAssignments.shiftId,
    })
    .from(shiftAssignments)
    .where(and(...conditions))
    .orderBy(asc(shiftAssignments.date), asc(shiftAssignments.agentId));
}

/** Sets roster cells; `shiftId: null` clears a day (休息). All-or-nothing. */
export async function setSchedule(
  db: Db,
  vendorId: number,
  entries: { agentId: number; date: string; shiftId: number | null }[],
) {
  await db
    .transaction(async (tx) => {
      for (const e of entries) {
        if (e.shiftId == null) {
          await tx
            .delete(shiftAssignments)
            .where(
              and(
                eq(shiftAssignments.vendorId, vendorId),
                eq(shiftAssignments.agentId, e.agentId),
                eq(shiftAssignments.date, e.date),
              ),
            );
        } else {
          await tx
            .insert(shiftAssignments)
            .values({ vendorId, agentId: e.agentId, date: e.date, shiftId: e.shiftId })
            .onConflictDoUpdate({
              target: [shiftAssignments.vendorId, shiftAssignments.agentId, shiftAssignments.date],
              set: { shiftId: e.shiftId },
            });
        }
      }
    })
    .catch((err) => {
      if (isForeignKeyViolation(err)) throw new AppError('reference_not_found', { entity: '客服或班次' });
      throw err;
    });
  const dates = entries.map((e) => e.date).sort();
  return listSchedule(db, vendorId, { from: dates[0]!, to: dates.at(-1)! });
}

/** Who is on duty at `at` (enabled agents whose shift covers it, overnight shifts included): routing asks this. */
export async function agentsOnDuty(db: Db, vendorId: number, at: Date) {
  const vendor = await getVendor(db, vendorId);
  const { date, time } = localTime(at, vendor.timeZone);
  const yesterday = addDays(date, -1);
  const rows = await db
    .select({
      agentId: shiftAssignments.agentId,
      date: shiftAssignments.date,
      name: agents.name,
      shiftId: shifts.id,
      shiftName: shifts.name,
      start: shifts.start,
      end: shifts.end,
    })
    .from(shiftAssignments)
    .innerJoin(
      shifts,
      and(eq(shifts.vendorId, shiftAssignments.vendorId), eq(shifts.id, shiftAssignments.shiftId)),
    )
    .innerJoin(
      agents,
      and(eq(agents.vendorId, shiftAssignments.vendorId), eq(agents.id, shiftAssignments.agentId)),
    )
    .where(
      and(
        eq(shiftAssignments.vendorId, vendorId),
        eq(agents.enabled, true),
        or(eq(shiftAssignments.date, date), eq(shiftAssignments.date, yesterday)),
      ),
    );
  const onDuty = rows.filter((r) => shiftCovers(r, time, r.date === date));
  const unique = new Map(onDuty.map((r) => [r.agentId, r]));
  return {
    at: at.toISOString(),
    agents: [...unique.values()].map((r) => ({
      agentId: r.agentId,
      name: r.name,
      shiftId: r.shiftId,
      shiftName: r.shiftName,
    })),
  };
}
