import { useAccess } from '../../auth/hooks/useAccess';
import { useCurrentMe } from '../../auth/hooks/useMe';
import type { CustomerSettings } from '../types/customerTypes';
import { useCustomerSettings } from './useCustomerSettings';

export interface CustomerAbilities {
  mode: '2b' | '2c';
  createCompany: boolean;
  /** Every company field; when only tags may change (advanced mode), this is false and editCompanyTags true. */
  editCompany: boolean;
  editCompanyTags: boolean;
  deleteCompany: boolean;
  mergeCompany: boolean;
  createContact: boolean;
  editContact: boolean;
  editContactTags: boolean;
  deleteContact: boolean;
  manageSettings: boolean;
  /** Stand-in for "administrator" until /me says so: read-only custom fields do not bind these agents. */
  bypassReadOnly: boolean;
  settings: CustomerSettings | undefined;
}

/**
 * What the agent may do with customers: role permissions combined with the vendor's advanced-mode
 * locks (which exempt tags). The server enforces the same rules; this only hides what would fail.
 */
export function useCustomerAbilities(): CustomerAbilities {
  const me = useCurrentMe();
  const { can } = useAccess();
  const { data: settings } = useCustomerSettings();
  const lock = (key: keyof CustomerSettings) => settings?.[key] === true;
  const edit = can('customer.edit');
  return {
    mode: me.vendor.customerMode,
    createCompany: can('customer.create') && !lock('lockCompanyCreate'),
    editCompany: edit && !lock('lockCompanyEdit'),
    editCompanyTags: edit,
    deleteCompany: can('customer.delete') && !lock('lockCompanyDelete'),
    mergeCompany: can('customer.delete') && !lock('lockCompanyDelete') && !lock('lockCompanyEdit'),
    createContact: can('customer.create') && !lock('lockContactCreate'),
    editContact: edit && !lock('lockContactEdit'),
    editContactTags: edit,
    deleteContact: can('customer.delete') && !lock('lockContactDelete'),
    manageSettings: can('customer.settings'),
    bypassReadOnly: can('customer.settings'),
    settings,
  };
}
