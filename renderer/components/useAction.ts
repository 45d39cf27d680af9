import { useState } from 'react';

/**
 * One user action that calls main: tracks "busy" (to disable the button while it runs) and
 * the error to show, and puts the focus back on a field when it fails, so a keyboard user
 * lands where the correction is needed.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>, focusOnErrorId?: string) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(...args: A): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (e) {
      setError(e);
      if (focusOnErrorId) document.getElementById(focusOnErrorId)?.focus();
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error };
}
