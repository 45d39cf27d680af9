/**
 * The desk's two dialogs: check-out (with an optional time) and an excused absence (with its
 * reason). The forms are shared by the host's desk, which records through the API at once, and a
 * desk station, which checks by the same rules and queues the event: each gives its `record`,
 * which throws what refuses it (an ApiCallError, shown beside the field or below the form).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceResult, RosterEntry } from '../../../main/domain/attendance/types';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice, useErrorText } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useFocusOnError } from '../../components/useAction';

interface Props {
  sessionId: string;
  person: RosterEntry;
  onDone: (result: AttendanceResult) => void;
  onCancel: () => void;
}

interface FormProps<V> {
  person: RosterEntry;
  /** Records it (at: HH:MM, or undefined for now; reason: trimmed); throws what refuses it. */
  record: (value: V) => Promise<void> | void;
  onCancel: () => void;
}

export function CheckOutDialog({ sessionId, person, onDone, onCancel }: Props) {
  return (
    <CheckOutForm
      person={person}
      onCancel={onCancel}
      record={async (at) => onDone(await call('attendance.checkOut', { sessionId, personId: person.personId, ...(at ? { at } : {}) }))}
    />
  );
}

export function ExcuseDialog({ sessionId, person, onDone, onCancel }: Props) {
  return <ExcuseForm person={person} onCancel={onCancel} record={async (reason) => onDone(await call('attendance.excuse', { sessionId, personId: person.personId, reason }))} />;
}

export function CheckOutForm({ person, record, onCancel }: FormProps<string | undefined>) {
  const { t } = useTranslation();
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, error);
  const name = `${person.firstName} ${person.lastName}`;
  const describe = useErrorText();
  const beforeArrival = isApiCallError(error) && error.i18nKey === 'attendance.departureBeforeArrival';
  // In the future, or not on the day of the session: the server's sentence, beside the field.
  const atProblem = beforeArrival || (isApiCallError(error) && Boolean(error.fieldProblem('at')));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await record(at || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('desk.checkOutTitle', { name })} onClose={onCancel}>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('desk.checkOutText', { time: person.arrivedAt })}</p>
        <Field
          id="desk-checkout-at"
          label={t('desk.checkOutAt')}
          optional
          hint={t('desk.checkOutAtHint')}
          error={beforeArrival ? t('desk.checkOutBeforeArrival', { time: person.arrivedAt }) : atProblem ? describe(error).text : null}
        >
          {(control) => <input {...control} type="time" className="input-short" value={at} onChange={(e) => setAt(e.target.value)} data-autofocus />}
        </Field>
        {!atProblem && <ErrorNotice error={error} />}
        <FormActions busy={busy} submitLabel={t('desk.checkOutSubmit')} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function ExcuseForm({ person, record, onCancel }: FormProps<string>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, error ?? (missing ? 'missing' : null));
  const name = `${person.firstName} ${person.lastName}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      setError(null);
      // Focus the field again even when it was already marked.
      document.getElementById('desk-excuse-reason')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await record(reason.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const reasonProblem = missing || (isApiCallError(error) && error.fieldProblem('reason'));
  return (
    <Dialog title={t('desk.excuseTitle', { name })} onClose={onCancel}>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <Field id="desk-excuse-reason" label={t('desk.excuseReason')} hint={t('desk.excuseReasonHint')} error={reasonProblem ? t('desk.excuseReasonRequired') : null}>
          {(control) => <textarea {...control} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        {!reasonProblem && <ErrorNotice error={error} />}
        <FormActions busy={busy} submitLabel={t('desk.excuseSubmit')} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
