import { type LocalizedLabel, type ticketViewCreateBody, VIEW_GROUP_BY } from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/errors.js';
import { validateConditions } from '../../platform/rules/catalogue.js';
import { agents, groups } from '../org/schema.js';
import { bindCurrentAgent, type TicketCatalogue } from './catalogue.js';
import type { TicketContext } from './context.js';
import { TICKET_SORT_FIELDS } from './list.js';
import { ticketTemplates } from './schema.js';

export type ViewInput = z.infer<typeof ticketViewCreateBody>;
export type ViewPatch = Partial<ViewInput>;

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });

/** Columns a view may show: ticket fields, the customer's names, and `custom.<key>`. */
export const VIEW_COLUMN_LABELS: Record<string, LocalizedLabel> = {
  number: label('编号', 'Number'),
  subject: label('标题', 'Subject'),
  status: label('状态', 'Status'),
  priority: label('优先级', 'Priority'),
  type: label('类型', 'Type'),
  source: label('来源', 'Source'),
  template: label('工单模板', 'Template'),
  assignee: label('处理客服', 'Assignee'),
  group: label('客服组', 'Group'),
  ccAgents: label('抄送', 'CC'),
  tags: label('标签', 'Tags'),
  'company.name': label('公司', 'Company'),
  'contact.name': label('联系人', 'Contact'),
  'contact.mobile': label('联系人手机', 'Contact mobile'),
  createdAt: label('创建时间', 'Created'),
  updatedAt: label('更新时间', 'Updated'),
  firstReplyAt: label('首次回复时间', 'First reply'),
  solvedAt: label('解决时间', 'Solved'),
  closedAt: label('关闭时间', 'Closed'),
  dueAt: label('截止时间', 'Due'),
  slaDueAt: label('SLA服务时限', 'SLA due'),
};
export const VIEW_GROUP_LABELS: Record<(typeof VIEW_GROUP_BY)[number], LocalizedLabel> = {
  status: label('状态', 'Status'),
  priority: label('优先级', 'Priority'),
  assignee: label('处理客服', 'Assignee'),
  group: label('客服组', 'Group'),
  template: label('工单模板', 'Template'),
};
export const VIEW_SORT_LABELS: Record<string, LocalizedLabel> = {
  updatedAt: label('更新时间', 'Updated'),
  createdAt: label('创建时间', 'Created'),
  number: label('编号', 'Number'),
  dueAt: label('截止时间', 'Due'),
  slaDueAt: label('SLA服务时限', 'SLA due'),
  priority: label('优先级', 'Priority'),
  status: label('状态', 'Status'),
};
/** Custom field keys a view may show or group by. */
function customKeys(ctx: TicketContext, selectOnly: boolean): string[] {
  return ctx.fields
    .filter((f) => !f.system && f.enabled && (!selectOnly || f.type === 'select'))
    .map((f) => `custom.${f.key}`);
}

/** The column, grouping and sort choices of the view editor. */
export function ticketViewOptions(ctx: TicketContext) {
  const custom = (selectOnly: boolean) =>
    ctx.fields
      .filter((f) => !f.system && f.enabled && (!selectOnly || f.type === 'select'))
      .map((f) => ({ key: `custom.${f.key}`, label: label(f.label, f.label) }));
  const entries = (labels: Record<string, LocalizedLabel>) =>
    Object.entries(labels).map(([key, l]) => ({ key, label: l }));
  return {
    columns: [...entries(VIEW_COLUMN_LABELS), ...custom(false)],
    groupBy: [...entries(VIEW_GROUP_LABELS), ...custom(true)],
    sortFields: entries(VIEW_SORT_LABELS).filter((s) => TICKET_SORT_FIELDS.includes(s.key)),
  };
}

async function existingIds(db: Db, vendorId: number, table: typeof agents | typeof groups, ids: number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.vendorId, vendorId), inArray(table.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Field errors of the given parts of a view (the parts a create or update sends). */
export async function viewErrors(
  db: Db,
  ctx: TicketContext,
  cat: TicketCatalogue,
  v: ViewPatch,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const vendorId = ctx.actor.vendorId;
  if (v.conditions) {
    const bound = bindCurrentAgent(v.conditions, ctx.actor.agentId);
    errors.push(...validateConditions(bound, cat.catalogue, { path: 'body.conditions' }));
  }
  if (v.templateId != null) {
    const [t] = await db
      .select({ id: ticketTemplates.id })
      .from(ticketTemplates)
      .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, v.templateId)));
    if (!t) errors.push({ path: 'body.templateId', message: 'unknown_template' });
  }
  if (v.columns) {
    const known = new Set([...Object.keys(VIEW_COLUMN_LABELS), ...customKeys(ctx, false)]);
    v.columns.forEach((c, i) => {
      if (!known.has(c)) errors.push({ path: `body.columns.${i}`, message: 'unknown_field' });
    });
  }
  if (v.groupBy != null) {
    const known = new Set<string>([...VIEW_GROUP_BY, ...customKeys(ctx, true)]);
    if (!known.has(v.groupBy)) errors.push({ path: 'body.groupBy', message: 'unknown_field' });
  }
  if (v.sort && !TICKET_SORT_FIELDS.includes(v.sort.field))
    errors.push({ path: 'body.sort.field', message: 'unknown_field' });
  if (v.visibility) errors.push(...(await visibilityErrors(db, vendorId, v.visibility)));
  return errors;
}

async function visibilityErrors(db: Db, vendorId: number, vis: ViewInput['visibility'] & object) {
  const errors: FieldError[] = [];
  const checkIds = async (key: 'groupIds' | 'agentIds', table: typeof agents | typeof groups) => {
    const ids = vis[key];
    if (ids.length === 0) {
      errors.push({ path: `body.visibility.${key}`, message: 'expected_list' });
      return;
    }
    const found = await existingIds(db, vendorId, table, ids);
    ids.forEach((id, i) => {
      if (!found.has(id))
        errors.push({
          path: `body.visibility.${key}.${i}`,
          message: key === 'groupIds' ? 'unknown_group' : 'unknown_agent',
        });
    });
  };
  if (vis.scope === 'groups') await checkIds('groupIds', groups);
  if (vis.scope === 'agents') await checkIds('agentIds', agents);
  if (vis.scope === 'contact_tag' && !vis.contactTag?.trim())
    errors.push({ path: 'body.visibility.contactTag', message: 'required' });
  return errors;
}
