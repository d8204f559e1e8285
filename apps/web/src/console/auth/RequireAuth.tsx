import type { Me } from '@griddesk/shared';
import { Button, Flex, Result, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../../api';
import { useT } from '../../i18n';
import { useMe } from './session';

export const PASSWORD_PATH = '/password';

const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only valid below <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used below <RequireAuth>');
  return me;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const t = useT();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(me.error, t)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location }} />;
  // after an administrator's reset nothing else opens until the user has chosen a password
  if (me.data.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
