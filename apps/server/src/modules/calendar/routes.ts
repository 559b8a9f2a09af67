import {
  businessHoursSchema,
  businessStatusQuery,
  businessStatusSchema,
  calendarDayCreateBody,
  calendarDayListQuery,
  calendarDaySchema,
  calendarImportBody,
  idParam,
  onDutySchema,
  scheduleEntrySchema,
  scheduleQuery,
  scheduleSetBody,
  shiftCreateBody,
  shiftSchema,
  shiftUpdateBody,
} from '@yidan/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import {
  agentsOnDuty,
  createCalendarDay,
  createShift,
  deleteCalendarDay,
  deleteShift,
  getBusinessHours,
  importNationalHolidays,
  listCalendarDays,
  listSchedule,
  listShifts,
  setBusinessHours,
  setSchedule,
  updateShift,
  vendorBusinessStatus,
} from './service.js';

const items = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s) });
const MAX_SCHEDULE_DAYS = 62;

export function calendarRoutes(app: App, { db }: Deps) {
  const settings = { config: { permission: 'org.settings' as const } };
  const tags = ['calendar'];
  app.get(
    '/api/v1/business-hours',
    { schema: { tags, summary: '工作时间', response: { 200: businessHoursSchema } } },
    async (req) => ({ weekly: await getBusinessHours(db, actorOf(req).vendorId) }),
  );
  app.put(
    '/api/v1/business-hours',
    { ...settings, schema: { tags, body: businessHoursSchema, response: { 200: businessHoursSchema } } },
    async (req) => ({ weekly: await setBusinessHours(db, actorOf(req).vendorId, req.body.weekly) }),
  );
  app.get(
    '/api/v1/calendar-days',
    {
      schema: {
        tags,
        summary: '节假日与调休',
        querystring: calendarDayListQuery,
        response: { 200: items(calendarDaySchema) },
      },
    },
    async (req) => ({ items: await listCalendarDays(db, actorOf(req).vendorId, req.query.year) }),
  );
  app.post(
    '/api/v1/calendar-days',
    { ...settings, schema: { tags, body: calendarDayCreateBody, response: { 201: calendarDaySchema } } },
    async (req, reply) => reply.code(201).send(await createCalendarDay(db, actorOf(req).vendorId, req.body)),
  );
  app.post(
    '/api/v1/calendar-days/import',
    {
      ...settings,
      schema: {
        tags,
        summary: '导入法定节假日与调休',
        body: calendarImportBody,
        response: {
          200: items(calendarDaySchema).extend({ created: z.number().int(), skipped: z.number().int() }),
        },
      },
    },
    async (req) => importNationalHolidays(db, actorOf(req).vendorId, req.body.year),
  );
  app.delete(
    '/api/v1/calendar-days/:id',
    { ...settings, schema: { tags, params: idParam } },
    async (req, reply) => {
      await deleteCalendarDay(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/business-status',
    {
      schema: {
        tags,
        summary: '当前是否工作时间',
        querystring: businessStatusQuery,
        response: { 200: businessStatusSchema },
      },
    },
    async (req) =>
      vendorBusinessStatus(db, actorOf(req).vendorId, req.query.at ? new Date(req.query.at) : new Date()),
  );

  const shiftsCfg = { config: { permission: 'org.shifts' as const } };
  const st = ['shifts'];
  app.get(
    '/api/v1/shifts',
    { schema: { tags: st, summary: '班次', response: { 200: items(shiftSchema) } } },
    async (req) => ({ items: await listShifts(db, actorOf(req).vendorId) }),
  );
  app.post(
    '/api/v1/shifts',
    { ...shiftsCfg, schema: { tags: st, body: shiftCreateBody, response: { 201: shiftSchema } } },
    async (req, reply) => reply.code(201).send(await createShift(db, actorOf(req).vendorId, req.body)),
  );
  app.patch(
    '/api/v1/shifts/:id',
    {
      ...shiftsCfg,
      schema: { tags: st, params: idParam, body: shiftUpdateBody, response: { 200: shiftSchema } },
    },
    async (req) => updateShift(db, actorOf(req).vendorId, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/shifts/:id',
    { ...shiftsCfg, schema: { tags: st, params: idParam } },
    async (req, reply) => {
      await deleteShift(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/schedule',
    {
      schema: {
        tags: st,
        summary: '排班表（普通客服只能查看自己的）',
        querystring: scheduleQuery,
        response: { 200: items(scheduleEntrySchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      if (q.from > q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86400_000 > MAX_SCHEDULE_DAYS) {
        throw new AppError('validation_failed', {}, [
          { path: 'querystring.to', message: 'end_before_start' },
        ]);
      }
      // Without roster permission an agent sees only their own shifts.
      const agentId = actor.permissions.has('org.shifts') ? q.agentId : actor.agentId;
      return { items: await listSchedule(db, actor.vendorId, { ...q, agentId }) };
    },
  );
  app.put(
    '/api/v1/schedule',
    {
      ...shiftsCfg,
      schema: {
        tags: st,
        summary: '排班',
        body: scheduleSetBody,
        response: { 200: items(scheduleEntrySchema) },
      },
    },
    async (req) => ({ items: await setSchedule(db, actorOf(req).vendorId, req.body.entries) }),
  );
  app.get(
    '/api/v1/on-duty',
    {
      schema: {
        tags: st,
        summary: '当前（或指定时刻）在岗客服',
        querystring: businessStatusQuery,
        response: { 200: onDutySchema },
      },
    },
    async (req) =>
      agentsOnDuty(db, actorOf(req).vendorId, req.query.at ? new Date(req.query.at) : new Date()),
  );
}
