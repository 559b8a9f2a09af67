import type { ModuleGrant, Permission } from '@yidan/contracts';
import type { ReactNode } from 'react';
import { useCurrentMe } from '../features/auth/hooks/useMe';
import { isAllowed } from './navigation';
import { ForbiddenPage } from './pages/ForbiddenPage';

/** Renders the page only when the agent has its module and permission; otherwise a 403 result. */
export function RequireAccess({
  module,
  permission,
  children,
}: {
  module?: ModuleGrant;
  permission?: Permission;
  children: ReactNode;
}) {
  const me = useCurrentMe();
  return isAllowed({ module, permission }, me) ? children : <ForbiddenPage />;
}
