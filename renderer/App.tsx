import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../main/domain/assembly/types';
import { call, isApiCallError } from './api';
import { forgetToken, type BridgeState } from './bridge/webBridge';
import { AppStateContext, type AppState } from './components/AppState';
import { ErrorNotice } from './components/ErrorNotice';
import { Shell } from './components/Shell';
import { setDisplayTimeZone } from './format';
import { applyLanguage } from './i18n';
import { OperatorPage } from './pages/OperatorPage';
import { StartPage } from './pages/StartPage';
import { StationApp } from './station/StationApp';

export function App({ bridge }: { bridge: BridgeState }) {
  const [status, setStatusState] = useState<AppStatus | null>(null);
  const [bootError, setBootError] = useState<unknown>(null);

  const setStatus = useCallback((next: AppStatus) => {
    void applyLanguage(next.language);
    setDisplayTimeZone(next.assembly?.timeZone);
    setStatusState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await call('app.status', {});
      await applyLanguage(next.language);
      setDisplayTimeZone(next.assembly?.timeZone);
      setStatusState(next);
      setBootError(null);
    } catch (e) {
      setBootError(e);
    }
  }, []);

  useEffect(() => {
    if (bridge !== 'no-token' && bridge !== 'station') void refresh();
  }, [bridge, refresh]);

  const state = useMemo<AppState | null>(() => (status ? { status, setStatus, refresh } : null), [status, setStatus, refresh]);

  if (bridge === 'no-token') return <BootMessage kind="noToken" />;
  // A browser on the venue link: join, wait for approval, then the page for this device's role.
  if (bridge === 'station') return <StationApp />;
  if (!state) {
    if (bootError) {
      if (isApiCallError(bootError) && bootError.code === 'FORBIDDEN') {
        forgetToken();
        return <BootMessage kind="badToken" />;
      }
      return <BootMessage kind="unreachable" error={bootError} onRetry={() => void refresh()} />;
    }
    return <Loading />;
  }

  return (
    <AppStateContext.Provider value={state}>
      {!state.status.operator ? <OperatorPage /> : !state.status.assembly ? <StartPage /> : <Shell assembly={state.status.assembly} />}
    </AppStateContext.Provider>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="boot" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Before the app can talk to main: no token, a refused token, or no answer. */
export function BootMessage({ kind, error, onRetry }: { kind: 'noToken' | 'badToken' | 'unreachable'; error?: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="start-shell">
      <header className="start-header">
        <p className="product">Assembly Desk</p>
      </header>
      <main id="main" className="start-main narrow">
        <h1>{t(`boot.${kind}Title`)}</h1>
        <div className="panel">
          <p className="boot-text">{t(`boot.${kind}`)}</p>
          {kind === 'noToken' && <p className="muted">{t('boot.noTokenHint')}</p>}
          {error ? <ErrorNotice error={error} /> : null}
          {onRetry && (
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={onRetry}>
                {t('common.retry')}
              </button>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
