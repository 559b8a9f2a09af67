import { bigint, date, foreignKey, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { rowId, tenantKey } from '../../platform/db/columns.js';
import { agents } from '../org/schema.js';

export type WeeklyHours = { weekday: number; ranges: { start: string; end: string }[] }[];

/** Weekly business hours (工作时间), one row per vendor. */
export const businessHours = pgTable('business_hours', {
  vendorId: tenantKey().primaryKey(),
  weekly: jsonb('weekly').$type<WeeklyHours>().notNull(),
});

/** Holidays (节假日) and make-up workdays (调休上班), as inclusive date spans. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    vendorId: tenantKey(),
    id: rowId(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    index('calendar_days_span').on(t.vendorId, t.startDate),
  ],
);

/** Shift definitions (班次); an end before the start runs past midnight. */
export const shifts = pgTable(
  'shifts',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    color: text('color'),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.id] })],
);

/** The roster (排班): which shift an agent works on a date (one per agent per day). */
export const shiftAssignments = pgTable(
  'shift_assignments',
  {
    vendorId: tenantKey(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    shiftId: bigint('shift_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.agentId, t.date] }),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.vendorId, t.shiftId], foreignColumns: [shifts.vendorId, shifts.id] }).onDelete(
      'cascade',
    ),
    index('shift_assignments_date').on(t.vendorId, t.date),
  ],
);
