import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentCreate, AgentUpdate } from '../../../api/types';
import { ME_KEY } from '../../auth/hooks/meQuery';
import { type AgentFilter, createAgent, listAgentDirectory, listAgents, updateAgent } from '../api/agentsApi';
import { orgKeys } from './orgKeys';

/** `enabled` lets pages of other permissions skip the call when the agent lacks org.agents. */
export function useAgents(filter: AgentFilter = {}, enabled = true) {
  return useQuery({
    queryKey: orgKeys.agentList(filter),
    queryFn: () => listAgents(filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Colleagues' names for pickers and the roster; every agent may read it. */
export function useAgentDirectory() {
  return useQuery({ queryKey: orgKeys.directory, queryFn: listAgentDirectory, staleTime: 60_000 });
}

/** Agents change group member lists, role counts and maybe my own grants: those caches follow. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.agents }),
      queryClient.invalidateQueries({ queryKey: orgKeys.groups }),
      queryClient.invalidateQueries({ queryKey: orgKeys.roles }),
      queryClient.invalidateQueries({ queryKey: ME_KEY }),
    ]);
}

export function useCreateAgent() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: (body: AgentCreate) => createAgent(body), onSuccess: invalidate });
}

export function useUpdateAgent() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AgentUpdate }) => updateAgent(id, body),
    onSuccess: invalidate,
  });
}
