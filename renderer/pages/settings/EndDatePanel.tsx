import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/apiTypes';
import { call, isApiCallError } from '../../api';
import { useApiData, useAppState } from '../../components/AppState';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice, useErrorText } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadStatus } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { saveBinaryFile } from '../../files';
import { formatCalendarDate, formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import './endDate.css';

type Retention = ResultOf<'assembly.retention'>;
type Closed = ResultOf<'assembly.close'>;

/**
 * Settings › End date: the retention date (until when contact data is kept), changeable; and
 * "Close the assembly", which removes the contact data of everyone from the file and its backups
 * after a confirmation that says what goes, what stays and that it cannot be undone. Once closed:
 * when and by whom, and the certificate for the data-protection officer.
 */
export function EndDatePanel() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { status } = useAppState();
  const assembly = status.assembly!;
  const retention = useApiData(() => call('assembly.retention', {}), [assembly.retentionUntil, assembly.closedAt]);
  const [result, setResult] = useState<Closed | null>(null);
  const data = retention.data;

  return (
    <div className="end-date">
      <p className="muted">{t('closing.intro')}</p>
      <LoadStatus loaded={retention} />
      {data && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('closing.retentionUntil')}</dt>
              <dd>{data.retentionUntil ? formatCalendarDate(data.retentionUntil, lang) : t('closing.noDate')}</dd>
            </div>
            <div>
              <dt>{t('closing.state')}</dt>
              <dd data-testid="end-date-state">
                {data.closedAt
                  ? t('closing.closedOn', { when: formatInstant(data.closedAt, lang, assembly.timeZone), who: data.closedBy ?? '' })
                  : data.retentionPassed
                    ? t('closing.passed')
                    : t('closing.open')}
              </dd>
            </div>
          </dl>
          {result && <ClosedNotice result={result} />}
          {data.closedAt ? (
            <ClosedPart data={data} onClosed={(r) => { setResult(r); void retention.reload(); }} />
          ) : (
            <>
              <RetentionForm data={data} />
              <CloseAssembly data={data} onClosed={(r) => setResult(r)} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function RetentionForm({ data }: { data: Retention }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const describe = useErrorText();
  const { setStatus } = useAppState();
  const [date, setDate] = useState(data.retentionUntil ?? data.suggested);
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    const next = await call('assembly.setRetention', { retentionUntil: date.trim() });
    setStatus(next);
    setDone(t('closing.saved', { date: formatCalendarDate(date.trim(), lang) }));
  }, 'end-date-retention');
  const problem = isApiCallError(save.error) ? save.error.fieldProblem('retentionUntil') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void save.run();
  }

  const hint = data.lastSessionDate
    ? t('closing.hintSessions', { suggested: formatCalendarDate(data.suggested, lang), last: formatCalendarDate(data.lastSessionDate, lang) })
    : t('closing.hintNoSessions', { suggested: formatCalendarDate(data.suggested, lang) });
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field id="end-date-retention" label={t('closing.dateLabel')} hint={hint} error={problem ? describe(save.error).text : null}>
        {(p) => <input {...p} type="date" min={data.today} value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={save.busy || date === data.retentionUntil}>
        {t('closing.save')}
      </button>
      {!problem && <ErrorNotice error={save.error} />}
      <p role="status" className="status-line">
        {done}
      </p>
    </form>
  );
}

/** The button and its confirmation. */
function CloseAssembly({ data, onClosed }: { data: Retention; onClosed: (r: Closed) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="end-date-close">
      <h3>{t('closing.closeTitle')}</h3>
      <p>{t('closing.closeSummary')}</p>
      <button type="button" className="button button-danger-outline" onClick={() => setOpen(true)}>
        {t('closing.closeOpen')}
      </button>
      {open && <CloseDialog data={data} onClose={() => setOpen(false)} onClosed={(r) => { setOpen(false); onClosed(r); }} />}
    </div>
  );
}

function CloseDialog({ data, onClose, onClosed, again = false }: { data: Retention; onClose: () => void; onClosed: (r: Closed) => void; again?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const prefix = useId();
  const { status, setStatus } = useAppState();
  const name = status.assembly!.name;
  const [typed, setTyped] = useState('');
  const [removeNeverSelected, setRemoveNeverSelected] = useState(false);
  const close = useAction(async () => {
    const result = await call('assembly.close', { confirmName: typed.trim(), removeNeverSelected: again ? false : removeNeverSelected });
    setStatus(result.status);
    onClosed(result);
  }, `${prefix}-name`);
  const nameProblem = isApiCallError(close.error) ? close.error.fieldProblem('confirmName') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!close.busy) void close.run();
  }

  return (
    <Dialog title={again ? t('closing.againTitle') : t('closing.confirmTitle', { name })} onClose={onClose} role="alertdialog" describedBy={`${prefix}-explain`}>
      <form onSubmit={submit} noValidate className="end-date-dialog">
        <div id={`${prefix}-explain`}>
          {again ? (
            <p>{t('closing.againExplain', { count: data.backups.length })}</p>
          ) : (
            <>
              <p>{t('closing.willRemove', { count: data.preview.people, people: formatNumber(data.preview.people, lang) })}</p>
              <ul className="end-date-list">
                {data.removed.map((k) => (
                  <li key={k}>{t(`closing.removed.${k}`)}</li>
                ))}
              </ul>
              <p>{t('closing.willKeep')}</p>
              <ul className="end-date-list">
                {data.kept.map((k) => (
                  <li key={k}>{t(`closing.kept.${k}`)}</li>
                ))}
              </ul>
              <p>{t('closing.backupsToo', { count: data.backups.length })}</p>
            </>
          )}
          {data.copiesElsewhere.length > 0 && (
            <>
              <p>{t('closing.copiesElsewhere', { count: data.copiesElsewhere.length })}</p>
              <ul className="end-date-list">
                {data.copiesElsewhere.map((c) => (
                  <li key={`${c.path}-${c.at}`}>
                    <code className="path">{c.path}</code> ({formatInstant(c.at, lang)}, {c.operator})
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <strong>{t('closing.final')}</strong>
          </p>
        </div>
        {!again && data.preview.neverSelected > 0 && (
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" checked={removeNeverSelected} onChange={(e) => setRemoveNeverSelected(e.target.checked)} />{' '}
              {t('closing.removeNeverSelected', { count: data.preview.neverSelected, people: formatNumber(data.preview.neverSelected, lang) })}
            </label>
            <p className="field-hint">{t('closing.removeNeverSelectedHint')}</p>
          </div>
        )}
        {close.error && !nameProblem ? <ErrorNotice error={close.error} /> : null}
        <Field id={`${prefix}-name`} label={t('closing.typeName', { name })} error={nameProblem ? t('closing.wrongName', { name }) : null}>
          {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} data-autofocus />}
        </Field>
        <FormActions busy={close.busy} tone="danger" submitLabel={again ? t('closing.againConfirm') : t('closing.confirm')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** What the closing reached: counts, backups, the ones it could not process, copies to delete by hand. */
function ClosedNotice({ result }: { result: Closed }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="notice end-date-result" role="status">
      <p className="notice-title">{result.first ? t('closing.doneTitle') : t('closing.againDone')}</p>
      {result.first && <p>{t('closing.donePeople', { count: result.peopleCleared, people: formatNumber(result.peopleCleared, lang) })}</p>}
      {result.peopleRemoved > 0 && <p>{t('closing.doneRemoved', { count: result.peopleRemoved, people: formatNumber(result.peopleRemoved, lang) })}</p>}
      <p>{t('closing.doneBackups', { count: result.backupsProcessed.length })}</p>
      {result.backupsFailed.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>{t('closing.doneFailed', { count: result.backupsFailed.length })}</p>
          <ul>
            {result.backupsFailed.map((f) => (
              <li key={f.name}>
                <code className="path">{f.name}</code>: {f.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.copiesElsewhere.length > 0 && <p>{t('closing.doneCopies', { count: result.copiesElsewhere.length })}</p>}
      {!result.logCleared && <p>{t('closing.doneLog')}</p>}
    </div>
  );
}

/** A closed assembly: the certificate, and another pass over the backups when one was left over. */
function ClosedPart({ data, onClosed }: { data: Retention; onClosed: (r: Closed) => void }) {
  const { t } = useTranslation();
  const [certLang, setCertLang] = useState<'nl' | 'fr' | 'en'>(currentLanguage() as 'nl' | 'fr' | 'en');
  const [again, setAgain] = useState(false);
  const download = useAction(async () => saveBinaryFile(await call('assembly.closeCertificate', { lang: certLang })));
  const last = data.closures[data.closures.length - 1];
  const failed = last?.summary.backupsFailed ?? [];
  return (
    <div className="end-date-closed">
      <p>{t('closing.closedExplain')}</p>
      <div className="inline-form">
        <Field id="end-date-cert-lang" label={t('closing.certificateLanguage')}>
          {(p) => (
            <select {...p} value={certLang} onChange={(e) => setCertLang(e.target.value as 'nl' | 'fr' | 'en')}>
              <option value="nl">Nederlands</option>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <button type="button" className="button button-primary" onClick={() => void download.run()} disabled={download.busy}>
          {t('closing.certificate')}
        </button>
      </div>
      <ErrorNotice error={download.error} />
      {failed.length > 0 && (
        <div className="notice notice-error">
          <p>{t('closing.leftOver', { count: failed.length, names: failed.map((f) => f.name).join(', ') })}</p>
          <button type="button" className="button" onClick={() => setAgain(true)}>
            {t('closing.againOpen')}
          </button>
        </div>
      )}
      {again && <CloseDialog data={data} again onClose={() => setAgain(false)} onClosed={(r) => { setAgain(false); onClosed(r); }} />}
    </div>
  );
}
