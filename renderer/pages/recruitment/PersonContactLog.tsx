import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../preload/vocabulary';
import type { PersonDetail } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction, useFocusOnError } from '../../components/useAction';
import { formatCalendarDate, todayCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { fieldErrorsOf } from './PersonShared';

interface Props {
  person: PersonDetail;
  onChanged: (p: PersonDetail) => void;
}

/** Every attempt to reach the person (phone, e-mail, letter, SMS) and what came of it. */
export function PersonContactLog({ person, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const prefix = useId();
  const [date, setDate] = useState(todayCalendarDate());
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [added, setAdded] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const add = useAction(async () => {
    const next = await call('people.addContact', { id: person.id, date, channel, outcome: outcome.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
    setOutcome('');
    setNote('');
    setMessage(t('peoplePage.contacts.added'));
    onChanged(next);
    setAdded((n) => n + 1);
  });
  const { error, busy } = add;

  useFocusOnError(formRef, error);
  // Ready for the next attempt: back at the outcome.
  useEffect(() => {
    if (added > 0) document.getElementById(`${prefix}-outcome`)?.focus();
  }, [added, prefix]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setMessage('');
    void add.run();
  }

  const errors = fieldErrorsOf(t, error);
  const placed = isApiCallError(error) && error.fields.length > 0 && error.fields.every((f) => ['date', 'channel', 'outcome', 'note'].includes(f.field));

  return (
    <section className="person-section" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('peoplePage.contacts.title')}</h3>

      {person.contacts.length === 0 ? (
        <p className="muted">{t('peoplePage.contacts.none')}</p>
      ) : (
        <DataTable
          className="compact person-contact-table"
          caption={t('peoplePage.contacts.caption')}
          columns={[t('peoplePage.contacts.dateBy'), t('peoplePage.contacts.channel'), t('peoplePage.contacts.outcome')]}
        >
          {person.contacts.map((c) => (
            <tr key={c.id}>
              <td>
                <span className="nowrap">{formatCalendarDate(c.date, lang, 'short')}</span>
                <span className="person-history-by">{c.operator}</span>
              </td>
              <td>{t(`peoplePage.channel.${c.channel}`)}</td>
              <th scope="row">
                {c.outcome === '(erased)' ? t('peoplePage.history.erasedReason') : c.outcome}
                {c.note && <span className="person-contact-note">{c.note}</span>}
              </th>
            </tr>
          ))}
        </DataTable>
      )}
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-add`} className="person-contact-form">
        <p id={`${prefix}-add`} className="person-form-title">
          {t('peoplePage.contacts.addTitle')}
        </p>
        {error && !placed ? <ErrorNotice error={error} title={t('peoplePage.contacts.notAdded')} /> : null}
        <div className="form-grid person-grid">
          <Field id={`${prefix}-date`} label={t('peoplePage.contacts.date')} error={errors.date}>
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field id={`${prefix}-channel`} label={t('peoplePage.contacts.channel')} error={errors.channel}>
            {(p) => (
              <select {...p} value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)}>
                {CONTACT_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`peoplePage.channel.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${prefix}-outcome`} label={t('peoplePage.contacts.outcome')} error={errors.outcome} hint={t('peoplePage.contacts.outcomeHint')} className="span-2">
            {(p) => <input {...p} type="text" autoComplete="off" maxLength={200} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
          </Field>
          <Field id={`${prefix}-note`} label={t('peoplePage.contacts.note')} error={errors.note} optional className="span-2">
            {(p) => <textarea {...p} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </div>
        <FormActions busy={busy} tone="plain" submitLabel={t('peoplePage.contacts.add')} />
        <p role="status" className="visually-hidden-when-empty people-status-message">
          {message}
        </p>
      </form>
    </section>
  );
}
