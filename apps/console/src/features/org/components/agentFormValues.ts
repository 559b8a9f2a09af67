import type { Agent, ModuleGrant } from '@yidan/contracts';
import type { AgentCreate, AgentUpdate } from '../../../api/types';

export interface AgentFormValues {
  account: string;
  name: string;
  password?: string;
  employeeNo?: string;
  mobile?: string;
  email?: string;
  tags: string[];
  maxChats: number;
  grants: ModuleGrant[];
  roleId?: number | null;
  groupIds: number[];
  enabled: boolean;
  available: boolean;
}

export const DEFAULT_MAX_CHATS = 5;

export function defaultAgentValues(defaultRoleId?: number): AgentFormValues {
  return {
    account: '',
    name: '',
    tags: [],
    maxChats: DEFAULT_MAX_CHATS,
    grants: ['chat', 'ticket'],
    roleId: defaultRoleId ?? null,
    groupIds: [],
    enabled: true,
    available: true,
  };
}

export function agentToValues(agent: Agent): AgentFormValues {
  return {
    account: agent.account,
    name: agent.name,
    employeeNo: agent.employeeNo ?? undefined,
    mobile: agent.mobile ?? undefined,
    email: agent.email ?? undefined,
    tags: agent.tags,
    maxChats: agent.maxChats,
    grants: agent.grants,
    roleId: agent.roleId,
    groupIds: agent.groupIds,
    enabled: agent.enabled,
    available: agent.available,
  };
}

const blank = (value?: string) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

export function valuesToCreate(v: AgentFormValues): AgentCreate {
  return {
    account: v.account.trim(),
    name: v.name.trim(),
    password: v.password ?? '',
    roleId: v.roleId ?? undefined,
    groupIds: v.groupIds,
    grants: v.grants,
    employeeNo: blank(v.employeeNo),
    mobile: blank(v.mobile),
    email: blank(v.email),
    tags: v.tags,
    maxChats: v.maxChats,
  };
}

export function valuesToUpdate(v: AgentFormValues): AgentUpdate {
  return {
    name: v.name.trim(),
    ...(v.password ? { password: v.password } : {}),
    roleId: v.roleId ?? null,
    groupIds: v.groupIds,
    grants: v.grants,
    employeeNo: blank(v.employeeNo) ?? null,
    mobile: blank(v.mobile) ?? null,
    email: blank(v.email) ?? null,
    tags: v.tags,
    maxChats: v.maxChats,
    enabled: v.enabled,
    available: v.available,
  };
}
