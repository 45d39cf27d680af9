import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from './AppState';
import { ErrorNotice } from './ErrorNotice';

/** What an action just did, announced (role=status); takes no room when there is nothing to say. */
export function StatusLine({ message, children }: { message: string | null | undefined; children?: ReactNode }) {
  return (
    <div role="status" className="status-line">
      {message && (
        <p className="notice notice-success">
          <span>{message}</span>
          {children}
        </p>
      )}
    </div>
  );
}

/**
 * Where a list loaded by useApiData stands: why it failed, "Loading…" until the first answer, and
 * `empty` once it came back with nothing.
 */
export function LoadStatus({ loaded, empty }: { loaded: Loaded<unknown>; empty?: string | false }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNotice error={loaded.error} />
      {loaded.loading && !loaded.data && <p className="muted">{t('app.loading')}</p>}
      {loaded.data !== undefined && empty && <p className="empty-inline">{empty}</p>}
    </>
  );
}
