import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../fieldErrors';
import type { FieldProblem } from '../../preload/contract';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  /** The problem with this field, already in words for people. */
  error?: string | null;
  hint?: string;
  optional?: boolean;
  className?: string;
  /** Ids of other elements that describe the control (a message shown under the field). */
  describedBy?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form field: <label for>, the control, a hint and the error beside it, both
 * tied to the control with aria-describedby so a screen reader reads them with the field.
 */
export function Field({ id, label, error, hint, optional, className, describedBy: extra, children }: Props) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, extra, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> ({t('common.optional')})</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true" className="field-error-mark">!</span> {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * Turns a server's field problem into a sentence in the UI language. A string is taken as a
 * sentence the page already translated.
 */
export function useFieldErrorText(): (problem: FieldProblem | string | null | undefined) => string | null {
  const { t } = useTranslation();
  return (problem) => {
    if (!problem) return null;
    return typeof problem === 'string' ? problem : fieldErrorText((key, params) => t(key, params), problem);
  };
}
