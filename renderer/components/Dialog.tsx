import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert, traps
 * focus, closes on Escape and gives focus back to the button that opened it.
 */
export function Dialog({ title, onClose, children, role = 'dialog', describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Layout effect: the cleanup closes the dialog before React removes it from the page, so
  // the browser gives focus back to the element that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element; a safer default can be marked.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={describedBy} role={role === 'alertdialog' ? 'alertdialog' : undefined}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
