import { api } from '../../../api/client';
import type {
  BulkResult,
  Contact,
  ContactBulkSet,
  ContactCreate,
  ContactFilter,
  ContactPage,
  ContactUpdate,
} from '../types/customerTypes';

export const CONTACT_PAGE_SIZE = 50;

export function listContacts(filter: ContactFilter, cursor?: string, limit = CONTACT_PAGE_SIZE) {
  return api.get<ContactPage>('/contacts', { ...filter, cursor, limit });
}

export function getContact(id: number): Promise<Contact> {
  return api.get<Contact>(`/contacts/${id}`);
}

export function createContact(body: ContactCreate): Promise<Contact> {
  return api.post<Contact>('/contacts', body);
}

export function updateContact(id: number, body: ContactUpdate): Promise<Contact> {
  return api.patch<Contact>(`/contacts/${id}`, body);
}

export function deleteContact(id: number): Promise<void> {
  return api.delete(`/contacts/${id}`);
}

export async function bulkUpdateContacts(ids: number[], set: ContactBulkSet): Promise<BulkResult[]> {
  return (await api.post<{ items: BulkResult[] }>('/contacts/bulk-update', { ids, set })).items;
}

export async function bulkDeleteContacts(ids: number[]): Promise<BulkResult[]> {
  return (await api.post<{ items: BulkResult[] }>('/contacts/bulk-delete', { ids })).items;
}
