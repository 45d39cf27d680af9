import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../main/domain/assembly/types';
import { call, isApiCallError } from '../api';
import { useApiData, useAppState } from '../components/AppState';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field, useFieldErrorText } from '../components/Field';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useAction } from '../components/useAction';
import { VenuePanel } from '../components/VenuePanel';
import { PublicReportFacts } from './reports/PublicReportFacts';
import { PageHeading } from '../components/PageHeading';
import { LoadStatus } from '../components/StatusLine';
import { formatInstant, formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { hrefFor, useSubPath } from '../router';
import { TranslationsPage } from './translations/TranslationsPage';
import { EndDatePanel } from './settings/EndDatePanel';

const AUDIT_LIMIT = 25;

/** The name of what an audit entry is about, when its before/after carries one. */
function subjectOf(entry: AuditEntry): string {
  for (const side of [entry.after, entry.before]) {
    if (typeof side === 'object' && side !== null && 'name' in side && typeof (side as { name: unknown }).name === 'string') {
      return (side as { name: string }).name;
    }
  }
  // An export of personal data: the file handed out (its name carries the report and the level).
  const after = entry.after as { fileName?: unknown } | null;
  if (entry.entity === 'export' && typeof after?.fileName === 'string') return after.fileName;
  return '';
}

export function SettingsPage() {
  const sub = useSubPath();
  // #/settings/translations: the Translations page, a part of Settings.
  if (sub === 'translations') return <TranslationsPage />;
  return <SettingsMain />;
}

function SettingsMain() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { status } = useAppState();
  const assembly = status.assembly;

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>

      <section className="panel" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageTitle')}</h2>
        <LanguageSwitcher />
      </section>

      <section className="panel" aria-labelledby="settings-operator">
        <h2 id="settings-operator">{t('settings.operatorTitle')}</h2>
        <OperatorForm />
      </section>

      {assembly && (
        <section className="panel" aria-labelledby="settings-file">
          <h2 id="settings-file">{t('settings.fileTitle')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('settings.file')}</dt>
              <dd>
                <code className="path">{assembly.path}</code>
              </dd>
            </div>
            <div>
              <dt>{t('settings.panelSize')}</dt>
              <dd>{formatNumber(assembly.panelSize, lang)}</dd>
            </div>
            <div>
              <dt>{t('settings.createdAt')}</dt>
              <dd>{formatInstant(assembly.createdAt, lang, assembly.timeZone)}</dd>
            </div>
            <div>
              <dt>{t('settings.timeZone')}</dt>
              <dd>{assembly.timeZone}</dd>
            </div>
            <div>
              <dt>{t('settings.schema')}</dt>
              <dd>{assembly.schemaVersion}</dd>
            </div>
            <div>
              <dt>{t('settings.dataDir')}</dt>
              <dd>
                <code className="path">{status.dataDir}</code>
              </dd>
            </div>
            <div>
              <dt>{t('settings.appVersion')}</dt>
              <dd>{status.appVersion}</dd>
            </div>
          </dl>
          <TimeZoneForm current={assembly.timeZone} />
        </section>
      )}

      {assembly && status.transport !== 'cli' && (
        <section className="panel" aria-labelledby="settings-end-date" id="end-date">
          <h2 id="settings-end-date">{t('closing.title')}</h2>
          <EndDatePanel />
        </section>
      )}

      {assembly && (
        <section className="panel" aria-labelledby="settings-public-report">
          <h2 id="settings-public-report">{t('reportFacts.title')}</h2>
          <PublicReportFacts />
        </section>
      )}

      {assembly && (
        <section className="panel" aria-labelledby="settings-translations">
          <h2 id="settings-translations">{t('translationsPage.settingsTitle')}</h2>
          <p className="muted">{t('translationsPage.settingsIntro')}</p>
          <p>
            <a className="button" href={hrefFor('settings', 'translations')}>
              {t('translationsPage.open')}
            </a>
          </p>
        </section>
      )}

      {status.transport !== 'cli' && (
        <section className="panel" aria-labelledby="settings-venue">
          <h2 id="settings-venue">{t('venue.title')}</h2>
          <VenuePanel />
        </section>
      )}

      <section className="panel" aria-labelledby="settings-audit">
        <h2 id="settings-audit">{t('settings.auditTitle')}</h2>
        <p className="muted">{t('settings.auditIntro')}</p>
        <AuditList />
      </section>
    </>
  );
}

