/**
 * Numbers typed by a recruitment officer, and the small inputs of the quota tables. Shares are
 * often copied from Belgian census tables, where the decimal separator is a comma: "50,6" is
 * 50.6 in every language of the UI.
 */
import { useEffect, useState } from 'react';
import type { Language } from '../../../preload/vocabulary';
import { Field } from '../../components/Field';
import { localeFor } from '../../format';

export type Parsed = { ok: true; value: number | null } | { ok: false };

const DECIMAL = /^\d+(?:[.,]\d+)?$|^[.,]\d+$/;

/** "50,6", "50.6", " 50,6 % " -> 50.6; "" -> null; anything else is not a number. */
export function parseDecimal(text: string): Parsed {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!DECIMAL.test(cleaned)) return { ok: false };
  return { ok: true, value: Number(cleaned.replace(',', '.')) };
}

/** "29" -> 29; "" -> null; "29,5", "-1" or "abc" are not whole numbers. */
export function parseWhole(text: string): Parsed {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+$/.test(cleaned)) return { ok: false };
  return { ok: true, value: Number(cleaned) };
}

/** A number as a person of that language types it: 50.6 in English, 50,6 in French and Dutch. */
export function decimalText(n: number | null, language: Language): string {
  if (n === null) return '';
  return new Intl.NumberFormat(localeFor(language), { useGrouping: false, maximumFractionDigits: 4 }).format(n);
}

/** A number with its sign, for differences: "+1.5", "−3.2". */
export function signedText(n: number, language: Language): string {
  return new Intl.NumberFormat(localeFor(language), { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

interface CellInputProps {
  id: string;
  /** The accessible name ("Population share of female, in %"). */
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
  decimal?: boolean;
  /** Marks a value that differs from what is saved. */
  changed?: boolean;
  suffix?: string;
  /** Whole numbers that may be negative (band bounds). */
  signed?: boolean;
}

/**
 * An input inside a table cell: the column header says what it is to a sighted reader, the
 * (visually hidden) label says it in full to a screen reader, and the error sits right under it.
 */
export function CellInput({ id, label, value, onChange, error, decimal, changed, suffix, signed }: CellInputProps) {
  const errorId = `${id}-error`;
  return (
    <div className={`cell-input${error ? ' cell-input-invalid' : ''}${changed ? ' cell-input-changed' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span className="cell-input-row">
        <input
          id={id}
          type="text"
          inputMode={decimal ? 'decimal' : signed ? 'text' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {suffix && <span aria-hidden="true" className="cell-input-suffix">{suffix}</span>}
      </span>
      {error && (
        <p className="field-error cell-error" id={errorId}>
          <span aria-hidden="true" className="field-error-mark">!</span> {error}
        </p>
      )}
    </div>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
  hint?: string;
}

/** A labelled field for a whole number, typed as text (parsed with parseWhole) and kept short. */
export function NumberField({ id, label, value, onChange, error, hint }: NumberFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />}
    </Field>
  );
}

/**
 * Runs a focus move after React has put the latest state on the page (a timeout can run
 * before that render): `later(() => document.getElementById(id)?.focus())`.
 */
export function useAfterRender(): (action: () => void) => void {
  const [pending, setPending] = useState<{ action: () => void } | null>(null);
  useEffect(() => {
    if (!pending) return;
    pending.action();
    setPending(null);
  }, [pending]);
  return (action) => setPending({ action });
}
