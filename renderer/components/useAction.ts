import { useEffect, useState, type RefObject } from 'react';

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

  return { run, busy, error, clearError: () => setError(null) };
}

/**
 * After a refusal, focus goes to the first field of the form in trouble, else to the form's
 * error message.
 */
export function useFocusOnError(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error || !form.current) return;
    const target = form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [error, form]);
}
