import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { CustomerSettings, ServicePackage } from '../types/customerTypes';

export function getCustomerSettings(): Promise<CustomerSettings> {
  return api.get<CustomerSettings>('/customer-settings');
}

export function updateCustomerSettings(body: Partial<CustomerSettings>): Promise<CustomerSettings> {
  return api.patch<CustomerSettings>('/customer-settings', body);
}

export async function listServicePackages(): Promise<ServicePackage[]> {
  return (await api.get<ListOf<ServicePackage>>('/service-packages')).items;
}

/** Replaces the whole package list, in this order. */
export async function setServicePackages(names: string[]): Promise<ServicePackage[]> {
  return (await api.put<ListOf<ServicePackage>>('/service-packages', { names })).items;
}
