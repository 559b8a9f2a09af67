import type { AgentFilter } from '../api/agentsApi';

export const orgKeys = {
  agents: ['agents'] as const,
  agentList: (filter: AgentFilter) => ['agents', 'list', filter] as const,
  directory: ['agents', 'directory'] as const,
  groups: ['groups'] as const,
  groupDirectory: ['groups', 'directory'] as const,
  roles: ['roles'] as const,
};
