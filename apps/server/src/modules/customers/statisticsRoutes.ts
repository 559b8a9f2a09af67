import {
  customerStatisticsPage,
  customerStatisticsQuery,
  customerTimelinePage,
  customerTimelineQuery,
  idParam,
} from '@yidan/contracts';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { customerContext } from './context.js';
import { customerTimeline } from './customerTimeline.js';
import { customerStatistics } from './statistics.js';

/** 客户统计 (manual 2.12) and the customer 360 timelines of companies and contacts. */
export function customerStatisticsRoutes(app: App, { db }: Deps) {
  const viewing = { config: { permission: 'customer.view' as const } };

  app.get(
    '/api/v1/customer-statistics',
    {
      ...viewing,
      schema: {
        tags: ['customer-statistics'],
        summary: '客户统计：各公司的服务次数（按服务方式）、工单数与最近服务时间',
        description:
          '`notServedDays=N` lists the companies without a service record in the last N days (never served included). Sorted by last service, longest unserved first, unless `sort` says otherwise.',
        querystring: customerStatisticsQuery,
        response: { 200: customerStatisticsPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // 功能开关 → 客户统计.
      if (!actor.features.includes('customerStats')) throw new AppError('feature_disabled');
      return customerStatistics(db, await customerContext(db, actor), req.query);
    },
  );

  app.get(
    '/api/v1/companies/:id/timeline',
    {
      ...viewing,
      schema: {
        tags: ['companies'],
        summary: '公司时间线：工单、服务记录与变更（新的在前）',
        params: idParam,
        querystring: customerTimelineQuery,
        response: { 200: customerTimelinePage },
      },
    },
    async (req) =>
      customerTimeline(
        db,
        await customerContext(db, actorOf(req)),
        { kind: 'company', id: req.params.id },
        req.query,
      ),
  );

  app.get(
    '/api/v1/contacts/:id/timeline',
    {
      ...viewing,
      schema: {
        tags: ['contacts'],
        summary: '联系人时间线：工单、服务记录与变更（新的在前）',
        params: idParam,
        querystring: customerTimelineQuery,
        response: { 200: customerTimelinePage },
      },
    },
    async (req) =>
      customerTimeline(
        db,
        await customerContext(db, actorOf(req)),
        { kind: 'contact', id: req.params.id },
        req.query,
      ),
  );
}
