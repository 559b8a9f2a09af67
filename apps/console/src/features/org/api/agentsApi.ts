import type { Agent } from '@yidan/contracts';
import { api } from '../../../api/client';
import type { AgentCreate, AgentUpdate, ListOf } from '../../../api/types';

export interface AgentFilter {
  q?: string;
  groupId?: number;
  enabled?: boolean;
}

export async function listAgents(filter: AgentFilter = {}): Promise<Agent[]> {
  const query = { q: filter.q, groupId: filter.groupId, enabled: filter.enabled?.toString() };
  return (await api.get<ListOf<Agent>>('/agents', query)).items;
}

/** Every agent may list colleagues (id, name, account) for pickers and the roster. */
export interface DirectoryAgent {
  id: number;
  account: string;
  name: string;
  groupIds: number[];
  enabled: boolean;
  available: boolean;
}

export async function listAgentDirectory(): Promise<DirectoryAgent[]> {
  return (await api.get<ListOf<DirectoryAgent>>('/agents/directory')).items;
}

export async function checkAccount(account: string): Promise<boolean> {
  return (await api.get<{ available: boolean }>('/agents/check-account', { account })).available;
}

export function createAgent(body: AgentCreate): Promise<Agent> {
  return api.post<Agent>('/agents', body);
}

export function updateAgent(id: number, body: AgentUpdate): Promise<Agent> {
  return api.patch<Agent>(`/agents/${id}`, body);
}
