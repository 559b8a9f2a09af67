import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { describeError } from '../api/useApiError';
import { MeContext } from '../features/auth/hooks/meContext';
import { useMe } from '../features/auth/hooks/useMe';
import { useT } from '../i18n/useT';
import { AgentSocketProvider } from '../realtime/AgentSocketProvider';

/** Everything below needs a session; without one the agent is sent to /login and comes back after. */
export function RequireAuth() {
  const { data: me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const { t } = useT();

  if (isLoading) {
    return (
      <Flex justify="center" align="center" style={{ height: '100%' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (error && me === undefined) {
    return (
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={describeError(error, t)}
        extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  return (
    <MeContext.Provider value={me}>
      <AgentSocketProvider agentId={me.agent.id}>
        <Outlet />
      </AgentSocketProvider>
    </MeContext.Provider>
  );
}
