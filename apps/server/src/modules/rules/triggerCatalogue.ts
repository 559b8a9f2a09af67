import type { ConditionField, FieldDefinition, LocalizedLabel, TriggerEventType } from '@yidan/contracts';
import type { Db } from '../../platform/db/client.js';
import { createFieldCatalogue, type FieldCatalogue } from '../../platform/rules/catalogue.js';
import type { ConditionRecord } from '../../platform/rules/evaluate.js';
import {
  type TicketCatalogue,
  type TicketRelations,
  ticketCatalogue,
  ticketConditionRecord,
  ticketQueryFields,
} from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import type { ChangeAuthor } from '../tickets/timeline.js';

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });

const EVENT_TYPE_LABELS: Record<TriggerEventType, LocalizedLabel> = {
  created: label('创建时', 'Is created'),
  updated: label('更新时', 'Is updated'),
  comment: label('回复或注释时', 'Gets a reply or note'),
  record: label('关联服务记录时', 'Gets a service record'),
  split: label('拆单时（子单）', 'Is split off (child ticket)'),
  rated: label('客户评价完毕时', 'Is rated by the customer'),
  revoked: label('撤销时', 'Is revoked'),
  returned: label('退回时', 'Is returned (workflow)'),
};

/**
 * The fields about the change itself (工单: 创建时 / 更新时 …, 更新者是 客服 / 客户 / 系统). They exist
 * only in the trigger catalogue, never in views, which have no change to look at.
 */
export const EVENT_FIELDS: ConditionField[] = [
  {
    key: 'event.type',
    type: 'select',
    label: label('工单', 'Ticket'),
    options: (Object.keys(EVENT_TYPE_LABELS) as TriggerEventType[]).map((value) => ({
      value,
      label: EVENT_TYPE_LABELS[value],
    })),
  },
  {
    key: 'event.actorType',
    type: 'select',
    label: label('更新者', 'Updated by'),
    options: [
      { value: 'agent', label: label('客服', 'Agent') },
      { value: 'contact', label: label('客户', 'Customer') },
      { value: 'system', label: label('系统', 'System') },
    ],
  },
];

/**
 * The trigger condition catalogue: the caller's ticket catalogue (ticket, custom, company and contact
 * fields, with `$me`) plus the event fields. What views get is unchanged.
 */
export async function triggerCatalogue(
  db: Db,
  ctx: Pick<TicketContext, 'actor' | 'fields' | 'masked'>,
): Promise<TicketCatalogue> {
  const base = await ticketCatalogue(db, ctx);
  const fields = [...base.fields, ...EVENT_FIELDS];
  return { fields, columns: base.columns, catalogue: createFieldCatalogue(fields) };
}

/**
 * The catalogue the engine evaluates with: every field of the vendor (phone fields too, since
 * triggers run as the system), without option lists, so no query is needed per change.
 */
export function triggerEvaluationCatalogue(fields: FieldDefinition[]): FieldCatalogue {
  const { fields: ticketFields } = ticketQueryFields({
    fields,
    packages: [],
    agents: [],
    groups: [],
    templates: [],
    masked: false,
  });
  return createFieldCatalogue([...ticketFields, ...EVENT_FIELDS]);
}

/** A ticket as trigger conditions read it: the ticket's own record plus the event fields. */
export function triggerRecord(
  row: TicketRow,
  related: TicketRelations,
  fields: FieldDefinition[],
  event: { type: TriggerEventType; author: ChangeAuthor },
): ConditionRecord {
  return {
    ...ticketConditionRecord(row, related, fields),
    'event.type': event.type,
    'event.actorType': event.author.type,
  };
}
