import { type ReactNode, useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { type AgentSocket, AgentSocketContext } from './socketContext';

/**
 * Opens the /agent namespace for the signed-in agent (the session cookie authenticates it) and
 * closes it when the agent changes or signs out.
 */
export function AgentSocketProvider({ agentId, children }: { agentId: number; children: ReactNode }) {
  const [socket, setSocket] = useState<AgentSocket | null>(null);

  useEffect(() => {
    if (!agentId) return;
    const next: AgentSocket = io('/agent', { withCredentials: true });
    setSocket(next);
    return () => {
      next.disconnect();
      setSocket(null);
    };
  }, [agentId]);

  return <AgentSocketContext.Provider value={socket}>{children}</AgentSocketContext.Provider>;
}
