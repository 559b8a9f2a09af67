import { and, asc, eq, ne } from 'drizzle-orm';
import { type Context, Liquid } from 'liquidjs';
import sanitizeHtml from 'sanitize-html';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { listFields } from '../fields/service.js';
import type { TicketContext } from './context.js';
import { printContext, SafeHtml } from './printData.js';
import { DEFAULT_PRINT_LAYOUT } from './printLayout.js';
import { printTemplates } from './schema.js';
import { getTicketRow } from './service.js';

type PrintTemplateRow = typeof printTemplates.$inferSelect;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Every output is escaped unless it is rich text sanitised when it was written (SafeHtml). */
function escapeOutput(this: { context: Context }, value: unknown): string {
  if (value instanceof SafeHtml) return value.html;
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join('') : String(value);
  this.context.memoryLimit.use(text.length);
  return escapeHtml(text);
}

/**
 * One engine for all vendors' print templates. Templates are written by vendor admins and run on
 * the server, so: no file system (an empty in-memory map, and no include/render/layout tags at
 * all), unknown filters are errors at save time, and a render gets at most a second of time and a
 * bounded amount of memory, so a runaway loop ends as a 422 instead of hanging a node.
 */
const engine = new Liquid({
  templates: {},
  strictVariables: false,
  strictFilters: true,
  ownPropertyOnly: true,
  outputEscape: escapeOutput,
  parseLimit: 1_000_000,
  renderLimit: 1_000,
  memoryLimit: 20_000_000,
});
for (const tag of ['include', 'render', 'layout']) delete (engine.tags as Record<string, unknown>)[tag];

/** Parses a template body; a syntax error is the caller's 400 with Liquid's own message. */
function parseBody(body: string) {
  try {
    return engine.parse(body);
  } catch (err) {
    throw new AppError('validation_failed', {}, [
      { path: 'body.body', message: `模板语法错误：${(err as Error).message}` },
    ]);
  }
}

/**
 * The HTML that leaves the server: the template's own markup may style the page (inline styles and
 * a <style> block) and show images, but never run script, whoever wrote it.
 */
function cleanPrintHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img',
      'style',
      'span',
      'div',
      'font',
      'del',
      's',
      'u',
      'center',
    ],
    allowVulnerableTags: true,
    allowedAttributes: {
      '*': ['style', 'class', 'align', 'valign', 'width', 'height', 'colspan', 'rowspan', 'title'],
      a: ['href', 'target', 'rel'],
      img: ['src', 'alt', 'style', 'class', 'width', 'height'],
      font: ['color', 'size', 'face'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  });
}

export const presentPrintTemplate = (r: PrintTemplateRow) => ({
  id: r.id,
  name: r.name,
  body: r.body,
  isDefault: r.isDefault,
  createdAt: r.createdAt.toISOString(),
});

export async function listPrintTemplates(db: Db, vendorId: number) {
  return db
    .select()
    .from(printTemplates)
    .where(eq(printTemplates.vendorId, vendorId))
    .orderBy(asc(printTemplates.id));
}

