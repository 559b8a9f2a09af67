import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../i18n/useT';
import { useAgentSocket } from '../../../realtime/socketContext';
import { setSession } from './session';

/** When the server revokes this session (password changed, agent disabled), return to /login. */
export function useSessionEvents(): void {
  const socket = useAgentSocket();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useT();

  useEffect(() => {
    if (!socket) return;
    const onRevoked = () => {
      message.warning(t('auth.sessionRevoked'));
      setSession(queryClient, null);
    };
    socket.on('session.revoked', onRevoked);
    return () => {
      socket.off('session.revoked', onRevoked);
    };
  }, [socket, queryClient, message, t]);
}
