import { createContext, useCallback, useContext, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppStatus } from '../../main/domain/assembly/types';
import type { StationRole } from '../../preload/vocabulary';
import { isApiCallError } from '../api';

export interface AppState {
  status: AppStatus;
  /** Replace the status with one a call returned (app.setOperator, app.closeAssembly...). */
  setStatus: (status: AppStatus) => void;
  /** Ask main again (after opening or creating an assembly, or when a call says none is open). */
  refresh: () => Promise<void>;
  /**
   * On a station (the venue link): its role, and for a counting station the one count it may
   * enter. Pages offer only what the role may do; the host enforces it anyway (main/roles.ts).
   */
  station?: { role: StationRole; slot: 1 | 2 | null };
}

export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside <AppStateContext.Provider>');
  return value;
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads data for a page. When main answers that no assembly is open or no operator is set
 * (another window closed it, for example), the app status is refreshed so the start screen shows.
 */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const { refresh } = useAppState();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  // The caller's deps decide when to load again (as with useEffect); the hooks lint plugin is not installed.
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine !== generation.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine !== generation.current) return;
      setError(e);
      if (isApiCallError(e) && (e.code === 'NO_ASSEMBLY_OPEN' || e.code === 'NO_OPERATOR')) void refresh();
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run, refresh]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
