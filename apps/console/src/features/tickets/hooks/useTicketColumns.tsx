import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { displayCustomValue } from '../../customers/components/customFieldValues';
import { useFields } from '../../customers/hooks/useFields';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { SlaRemainingTag } from '../../sla/components/SlaRemainingTag';
import { TicketPriorityTag } from '../components/TicketPriorityTag';
import { TicketStatusTag } from '../components/TicketStatusTag';
import type { Ticket } from '../types/ticketTypes';
import { useTicketLabels } from './useTicketLabels';
import { useTicketTemplates } from './useTicketTemplates';

/** Columns when the view names none. */
export const DEFAULT_COLUMNS = [
  'number',
  'subject',
  'status',
  'priority',
  'customer',
  'assignee',
  'updatedAt',
];

/** A view may name columns by the API field (assigneeId) or by what is shown (assignee). */
const ALIASES: Record<string, string> = {
  assigneeId: 'assignee',
  groupId: 'group',
  contactId: 'contact.name',
  companyId: 'company.name',
  templateId: 'template',
  ccAgentIds: 'ccAgents',
};

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** The list's columns in the view's order; unknown names are skipped. */
export function useTicketColumns(names: string[] | undefined): ColumnsType<Ticket> {
  const { t } = useT();
  const labels = useTicketLabels();
  const { data: fields = [] } = useFields('ticket');
  const { data: templates = [] } = useTicketTemplates();
  const { data: agents = [] } = useAgentDirectory();

  return useMemo(() => {
    const wanted = (names?.length ? names : DEFAULT_COLUMNS).map((n) => ALIASES[n] ?? n);
    const column = (name: string): ColumnsType<Ticket>[number] | null => {
      switch (name) {
        case 'number':
          return {
            key: name,
            title: t('tickets.field.number'),
            width: 80,
            render: (_, r) => <Typography.Text type="secondary">#{r.number}</Typography.Text>,
          };
        case 'subject':
          return {
            key: name,
            title: t('tickets.field.subject'),
            ellipsis: true,
            render: (_, r) => (
              <Link to={`/tickets/${r.id}`} data-testid={`ticket-link-${r.id}`}>
                {r.subject}
              </Link>
            ),
          };
        case 'status':
          return {
            key: name,
            title: t('tickets.field.status'),
            width: 90,
            render: (_, r) => <TicketStatusTag status={r.status} />,
          };
        case 'priority':
          return {
            key: name,
            title: t('tickets.field.priority'),
            width: 80,
            render: (_, r) => <TicketPriorityTag priority={r.priority} />,
          };
        case 'type':
          return {
            key: name,
            title: t('tickets.field.type'),
            width: 80,
            render: (_, r) => labels.type(r.type),
          };
        case 'source':
          return {
            key: name,
            title: t('tickets.field.source'),
            width: 100,
            render: (_, r) => labels.source(r.source),
          };
        case 'customer':
          return {
            key: name,
            title: t('tickets.field.customer'),
            width: 180,
            ellipsis: true,
            render: (_, r) =>
              r.contact || r.company ? (
                <Flex vertical>
                  <span>{r.contact?.name ?? r.company?.name}</span>
                  {r.contact && r.company && (
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {r.company.name}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                '—'
              ),
          };
        case 'contact.name':
          return {
            key: name,
            title: t('tickets.field.contactId'),
            width: 120,
            ellipsis: true,
            render: (_, r) => r.contact?.name ?? '—',
          };
        case 'contact.mobile':
          return {
            key: name,
            title: t('tickets.customer.mobile'),
            width: 120,
            render: (_, r) => r.contact?.mobile ?? '—',
          };
        case 'template':
          return {
            key: name,
            title: t('tickets.field.templateId'),
            width: 120,
            ellipsis: true,
            render: (_, r) => templates.find((x) => x.id === r.templateId)?.name ?? '—',
          };
        case 'ccAgents':
          return {
            key: name,
            title: t('tickets.field.ccAgentIds'),
            width: 140,
            ellipsis: true,
            render: (_, r) =>
              r.ccAgentIds.map((id) => agents.find((a) => a.id === id)?.name ?? `#${id}`).join('、') || '—',
          };
        case 'company.name':
          return {
            key: name,
            title: t('tickets.field.companyId'),
            width: 160,
            ellipsis: true,
            render: (_, r) => r.company?.name ?? '—',
          };
        case 'assignee':
          return {
            key: name,
            title: t('tickets.field.assigneeId'),
            width: 110,
            ellipsis: true,
            render: (_, r) =>
              r.assignee?.name ?? (
                <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>
              ),
          };
        case 'group':
          return {
            key: name,
            title: t('tickets.field.groupId'),
            width: 110,
            ellipsis: true,
            render: (_, r) => r.group?.name ?? '—',
          };
        case 'tags':
          return {
            key: name,
            title: t('tickets.field.tags'),
            width: 160,
            render: (_, r) => r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
          };
        case 'createdAt':
        case 'updatedAt':
        case 'dueAt':
        case 'solvedAt':
        case 'closedAt':
        case 'firstReplyAt':
          return {
            key: name,
            title: t(`tickets.field.${name}`),
            width: 150,
            render: (_, r) => time(r[name]),
          };
        case 'slaDueAt':
          return {
            key: name,
            title: t('sla.column'),
            width: 150,
            render: (_, r) => <SlaRemainingTag sla={r.sla} />,
          };
        default: {
          if (!name.startsWith('custom.')) return null;
          const def = fields.find((f) => f.key === name.slice('custom.'.length));
          if (!def) return null;
          return {
            key: name,
            title: def.label,
            width: 140,
            ellipsis: true,
            render: (_, r) =>
              displayCustomValue(def, r.custom[def.key], { yes: t('tickets.yes'), no: t('tickets.no') }) ||
              '—',
          };
        }
      }
    };
    return wanted.flatMap((name) => {
      const c = column(name);
      return c ? [c] : [];
    });
  }, [names, t, labels, fields, templates, agents]);
}
