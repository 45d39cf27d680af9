/**
 * The same status change for the people ticked in the list (confirming a panel at once), with
 * the rules a single change has: a date and a reason for declined and withdrawn. The server
 * changes everyone or no one, and lists every person who cannot change.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUSES, type PersonStatus } from '../../../preload/vocabulary';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../components/useAction';
import { todayCalendarDate } from '../../format';

interface Props {
  selected: string[];
  onDone: () => void;
  onClear: () => void;
}

export function BulkStatusBar({ selected, onDone, onClear }: Props) {
  const { t } = useTranslation();
  const prefix = useId();
  const [status, setStatus] = useState<PersonStatus>('confirmed');
  const [date, setDate] = useState(todayCalendarDate());
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const ending = status === 'declined' || status === 'withdrawn';
  const apply = useAction(async () => {
    const result = await call('people.setStatusMany', {
      ids: selected,
      status,
      ...(ending ? { date: date || null, reason: reason || null } : {}),
    });
    setMessage(t('peoplePage.bulk.done', { count: result.changed, n: result.changed, status: t(`peoplePage.status.${status}`) }));
    setReason('');
    onDone();
  });
  const problems =
    isApiCallError(apply.error) && Array.isArray(apply.error.details.problems)
      ? (apply.error.details.problems as { code: string; message: string }[])
      : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    void apply.run();
  }

  return (
    <form className="panel people-bulk" onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <p id={`${prefix}-title`} className="people-bulk-title">
        <strong>{t('peoplePage.bulk.selected', { count: selected.length, n: selected.length })}</strong>{' '}
        <button type="button" className="button button-small" onClick={onClear}>
          {t('peoplePage.bulk.clear')}
        </button>
      </p>
      <div className="people-bulk-fields">
        <div className="people-bulk-field">
          <label htmlFor={`${prefix}-status`}>{t('peoplePage.bulk.to')}</label>
          <select id={`${prefix}-status`} value={status} onChange={(e) => setStatus(e.target.value as PersonStatus)}>
            {PERSON_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`peoplePage.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {ending && (
          <>
            <div className="people-bulk-field">
              <label htmlFor={`${prefix}-date`}>{t(`peoplePage.statusSection.date.${status}`)}</label>
              <input id={`${prefix}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            <div className="people-bulk-field people-bulk-reason">
              <label htmlFor={`${prefix}-reason`}>{t('peoplePage.statusSection.reasonLabel')}</label>
              <input id={`${prefix}-reason`} type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </>
        )}
        <button type="submit" className="button button-primary" disabled={apply.busy}>
          {t('peoplePage.bulk.apply', { count: selected.length, n: selected.length })}
        </button>
      </div>
      {problems.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('peoplePage.bulk.refused', { count: problems.length, n: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.code}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorNotice error={apply.error} />
      )}
      <p role="status" className="visually-hidden-when-empty">
        {message}
      </p>
    </form>
  );
}
