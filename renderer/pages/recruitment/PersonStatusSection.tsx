import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../main/domain/recruitment/types';
import { DROP_REASONS, type DropReason, type PersonStatus } from '../../../preload/vocabulary';
import { call, isApiCallError } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction, useFocusOnError } from '../../components/useAction';
import { formatCalendarDate, formatInstant, todayCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { PersonReplaceDialog } from './PersonReplaceDialog';
import { StatusBadge, fieldErrorsOf } from './PersonShared';

/** Reasons the server writes itself are put into the page's language. */
function reasonText(t: TFunction, reason: string): string {
  const replaces = /^replaces (\S+)$/.exec(reason);
  if (replaces) return t('peoplePage.history.replacesReason', { code: replaces[1] });
  if (reason === '(erased)') return t('peoplePage.history.erasedReason');
  return reason;
}

type Ending = 'declined' | 'withdrawn';
const isEnding = (s: PersonStatus): s is Ending => s === 'declined' || s === 'withdrawn';

interface Props {
  person: PersonDetail;
  onChanged: (p: PersonDetail) => void;
  onOpen: (id: string) => void;
}

/** The current status, the changes allowed from it, replacement, and the history of changes. */
export function PersonStatusSection({ person, onChanged, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const prefix = useId();
  const [ending, setEnding] = useState<Ending | null>(null);
  const [date, setDate] = useState(todayCalendarDate());
  const [reason, setReason] = useState('');
  // The reason from the fixed list, which the public report counts ('' = not known).
  const [reasonCode, setReasonCode] = useState<DropReason | ''>('');
  const [message, setMessage] = useState('');
  const [replacing, setReplacing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const endingForm = useRef<HTMLFormElement>(null);
  const [changes, setChanges] = useState(0);
  const changeStatus = useAction(async (status: PersonStatus, details?: { date: string; reason: string; reasonCode: DropReason | '' }) => {
    const next = await call('people.setStatus', {
      id: person.id,
      status,
      ...(details ? { date: details.date || null, reason: details.reason, reasonCode: details.reasonCode || null } : {}),
    });
    setEnding(null);
    setReason('');
    setMessage(t('peoplePage.statusSection.changed', { status: t(`peoplePage.status.${status}`) }));
    onChanged(next);
    setChanges((n) => n + 1);
  });
  const { error, busy } = changeStatus;

  // The buttons change with the status: continue from the section's heading.
  useEffect(() => {
    if (changes > 0) heading.current?.focus();
  }, [changes]);
  // The date is filled in (today): the reason is what is left to say.
  useEffect(() => {
    if (ending) document.getElementById(`${prefix}-reason`)?.focus();
  }, [ending, prefix]);
  // The refusal's message stands above the form: only a field in trouble takes the focus.
  useFocusOnError(endingForm, error);

  function change(status: PersonStatus, details?: { date: string; reason: string; reasonCode: DropReason | '' }) {
    setMessage('');
    void changeStatus.run(status, details);
  }

  function startEnding(status: Ending) {
    changeStatus.clearError();
    setMessage('');
    setDate(todayCalendarDate());
    setReason('');
    setReasonCode('');
    setEnding(status);
  }

  function submitEnding(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (ending && !busy) change(ending, { date, reason, reasonCode });
  }

  function replaced(next: PersonDetail) {
    setReplacing(false);
    setMessage(t('peoplePage.replace.done', { code: next.replacedBy?.code ?? '' }));
    onChanged(next);
    setChanges((n) => n + 1);
  }

  // Lifecycle refusals name the field (date or reason): say it beside that field, in the page's words.
  const fieldErrors = fieldErrorsOf(t, error);
  if (isApiCallError(error) && error.i18nKey.startsWith('lifecycle.')) {
    for (const f of error.fields) fieldErrors[f.field] = t(error.i18nKey, { defaultValue: fieldErrors[f.field] });
  }
  const placed = Boolean(ending) && Boolean(fieldErrors.date || fieldErrors.reason);
  const canReplace = isEnding(person.status) && !person.replacedBy;

  return (
    <section className="person-section" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} ref={heading} tabIndex={-1}>
        {t('peoplePage.statusSection.title')}
      </h3>
      <div className="person-status-now">
        <StatusBadge status={person.status} />
        {(person.statusDate || person.statusReason) && (
          <span>
            {person.statusDate && t('peoplePage.statusSection.since', { date: formatCalendarDate(person.statusDate, lang, 'short') })}
            {person.statusDate && person.statusReason && ' · '}
            {person.statusReason && t('peoplePage.statusSection.reason', { reason: reasonText(t, person.statusReason) })}
            {person.statusReasonCode && ` (${t(`reportFacts.reasons.${person.statusReasonCode}`)})`}
          </span>
        )}
      </div>

      {(person.replacedBy || person.replaces.length > 0) && (
        <ul className="person-replace-links">
          {person.replacedBy && (
            <li>
              {t('peoplePage.statusSection.replacedBy')}{' '}
              <button type="button" className="people-link" onClick={() => onOpen(person.replacedBy!.id)}>
                {person.replacedBy.code}
              </button>
            </li>
          )}
          {person.replaces.length > 0 && (
            <li>
              {t('peoplePage.statusSection.replaces')}{' '}
              {person.replaces.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <button type="button" className="people-link" onClick={() => onOpen(r.id)}>
                    {r.code}
                  </button>
                </span>
              ))}
            </li>
          )}
        </ul>
      )}

      <p role="status" className="visually-hidden-when-empty people-status-message">
        {message}
      </p>
      {error && !placed ? <ErrorNotice error={error} title={t('peoplePage.statusSection.notChanged')} /> : null}

      {(person.allowedStatuses.length > 0 || canReplace) && !ending && (
        <div className="person-status-actions" role="group" aria-label={t('peoplePage.statusSection.actionsLabel')}>
          {person.allowedStatuses.map((s) => (
            <button
              key={s}
              type="button"
              className={`button button-small${isEnding(s) ? ' button-danger-outline' : ''}`}
              disabled={busy}
              onClick={() => (isEnding(s) ? startEnding(s) : change(s))}
            >
              {t(`peoplePage.statusAction.${s}`)}
            </button>
          ))}
          {canReplace && (
            <button type="button" className="button button-small button-primary" onClick={() => setReplacing(true)}>
              {t('peoplePage.replace.open')}
            </button>
          )}
        </div>
      )}
      {person.allowedStatuses.length === 0 && !canReplace && !person.replacedBy && <p className="muted">{t('peoplePage.statusSection.final')}</p>}

      {ending && (
        <form ref={endingForm} className="person-ending-form" onSubmit={submitEnding} noValidate aria-labelledby={`${prefix}-ending`}>
          <p id={`${prefix}-ending`} className="person-form-title">
            {t(`peoplePage.statusSection.endingTitle.${ending}`)}
          </p>
          <div className="form-grid person-grid">
            <Field id={`${prefix}-date`} label={t(`peoplePage.statusSection.date.${ending}`)} error={fieldErrors.date}>
              {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
            </Field>
            <Field id={`${prefix}-reason`} label={t('peoplePage.statusSection.reasonLabel')} error={fieldErrors.reason} hint={t('peoplePage.statusSection.reasonHint')} className="span-2">
              {(p) => <input {...p} type="text" autoComplete="off" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <Field id={`${prefix}-reason-code`} label={t('reportFacts.reasonCode')} error={fieldErrors.reasonCode}>
              {(p) => (
                <select {...p} value={reasonCode} onChange={(e) => setReasonCode(e.target.value as DropReason | '')}>
                  <option value="">{t('reportFacts.reasonNone')}</option>
                  {DROP_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`reportFacts.reasons.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FormActions
            busy={busy}
            tone="danger"
            submitLabel={t(`peoplePage.statusSection.confirmEnding.${ending}`)}
            onCancel={() => {
              setEnding(null);
              changeStatus.clearError();
              heading.current?.focus();
            }}
          />
        </form>
      )}

      <h4 className="person-subheading">{t('peoplePage.history.title')}</h4>
      {person.history.length === 0 ? (
        <p className="muted">{t('peoplePage.history.none')}</p>
      ) : (
        <DataTable
          className="compact person-history"
          caption={t('peoplePage.history.caption')}
          columns={[t('peoplePage.history.whenBy'), t('peoplePage.history.change'), t('peoplePage.history.details')]}
        >
          {[...person.history].reverse().map((h) => (
            <tr key={h.id}>
              <td>
                <span className="nowrap">{formatInstant(h.at, lang)}</span>
                <span className="person-history-by">{h.operator}</span>
              </td>
              <th scope="row" className="person-history-change">
                {t(`peoplePage.status.${h.from}`)} <span aria-hidden="true">→</span>
                <span className="visually-hidden">{t('peoplePage.history.to')}</span> {t(`peoplePage.status.${h.to}`)}
              </th>
              <td>
                {h.date && <span className="nowrap">{formatCalendarDate(h.date, lang, 'short')}</span>}
                {h.date && h.reason && <br />}
                {h.reason && reasonText(t, h.reason)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {replacing && <PersonReplaceDialog person={person} onClose={() => setReplacing(false)} onReplaced={replaced} />}
    </section>
  );
}
