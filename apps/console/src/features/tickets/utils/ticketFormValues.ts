import type { Dayjs } from 'dayjs';
import type { Attachment, TicketPriority, TicketStatus, TicketType } from '../types/ticketTypes';

/** The create drawer's form. */
export interface TicketCreateValues {
  contactId?: number | null;
  companyId?: number | null;
  subject: string;
  description?: string;
  templateId?: number | null;
  type: TicketType;
  priority: TicketPriority;
  assigneeId?: number | null;
  groupId?: number | null;
  tags?: string[];
  /** Set by macros (宏); the form has no control for it. */
  ccAgentIds?: number[];
  dueAt?: Dayjs | null;
  custom?: Record<string, unknown>;
  attachments?: Attachment[];
}

/** The detail page's fields panel. */
export interface TicketFieldValues {
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  templateId: number | null;
  tags: string[];
  dueAt: Dayjs | null;
  custom: Record<string, unknown>;
  /** Set by macros (宏) until saved; the page edits them through 流转 otherwise. */
  assigneeId?: number | null;
  groupId?: number | null;
  ccAgentIds?: number[];
}

/** Prefill of the create drawer (新建工单 from a customer's page). */
export interface TicketPrefill {
  contactId?: number;
  contactName?: string;
  companyId?: number;
  companyName?: string;
}
