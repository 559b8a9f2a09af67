import { useCallback } from 'react';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import type { FieldDefinition } from '../types/customerTypes';
import { useCustomerAbilities } from './useCustomerAbilities';

/**
 * Whether a custom field is read-only for the signed-in agent (everyone, one of their groups, or
 * them by name). The agent's groups come from the directory because /me does not list them.
 */
export function useReadOnlyCheck(): (def: FieldDefinition) => boolean {
  const me = useCurrentMe();
  const { bypassReadOnly } = useCustomerAbilities();
  const { data: directory = [] } = useAgentDirectory();
  const myGroups = directory.find((a) => a.id === me.agent.id)?.groupIds ?? [];
  return useCallback(
    (def: FieldDefinition) => {
      if (bypassReadOnly) return false;
      const scope = def.readOnly;
      return (
        scope.all || scope.agentIds.includes(me.agent.id) || scope.groupIds.some((g) => myGroups.includes(g))
      );
    },
    [bypassReadOnly, me.agent.id, myGroups],
  );
}
