import {
  type CustomerStatisticsQuery,
  type CustomerStatisticsRow,
  RECORD_CHANNELS,
  type RecordChannel,
} from '@yidan/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { CellInput, SheetColumn } from '../../platform/spreadsheets/write.js';
import { localTime } from '../calendar/clock.js';
import type { CustomerContext } from '../customers/context.js';
import { customerStatistics } from '../customers/statistics.js';
import type { Progress } from './exports.js';
import type { ExportOptions } from './schema.js';

/**
 * 导出客户统计 (manual 2.12): the statistics table as the page shows it, every company the
 * filters match in the caller's data scope, through customerStatistics() page by page.
 */

// Each page also counts the summary: big pages keep that to a few queries.
const PAGE = 1000;

/** The channel labels of the statistics page (customers.recordChannel.* in the console). */
const CHANNEL_WORDS: Record<RecordChannel, string> = {
  call: '通话',
  chat: '在线聊天',
  remote: '远程协助',
  visit: '上门',
  email: '邮件',
  manual: '手工记录',
};

/** 功能开关 → 客户统计: off, the statistics are not exported either (checked at request and in the job). */
export function assertCustomerStatsEnabled(actor: Actor) {
  if (!actor.features.includes('customerStats')) throw new AppError('feature_disabled');
}

export function statisticsLayout(ctx: CustomerContext) {
  const zone = ctx.actor.vendor.timeZone;
  const time = (iso: string | null) => {
    if (!iso) return null;
    const t = localTime(new Date(iso), zone);
    return `${t.date} ${t.time}`;
  };
  const columns: [string, (r: CustomerStatisticsRow) => CellInput][] = [
    ['公司名称', (r) => r.companyName],
    ['受理客服', (r) => r.ownerAgentName],
    ['服务到期日期', (r) => r.serviceEnd],
    ...RECORD_CHANNELS.map((c): [string, (r: CustomerStatisticsRow) => CellInput] => [
      CHANNEL_WORDS[c],
      (r) => r.services[c],
    ]),
    ['服务总次数', (r) => r.totalServices],
    ['工单数', (r) => r.tickets],
    ['未解决工单', (r) => r.openTickets],
    ['最近服务时间', (r) => time(r.lastServiceAt)],
    ['未服务天数', (r) => r.daysSinceService],
  ];
  return {
    columns: columns.map(
      ([header]): SheetColumn => ({
        header,
        ...(header === '公司名称' ? { width: 30 } : header === '最近服务时间' ? { width: 18 } : {}),
      }),
    ),
    cells: (r: CustomerStatisticsRow) => columns.map(([, cell]) => cell(r)),
  };
}

/** Rows of the statistics, in the order of the page (its sort), as GET /api/v1/customer-statistics pages them. */
export async function* statisticsCells(
  db: Db,
  ctx: CustomerContext,
  options: ExportOptions,
  layout: ReturnType<typeof statisticsLayout>,
  progress: Progress,
) {
  const query = options.query as CustomerStatisticsQuery;
  let cursor: string | undefined;
  do {
    const page = await customerStatistics(db, ctx, { ...query, cursor, limit: PAGE });
    for (const r of page.items) yield layout.cells(r);
    await progress(page.items.length);
    cursor = page.nextCursor ?? undefined;
    // Let other requests and progress pushes through between pages (PGlite answers via microtasks).
    await new Promise((resolve) => setImmediate(resolve));
  } while (cursor);
}
