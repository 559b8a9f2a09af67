import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import {
  bulkDeleteContacts,
  bulkUpdateContacts,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from '../api/contactsApi';
import type { ContactBulkSet, ContactCreate, ContactFilter, ContactUpdate } from '../types/customerTypes';
import { customerKeys } from './customerKeys';
import { useInvalidateCustomers } from './useInvalidateCustomers';

/** Contacts newest first, page by page (cursor). */
export function useContactList(filter: ContactFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: customerKeys.contactList(filter),
    queryFn: ({ pageParam }) => listContacts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContact(id: number | null | undefined) {
  return useQuery({
    queryKey: customerKeys.contact(id ?? 0),
    queryFn: () => getContact(id!),
    enabled: Boolean(id),
  });
}

export function useCreateContact() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: ContactCreate) => createContact(body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ContactUpdate }) => updateContact(id, body),
    onSuccess: () => invalidate(),
  });
}

/** Deleting from a list refetches it; deleting from the contact's own page navigates away first. */
export function useDeleteContact(options: { refetch?: boolean } = {}) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (id: number) => deleteContact(id),
    onSuccess: (_data, id) => invalidate({ deleted: { contacts: [id] }, refetch: options.refetch }),
  });
}

export function useBulkUpdateContacts() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ ids, set }: { ids: number[]; set: ContactBulkSet }) => bulkUpdateContacts(ids, set),
    onSuccess: () => invalidate(),
  });
}

export function useBulkDeleteContacts() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (ids: number[]) => bulkDeleteContacts(ids),
    onSuccess: (results) =>
      invalidate({ deleted: { contacts: results.filter((r) => r.ok).map((r) => r.id) } }),
  });
}
