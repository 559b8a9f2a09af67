import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import { displayCustomValue } from '../../customers/components/customFieldValues';
import { useFields } from '../../customers/hooks/useFields';
import type { Ticket, ViewGroup } from '../types/ticketTypes';
import { useTicketLabels } from './useTicketLabels';
import { useTicketTemplates } from './useTicketTemplates';

export interface TicketGroup {
  key: string;
  label: string;
  /** The server's count for the whole view when it gave one, else the rows loaded. */
  count: number;
  rows: Ticket[];
}

const ORDER: Record<string, string[]> = {
  status: ['new', 'open', 'pending', 'solved', 'closed'],
  priority: ['urgent', 'high', 'normal', 'low'],
};

/**
 * The loaded rows of a grouped view (status, priority, assignee, group, template or a select custom
 * field) in their groups; one unnamed group when the view is not grouped.
 */
export function useTicketGroups(
  rows: Ticket[],
  groupBy: string | null | undefined,
  serverGroups: ViewGroup[] | undefined,
): TicketGroup[] {
  const { t } = useT();
  const labels = useTicketLabels();
  const { data: templates = [] } = useTicketTemplates();
  const { data: fields = [] } = useFields('ticket');

  return useMemo(() => {
    if (!groupBy) return [{ key: '', label: '', count: rows.length, rows }];
    const none = t('tickets.group.none');
    const customDef = groupBy.startsWith('custom.')
      ? fields.find((f) => f.key === groupBy.slice('custom.'.length))
      : undefined;
    const keyAndLabel = (r: Ticket): [string, string] => {
      switch (groupBy) {
        case 'status':
          return [r.status, labels.status(r.status)];
        case 'priority':
          return [r.priority, labels.priority(r.priority)];
        case 'assignee':
          return r.assignee ? [String(r.assignee.id), r.assignee.name] : ['', none];
        case 'group':
          return r.group ? [String(r.group.id), r.group.name] : ['', none];
        case 'template': {
          const tpl = templates.find((x) => x.id === r.templateId);
          return tpl ? [String(tpl.id), tpl.name] : ['', none];
        }
        default: {
          const raw = r.custom[groupBy.slice('custom.'.length)];
          if (raw === undefined || raw === null || raw === '') return ['', none];
          const text = customDef ? displayCustomValue(customDef, raw, { yes: '✓', no: '✗' }) : String(raw);
          return [String(raw), text];
        }
      }
    };
    const groups = new Map<string, TicketGroup>();
    for (const r of rows) {
      const [key, label] = keyAndLabel(r);
      const group = groups.get(key) ?? { key, label, count: 0, rows: [] };
      group.rows.push(r);
      groups.set(key, group);
    }
    const order = ORDER[groupBy];
    return [...groups.values()]
      .map((g) => ({ ...g, count: serverGroups?.find((s) => s.value === g.key)?.count ?? g.rows.length }))
      .sort((a, b) =>
        order
          ? order.indexOf(a.key) - order.indexOf(b.key)
          : a.key === ''
            ? 1
            : b.key === ''
              ? -1
              : a.label.localeCompare(b.label, 'zh-CN'),
      );
  }, [rows, groupBy, serverGroups, t, labels, templates, fields]);
}
