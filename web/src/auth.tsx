// Who is signed in. The provider asks GET /api/v1/auth/status and shows the one-time owner setup, the login page,
// or the console; a 401 anywhere ('qunyun:unauthorized') sends the user back to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { apiGet, apiSend, errorText } from './api';
import type { Schema } from './api/contract';
import { useI18n } from './i18n';
import './components/messages';
import { LoginPage } from './pages/login/LoginPage';
import { SetupPage } from './pages/login/SetupPage';

export type User = NonNullable<Schema<'SessionUser'>>;

export type AuthStatus = Schema<'AuthStatus'>;

interface Auth {
  user: User;
  demo: boolean;
  workspace: string;
  /** owner: everything; operator: 'operate' on its own communities (false when no community is named); analyst: nothing. */
  can(what: 'operate' | 'owner', community?: number): boolean;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

let signedInAt: number | null = null;
/** performance.now() when the user last signed in (or set up) on this page load; null when the session was already there. */
export const lastSignInAt = () => signedInAt;

export function canDo(user: User, what: 'operate' | 'owner', community?: number): boolean {
  if (user.role === 'owner') return true;
  if (what === 'owner' || user.role !== 'operator') return false;
  return community !== undefined && user.communities.includes(community);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await apiGet('/api/v1/auth/status'));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onUnauthorized = () => setStatus((s) => (s && s.user ? { ...s, user: null } : s));
    window.addEventListener('qunyun:unauthorized', onUnauthorized);
    return () => window.removeEventListener('qunyun:unauthorized', onUnauthorized);
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiSend('post', '/api/v1/auth/logout');
    } finally {
      setStatus((s) => (s ? { ...s, user: null } : s));
    }
  }, []);

  const value = useMemo<Auth | null>(() => {
    if (!status?.user) return null;
    const user = status.user;
    return { user, demo: status.demo, workspace: status.workspace, can: (what, c) => canDo(user, what, c), logout, refresh };
  }, [status, logout, refresh]);

  if (error && !status) {
    return (
      <Result
        status="warning"
        title={t('auth.statusFailed')}
        subTitle={error}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!status) {
    return (
      <div className="qy-fullscreen-center">
        <Spin size="large" />
        <div className="qy-muted" style={{ marginTop: 12 }}>
          {t('auth.loading')}
        </div>
      </div>
    );
  }
  const signedIn = async () => {
    signedInAt = performance.now();
    await refresh();
  };
  if (status.setup_required) return <SetupPage status={status} onDone={signedIn} />;
  if (!value) return <LoginPage status={status} onDone={signedIn} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside a signed-in AuthProvider');
  return ctx;
}
