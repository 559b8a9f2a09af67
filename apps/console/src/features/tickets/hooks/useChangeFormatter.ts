import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useT } from '../../../i18n/useT';
import { displayCustomValue } from '../../customers/components/customFieldValues';
import { useFields } from '../../customers/hooks/useFields';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import type { Ticket, TicketChange } from '../types/ticketTypes';
import { useGroupOptions } from './useGroupOptions';
import { useTicketLabels } from './useTicketLabels';
import { useTicketTemplates } from './useTicketTemplates';

const FIELD_KEYS = [
  'subject',
  'description',
  'status',
  'priority',
  'type',
  'templateId',
  'contactId',
  'companyId',
  'assigneeId',
  'groupId',
  'ccAgentIds',
  'ccGroupIds',
  'tags',
  'dueAt',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isFieldKey = (f: string): f is FieldKey => (FIELD_KEYS as readonly string[]).includes(f);

export interface ChangeText {
  label: string;
  from: string;
  to: string;
}

/**
 * A timeline change (`priority: normal → urgent`, `assigneeId: 3 → 5`, `custom.product …`) as the
 * words people read: 优先级：正常 → 紧急. Ids become names where the console knows them.
 */
export function useChangeFormatter(ticket: Ticket | undefined) {
  const { t } = useT();
  const labels = useTicketLabels();
  const { data: agents = [] } = useAgentDirectory();
  const groups = useGroupOptions();
  const { data: templates = [] } = useTicketTemplates();
  const { data: fields = [] } = useFields('ticket');

  return useCallback(
    (change: TicketChange): ChangeText => {
      const empty = t('tickets.change.empty');
      const agentName = (id: unknown) => agents.find((a) => a.id === id)?.name ?? `#${id}`;
      const groupName = (id: unknown) =>
        groups.find((g) => g.id === id)?.name ??
        (ticket?.group?.id === id ? ticket?.group?.name : null) ??
        `#${id}`;
      const list = (v: unknown, name: (id: unknown) => string) =>
        Array.isArray(v) && v.length ? v.map(name).join('、') : empty;

      const value = (field: string, v: unknown): string => {
        if (v === null || v === undefined || v === '') return empty;
        if (field.startsWith('custom.')) {
          const def = fields.find((f) => f.key === field.slice('custom.'.length));
          const text = def
            ? displayCustomValue(def, v, { yes: t('tickets.yes'), no: t('tickets.no') })
            : JSON.stringify(v);
          return text || empty;
        }
        switch (field) {
          case 'status':
            return labels.status(v as Ticket['status']);
          case 'priority':
            return labels.priority(v as Ticket['priority']);
          case 'type':
            return labels.type(v as Ticket['type']);
          case 'assigneeId':
            return agentName(v);
          case 'ccAgentIds':
            return list(v, agentName);
          case 'groupId':
            return groupName(v);
          case 'ccGroupIds':
            return list(v, groupName);
          case 'templateId':
            return templates.find((x) => x.id === v)?.name ?? `#${v}`;
          case 'contactId':
            return ticket?.contact?.id === v ? ticket.contact.name : `#${v}`;
          case 'companyId':
            return ticket?.company?.id === v ? ticket.company.name : `#${v}`;
          case 'tags':
            return Array.isArray(v) && v.length ? v.join('、') : empty;
          case 'dueAt':
            return typeof v === 'string' ? dayjs(v).format('YYYY-MM-DD HH:mm') : String(v);
          case 'description':
            return t('tickets.change.edited');
          default:
            return typeof v === 'string' ? v : JSON.stringify(v);
        }
      };

      const label = change.field.startsWith('custom.')
        ? (fields.find((f) => f.key === change.field.slice('custom.'.length))?.label ??
          change.field.slice('custom.'.length))
        : isFieldKey(change.field)
          ? t(`tickets.field.${change.field}`)
          : change.field;
      return { label, from: value(change.field, change.from), to: value(change.field, change.to) };
    },
    [t, labels, agents, groups, templates, fields, ticket],
  );
}
