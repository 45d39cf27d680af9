import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, type SessionKind } from '../../preload/vocabulary';
import type { SessionInput } from '../../main/domain/sessions/types';
import { isApiCallError } from '../api';
import { ErrorNotice } from './ErrorNotice';
import { Field, useFieldErrorText } from './Field';
import { FormActions } from './FormActions';
import { useAction, useFocusOnError } from './useAction';

/** What the form holds: the API's input with every field present (location as '' when empty). */
export type SessionValues = Required<SessionInput>;

export const EMPTY_SESSION: SessionValues = { name: '', date: '', startTime: '', endTime: '', location: '', kind: 'plenary' };

const FIELD_ORDER: (keyof SessionValues)[] = ['name', 'date', 'startTime', 'endTime', 'location', 'kind'];

export function toSessionInput(v: SessionValues): SessionInput {
  return { name: v.name.trim(), date: v.date, startTime: v.startTime, endTime: v.endTime, location: v.location.trim(), kind: v.kind };
}

interface Props {
  /** Prefix for element ids: two forms (add, edit) can be on the page at once. */
  idPrefix: string;
  initial: SessionValues;
  submitLabel: string;
  /** Saves; throws the ApiCallError on refusal. Returns true to clear the form (adding). */
  onSubmit: (values: SessionValues) => Promise<boolean>;
  onCancel?: () => void;
  /** Accessible name of the form (a heading's id). */
  labelledBy?: string;
}

/**
 * The session form, for adding and for editing. Enter in any field submits. On refusal the
 * form keeps what was typed, shows each problem beside its field and moves focus to the
 * first field in trouble.
 */
export function SessionForm({ idPrefix, initial, submitLabel, onSubmit, onCancel, labelledBy }: Props) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [values, setValues] = useState<SessionValues>(initial);
  const [cleared, setCleared] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useAction(async () => {
    if (await onSubmit(values)) {
      setValues(EMPTY_SESSION);
      setCleared((n) => n + 1);
    }
  });
  const { error, busy } = save;

  // After a refusal: focus the first field in trouble (else the message). After adding:
  // back to the name, ready for the next session.
  useFocusOnError(formRef, error);
  useEffect(() => {
    if (cleared > 0) formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [cleared]);

  const fieldErrors: Partial<Record<keyof SessionValues, string>> = {};
  if (isApiCallError(error)) {
    for (const f of error.fields) {
      const key = f.field as keyof SessionValues;
      if (FIELD_ORDER.includes(key) && !fieldErrors[key]) fieldErrors[key] = fieldText(f)!;
    }
  }

  const set = <K extends keyof SessionValues>(key: K, value: SessionValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const id = (field: keyof SessionValues) => `${idPrefix}-${field}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save.run();
  }

  return (
    <form ref={formRef} className="session-form" onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      {error ? (
        <ErrorNotice error={error} title={t('sessions.notSaved')} id={`${idPrefix}-error`} />
      ) : null}
      <div className="form-grid">
        <Field id={id('name')} label={t('sessions.field.name')} error={fieldErrors.name} className="span-2">
          {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field id={id('date')} label={t('sessions.field.date')} error={fieldErrors.date}>
          {(p) => <input {...p} type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field id={id('kind')} label={t('sessions.field.kind')} error={fieldErrors.kind}>
          {(p) => (
            <select {...p} value={values.kind} onChange={(e) => set('kind', e.target.value as SessionKind)}>
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`sessions.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('startTime')} label={t('sessions.field.startTime')} error={fieldErrors.startTime}>
          {(p) => <input {...p} type="time" value={values.startTime} onChange={(e) => set('startTime', e.target.value)} />}
        </Field>
        <Field id={id('endTime')} label={t('sessions.field.endTime')} error={fieldErrors.endTime}>
          {(p) => <input {...p} type="time" value={values.endTime} onChange={(e) => set('endTime', e.target.value)} />}
        </Field>
        <Field id={id('location')} label={t('sessions.field.location')} error={fieldErrors.location} optional className="span-2">
          {(p) => <input {...p} type="text" autoComplete="off" maxLength={200} value={values.location} onChange={(e) => set('location', e.target.value)} />}
        </Field>
      </div>
      <FormActions busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
