import type { AgentServerEvents } from '@yidan/contracts';
import { createContext, useContext } from 'react';
import type { Socket } from 'socket.io-client';

export type AgentSocket = Socket<AgentServerEvents>;

export const AgentSocketContext = createContext<AgentSocket | null>(null);

/** The realtime connection of the signed-in agent (null before it is created). */
export function useAgentSocket(): AgentSocket | null {
  return useContext(AgentSocketContext);
}
