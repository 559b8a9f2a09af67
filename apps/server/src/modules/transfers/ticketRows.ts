import { type TicketCreateInput, ticketCreateBody } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/errors.js';
import { localizeIssue } from '../../platform/http/problem.js';
import { parseSheetDate } from '../../platform/spreadsheets/cells.js';
import type { SheetRow } from '../../platform/spreadsheets/read.js';
import { normalizeIdentity } from '../customers/identities.js';
import { agents, groups } from '../org/schema.js';
import { ticketTemplates } from '../tickets/schema.js';
import {
  type ColumnPlan,
  customValue,
  findAgent,
  formulaError,
  type MappedRow,
  type RowError,
  splitList,
} from './rows.js';
import { PRIORITY_WORDS, parseWord, STATUS_WORDS, TYPE_WORDS } from './ticketLabels.js';

/** Names a ticket row may use, loaded once per import. */
export interface TicketLookups {
  agents: { id: number; name: string; account: string }[];
  groups: { id: number; name: string }[];
  templates: { id: number; name: string }[];
}

export async function loadTicketLookups(db: Db, vendorId: number): Promise<TicketLookups> {
  const [agentRows, groupRows, templateRows] = await Promise.all([
    db
      .select({ id: agents.id, name: agents.name, account: agents.account })
      .from(agents)
      .where(eq(agents.vendorId, vendorId)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.vendorId, vendorId)),
    db
      .select({ id: ticketTemplates.id, name: ticketTemplates.name })
      .from(ticketTemplates)
      .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.enabled, true))),
  ]);
  return { agents: agentRows, groups: groupRows, templates: templateRows };
}

/**
 * One ticket to create: the API's create input, plus what is resolved against the database for the
 * whole chunk at once (the contact by phone, the company by name) and the original creation time.
 */
export interface TicketDraft {
  input: TicketCreateInput;
  contactPhone?: { kind: 'mobile' | 'landline'; value: string };
  companyName?: string;
  /** Wall-clock "YYYY-MM-DD HH:mm:ss" in the vendor's time zone. */
  createdAt?: string;
}

const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/** "2026-01-05 09:30", "2026/1/5 9:30:15", "2026年1月5日", an Excel date … → "2026-01-05 09:30:00". */
export function parseSheetDateTime(text: string): string | null {
  const m = /^(.+?)(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  const date = m?.[1] ? parseSheetDate(m[1]) : null;
  if (!m || !date) return null;
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return `${date} ${pad(m[2])}:${pad(m[3])}:${pad(m[4])}`;
}

/** Turns sheet rows into ticket drafts: the same formula checks and cell rules as customer imports. */
export class TicketRowMapper {
  private readonly columnByKey: Map<string, string>;
  constructor(
    private readonly plan: ColumnPlan[],
    private readonly lk: TicketLookups,
    /** The vendor's wall clock now, "YYYY-MM-DD HH:mm": created times may not be later. */
    private readonly now: string,
  ) {
    this.columnByKey = new Map(plan.map((p) => [p.field.key, p.header]));
  }

  /** The file's header for a field key ("assigneeId", "custom.x"), else the key itself. */
  columnOf(key: string): string {
    return this.columnByKey.get(key) ?? key;
  }

  /** The create path's field errors (body.assigneeId, body.custom.x …) against the file's columns. */
  rowErrors(errors: FieldError[]): RowError[] {
    return errors.map((e) => {
      const path = e.path.replace(/^body\./, '');
      const key = path.startsWith('custom.') ? path : path.split('.')[0]!;
      return { column: this.columnOf(key === 'contactId' ? 'contactMobile' : key), message: e.message };
    });
  }

  map(row: SheetRow): MappedRow<TicketDraft> {
    const errors: RowError[] = [];
    const values: Record<string, unknown> = {};
    const custom: Record<string, unknown> = {};
    const draft: Omit<TicketDraft, 'input'> = {};
    for (const p of this.plan) {
      const text = row.cells[p.col] ?? '';
      if (!text) continue;
      const formula = formulaError(row, p, text);
      if (formula) {
        errors.push(formula);
        continue;
      }
      const err = (message: string) => errors.push({ column: p.header, message });
      const key = p.field.key;
      switch (p.field.kind) {
        case 'ticketStatus': {
          const v = parseWord(STATUS_WORDS, text);
          if (v) values.status = v;
          else err('not_an_option');
          break;
        }
        case 'ticketPriority': {
          const v = parseWord(PRIORITY_WORDS, text);
          if (v) values.priority = v;
          else err('not_an_option');
          break;
        }
        case 'ticketType': {
          const v = parseWord(TYPE_WORDS, text);
          if (v) values.type = v;
          else err('not_an_option');
          break;
        }
        case 'tags':
          values.tags = splitList(text);
          break;
        case 'agent': {
          const a = findAgent(this.lk.agents, text);
          if (a) values[key] = a.id;
          else err('unknown_agent');
          break;
        }
        case 'group': {
          const g = this.lk.groups.find((x) => x.name === text);
          if (g) values[key] = g.id;
          else err('unknown_group');
          break;
        }
        case 'template': {
          const t = this.lk.templates.find((x) => x.name === text);
          if (t) values.templateId = t.id;
          else err('unknown_template');
          break;
        }
        case 'contactMobile': {
          const phone = normalizeIdentity('phone', text);
          if (phone && (phone.kind === 'mobile' || phone.kind === 'landline'))
            draft.contactPhone = { kind: phone.kind, value: phone.value };
          else err('invalid_phone');
          break;
        }
        case 'companyName':
          draft.companyName = text;
          break;
        case 'datetime': {
          const at = parseSheetDateTime(text);
          if (!at) err('invalid_import_datetime');
          else if (at.slice(0, 16) > this.now) err('time_in_future');
          else draft.createdAt = at;
          break;
        }
        case 'custom': {
          const v = customValue(p.field.def!, text);
          if (v && typeof v === 'object' && 'unsupported' in v) err('not_importable');
          else custom[key.slice('custom.'.length)] = v;
          break;
        }
        default:
          values[key] = text;
      }
    }
    if (Object.keys(custom).length) values.custom = custom;
    const checked = ticketCreateBody.safeParse(values);
    if (!checked.success) {
      // A cell already refused (a formula, a bad word) is not reported again as missing.
      const refused = new Set(errors.map((e) => e.column));
      for (const issue of checked.error.issues) {
        const key = issue.path.map(String).join('.');
        const column = this.columnOf(key.startsWith('custom.') ? key : String(issue.path[0] ?? ''));
        if (!refused.has(column)) errors.push({ column, message: localizeIssue(issue as never, 'zh-CN') });
      }
    }
    if (errors.length || !checked.success) return { item: null, errors };
    return { item: { ...draft, input: checked.data }, errors: [] };
  }
}