async function loadPrintTemplate(db: Db, vendorId: number, id: number) {
  const [row] = await db
    .select()
    .from(printTemplates)
    .where(and(eq(printTemplates.vendorId, vendorId), eq(printTemplates.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

const nameTaken = (name: string) =>
  new AppError('name_taken', { name }, [{ path: 'body.name', message: 'taken' }]);

/** Making one template the default un-defaults the others (there is at most one). */
async function clearOtherDefaults(tx: Db, vendorId: number, keepId: number) {
  await tx
    .update(printTemplates)
    .set({ isDefault: false })
    .where(
      and(
        eq(printTemplates.vendorId, vendorId),
        ne(printTemplates.id, keepId),
        eq(printTemplates.isDefault, true),
      ),
    );
}

export async function createPrintTemplate(
  db: Db,
  vendorId: number,
  input: { name: string; body: string; isDefault?: boolean },
) {
  parseBody(input.body);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(printTemplates)
        .values({ vendorId, name: input.name, body: input.body, isDefault: input.isDefault ?? false })
        .returning();
      if (!row) throw new Error('print template insert returned nothing');
      if (row.isDefault) await clearOtherDefaults(tx, vendorId, row.id);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

export async function updatePrintTemplate(
  db: Db,
  vendorId: number,
  id: number,
  input: { name?: string; body?: string; isDefault?: boolean },
) {
  if (input.body !== undefined) parseBody(input.body);
  try {
    return await db.transaction(async (tx) => {
      const current = await loadPrintTemplate(tx, vendorId, id);
      if (Object.keys(input).length === 0) return current;
      const [row] = await tx
        .update(printTemplates)
        .set(input)
        .where(and(eq(printTemplates.vendorId, vendorId), eq(printTemplates.id, id)))
        .returning();
      if (!row) throw new AppError('not_found');
      if (input.isDefault) await clearOtherDefaults(tx, vendorId, id);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? '');
    throw err;
  }
}

export async function deletePrintTemplate(db: Db, vendorId: number, id: number) {
  const deleted = await db
    .delete(printTemplates)
    .where(and(eq(printTemplates.vendorId, vendorId), eq(printTemplates.id, id)))
    .returning({ id: printTemplates.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

/** The chosen template, else the vendor's default, else the built-in layout. */
async function templateBody(db: Db, vendorId: number, templateId?: number): Promise<string> {
  if (templateId !== undefined) return (await loadPrintTemplate(db, vendorId, templateId)).body;
  const [def] = await db
    .select({ body: printTemplates.body })
    .from(printTemplates)
    .where(and(eq(printTemplates.vendorId, vendorId), eq(printTemplates.isDefault, true)))
    .limit(1);
  return def?.body ?? DEFAULT_PRINT_LAYOUT;
}

/** 工单打印 (manual 5.2.20): a ticket rendered through a print template, as safe HTML. */
export async function printTicket(db: Db, ctx: TicketContext, ticketId: number, templateId?: number) {
  const ticket = await getTicketRow(db, ctx, ticketId);
  const body = await templateBody(db, ctx.actor.vendorId, templateId);
  const data = await printContext(db, ctx, ticket);
  let html: string;
  try {
    html = await engine.render(parseBody(body), data);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('print_template_failed', { reason: (err as Error).message });
  }
  return { html: cleanPrintHtml(html) };
}

const P = (group: string, key: string, label: string) => ({ group, key, label });
const FIXED_PLACEHOLDERS = [
  P('工单', 'ticket.number', '工单编号'),
  P('工单', 'ticket.subject', '工单标题'),
  P('工单', 'ticket.description', '工单描述（富文本）'),
  P('工单', 'ticket.status', '工单状态（中文）'),
  P('工单', 'ticket.priority', '优先级（中文）'),
  P('工单', 'ticket.type', '工单类型（中文）'),
  P('工单', 'ticket.source', '工单来源（中文）'),
  P('工单', 'ticket.template', '工单模板名称'),
  P('工单', 'ticket.createdAt', '创建时间'),
  P('工单', 'ticket.updatedAt', '更新时间'),
  P('工单', 'ticket.dueAt', '截止时间'),
  P('工单', 'ticket.solvedAt', '解决时间'),
  P('工单', 'ticket.closedAt', '关闭时间'),
  P('工单', 'ticket.assignee', '负责客服'),
  P('工单', 'ticket.group', '客服分组'),
  P('工单', 'ticket.creator', '创建人'),
  P('工单', 'ticket.tags', '标签'),
  P('工单', 'ticket.fields', '模板字段列表（循环：f.label、f.value、f.type）'),
  P('公司', 'company.name', '公司名称'),
  P('公司', 'company.address', '公司地址'),
  P('公司', 'company.phone', '公司电话（隐私模式下打码）'),
  P('公司', 'company.website', '公司网址'),
  P('公司', 'company.package', '服务包'),
  P('公司', 'company.serviceStart', '开始服务时间'),
  P('公司', 'company.serviceEnd', '结束服务时间'),
  P('公司', 'company.tags', '公司标签'),
  P('公司', 'company.notes', '公司备注'),
  P('联系人', 'contact.name', '联系人姓名'),
  P('联系人', 'contact.mobile', '手机号（隐私模式下打码）'),
  P('联系人', 'contact.landline', '座机（隐私模式下打码）'),
  P('联系人', 'contact.email', '邮箱'),
  P('联系人', 'contact.qq', 'QQ'),
  P('联系人', 'contact.position', '职位'),
  P('处理记录', 'replies', '公开回复列表（循环：r.author 回复人、r.time 时间、r.body 内容）'),
  P(
    '处理记录',
    'records',
    '服务记录列表（循环：r.channel 渠道、r.agent 客服、r.startedAt 开始时间、r.endedAt 结束时间、r.summary 服务总结）',
  ),
  P('其他', 'vendor.name', '服务商名称'),
  P('其他', 'printedAt', '打印时间'),
];

/**
 * What a print template can use, with Chinese descriptions for the editor: the fixed placeholders
 * plus one per custom field of tickets, companies and contacts (a signature's image URL, a product
 * table's rows).
 */
export async function printPlaceholders(db: Db, vendorId: number) {
  const [ticketFields, companyFields, contactFields] = await Promise.all([
    listFields(db, vendorId, 'ticket'),
    listFields(db, vendorId, 'company'),
    listFields(db, vendorId, 'contact'),
  ]);
  const custom = (prefix: string, group: string, fields: typeof ticketFields) =>
    fields
      .filter((f) => !f.system)
      .flatMap((f) => {
        const key = `${prefix}.custom.${f.key}`;
        const type = f.type as string;
        if (type === 'signature')
          return [P(group, `${key}.url`, `${f.label}（签名图片地址，用于 <img src>）`)];
        if (type === 'product_table')
          return [
            P(group, key, `${f.label}（商品摘要）`),
            P(group, `${key}.rows`, `${f.label}（循环：name、price、quantity、total）`),
            P(group, `${key}.total`, `${f.label}合计（元）`),
          ];
        return [P(group, key, f.label)];
      });
  return {
    defaultBody: DEFAULT_PRINT_LAYOUT,
    items: [
      ...FIXED_PLACEHOLDERS,
      ...custom('ticket', '工单字段', ticketFields),
      ...custom('company', '公司字段', companyFields),
      ...custom('contact', '联系人字段', contactFields),
    ],
  };
}