function OperatorForm() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { status, setStatus } = useAppState();
  const [name, setName] = useState(status.operator ?? '');
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    const next = await call('app.setOperator', { name: name.trim() });
    setStatus(next);
    setDone(t('operator.changed', { name: next.operator }));
  }, 'settings-operator-name');
  const { busy, error } = save;
  const fieldError = isApiCallError(error) ? error.fieldProblem('name') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void save.run();
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field id="settings-operator-name" label={t('settings.operator')} error={fieldText(fieldError)}>
        {(p) => <input {...p} type="text" autoComplete="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={busy || name.trim() === (status.operator ?? '')}>
        {t('settings.operatorSave')}
      </button>
      {!fieldError && <ErrorNotice error={error} />}
      <p role="status" className="status-line">
        {done}
      </p>
    </form>
  );
}

/** Every IANA zone this platform knows, offered as suggestions (typing any of them works). */
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The assembly's time zone: every date and time in the app, the PDFs, workbooks, CSVs and this
 * page's audit list is shown in it (so a laptop set to another zone still shows the venue's clock).
 */
function TimeZoneForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { setStatus } = useAppState();
  const [zone, setZone] = useState(current);
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    const next = await call('app.setTimeZone', { timeZone: zone.trim() });
    setStatus(next);
    setZone(next.assembly?.timeZone ?? zone);
    setDone(t('settings.timeZoneSaved', { zone: next.assembly?.timeZone ?? zone }));
  }, 'settings-time-zone');
  const { busy, error } = save;
  const fieldError = isApiCallError(error) ? error.fieldProblem('timeZone') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void save.run();
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field id="settings-time-zone" label={t('settings.timeZoneLabel')} hint={t('settings.timeZoneHint')} error={fieldText(fieldError)}>
        {(p) => <input {...p} type="text" list="settings-time-zones" autoComplete="off" spellCheck={false} maxLength={64} value={zone} onChange={(e) => setZone(e.target.value)} />}
      </Field>
      <datalist id="settings-time-zones">
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="submit" className="button" disabled={busy || zone.trim() === '' || zone.trim() === current}>
        {t('settings.timeZoneSave')}
      </button>
      {!fieldError && <ErrorNotice error={error} />}
      <p role="status" className="status-line">
        {done}
      </p>
    </form>
  );
}

function AuditList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The audit log in the assembly's clock (Brussels time for a Brussels assembly on a UTC laptop).
  const zone = useAppState().status.assembly?.timeZone;
  const audit = useApiData(() => call('audit.list', { limit: AUDIT_LIMIT }), []);
  const entries = audit.data ?? [];
  return (
    <>
      <LoadStatus loaded={audit} empty={entries.length === 0 && t('settings.auditEmpty')} />
      {entries.length > 0 && (
        <DataTable
          caption={t('settings.auditCaption')}
          columns={[t('settings.col.at'), t('settings.col.operator'), t('settings.col.entity'), t('settings.col.action')]}
        >
          {entries.map((e) => {
            const subject = subjectOf(e);
            return (
              <tr key={e.id}>
                <td className="nowrap">
                  <time dateTime={e.at}>{formatInstant(e.at, lang, zone)}</time>
                </td>
                <td>
                  {e.operator}
                  {e.device && <span className="muted"> ({e.device})</span>}
                </td>
                <td>
                  {t(`settings.entity.${e.entity}`, { defaultValue: e.entity })}
                  {subject && <span className="subject"> {t('common.quoted', { name: subject })}</span>}
                </td>
                <td>{t(`settings.action.${e.action}`, { defaultValue: e.action })}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
