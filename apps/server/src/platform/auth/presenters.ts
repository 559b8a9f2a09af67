import type { Me } from '@yidan/contracts';
import type { VendorRow } from '../../modules/vendors/service.js';
import type { Actor } from './actor.js';

export function logoUrl(vendor: Pick<VendorRow, 'id' | 'logoFile'>): string | null {
  return vendor.logoFile ? `/api/v1/vendors/${vendor.id}/logo?v=${vendor.logoFile.slice(0, 12)}` : null;
}

export function presentMe(actor: Actor): Me {
  const vendor = actor.vendor;
  return {
    agent: {
      id: actor.agentId,
      account: actor.account,
      name: actor.name,
      grants: actor.grants,
      roleId: actor.roleId,
      roleName: actor.roleName,
      isAdmin: actor.roleSystem === 'admin',
    },
    vendor: {
      id: actor.vendorId,
      name: vendor.displayName ?? vendor.name,
      loginKey: vendor.loginKey,
      timeZone: vendor.timeZone,
      customerMode: vendor.customerMode,
      logoUrl: logoUrl({ id: actor.vendorId, logoFile: vendor.logoFile }),
    },
    permissions: [...actor.permissions],
    dataScope: actor.dataScope,
    features: actor.features,
    modules: actor.modules,
    csrfToken: actor.csrfToken,
  };
}
