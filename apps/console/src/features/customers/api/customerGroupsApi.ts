import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { CustomerGroup, CustomerGroupCreate, CustomerGroupUpdate } from '../types/customerTypes';

export async function listCustomerGroups(): Promise<CustomerGroup[]> {
  return (await api.get<ListOf<CustomerGroup>>('/customer-groups')).items;
}

export function createCustomerGroup(body: CustomerGroupCreate): Promise<CustomerGroup> {
  return api.post<CustomerGroup>('/customer-groups', body);
}

export function updateCustomerGroup(id: number, body: CustomerGroupUpdate): Promise<CustomerGroup> {
  return api.patch<CustomerGroup>(`/customer-groups/${id}`, body);
}

export function deleteCustomerGroup(id: number): Promise<void> {
  return api.delete(`/customer-groups/${id}`);
}
