import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The action runs: the button says so and cannot be pressed again. */
  busy: boolean;
  submitLabel: string;
  /** 'danger' for destructive confirmations, 'plain' for a secondary action. */
  tone?: 'primary' | 'danger' | 'plain';
  /** Disabled for another reason than `busy` (another action runs, nothing to do). */
  disabled?: boolean;
  /** A button that runs this instead of submitting its form (confirmations outside a form). */
  onConfirm?: () => void;
  submitRef?: Ref<HTMLButtonElement>;
  onCancel?: () => void;
  /** Default: "Cancel". */
  cancelLabel?: string;
  /** Focus lands on Cancel when the dialog opens: the safe default of a destructive confirmation. */
  cancelFirst?: boolean;
  /** More after the two buttons (a note, another button). */
  children?: ReactNode;
}

/** The buttons that end a form or a confirmation: the action, then Cancel. */
export function FormActions({ busy, submitLabel, tone = 'primary', disabled, onConfirm, submitRef, onCancel, cancelLabel, cancelFirst, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button
        type={onConfirm ? 'button' : 'submit'}
        ref={submitRef}
        className={tone === 'plain' ? 'button' : `button button-${tone}`}
        onClick={onConfirm}
        disabled={busy || disabled}
      >
        {busy ? t('common.busy') : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} data-autofocus={cancelFirst || undefined}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}
