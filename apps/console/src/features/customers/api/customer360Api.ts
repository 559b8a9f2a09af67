import type {
  CustomerStatisticsPage,
  CustomerStatisticsQuery,
  CustomerTimelineItem,
  ServiceRecord,
  Ticket,
} from '@yidan/contracts';
import { api } from '../../../api/client';

/** The customer a 360 tab is about. */
export interface CustomerRef {
  kind: 'company' | 'contact';
  id: number;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type StatisticsFilter = Omit<CustomerStatisticsQuery, 'cursor' | 'limit'>;

export const CUSTOMER_TAB_PAGE = 30;
const owner = (c: CustomerRef) => (c.kind === 'company' ? { companyId: c.id } : { contactId: c.id });

/** 服务记录 of the customer, newest first. */
export function listCustomerRecords(customer: CustomerRef, cursor?: string) {
  return api.get<Page<ServiceRecord>>('/service-records', {
    ...owner(customer),
    cursor,
    limit: CUSTOMER_TAB_PAGE,
  });
}

/** 工单 of the customer, newest first (within the agent's ticket data scope). */
export function listCustomerTickets(customer: CustomerRef, cursor?: string) {
  return api.get<Page<Ticket>>('/tickets', {
    ...owner(customer),
    sort: '-createdAt',
    cursor,
    limit: CUSTOMER_TAB_PAGE,
  });
}

/** 时间线: tickets, service records and audited changes merged, newest first. */
export function getCustomerTimeline(customer: CustomerRef, cursor?: string) {
  const path = customer.kind === 'company' ? 'companies' : 'contacts';
  return api.get<Page<CustomerTimelineItem>>(`/${path}/${customer.id}/timeline`, {
    cursor,
    limit: CUSTOMER_TAB_PAGE,
  });
}

/** 客户统计 (manual 2.12). */
export function getCustomerStatistics(filter: StatisticsFilter, cursor?: string, limit = 50) {
  return api.get<CustomerStatisticsPage>('/customer-statistics', { ...filter, cursor, limit });
}
