import type { ModuleGrant, Permission } from '@yidan/contracts';
import { useCallback } from 'react';
import { useCurrentMe } from './useMe';

export interface Access {
  can: (permission: Permission) => boolean;
  hasModule: (module: ModuleGrant) => boolean;
}

/** Permission and module checks for the current agent (what the server already decided in /me). */
export function useAccess(): Access {
  const me = useCurrentMe();
  const can = useCallback((permission: Permission) => me.permissions.includes(permission), [me.permissions]);
  const hasModule = useCallback((module: ModuleGrant) => me.modules.includes(module), [me.modules]);
  return { can, hasModule };
}
