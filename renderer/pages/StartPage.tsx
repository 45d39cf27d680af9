import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblyInfo } from '../../main/domain/assembly/types';
import { call, isApiCallError } from '../api';
import { useApiData, useAppState } from '../components/AppState';
import { latestBackupOf } from '../components/BackupsDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field, useFieldErrorText } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { JoinVenueCard } from '../components/JoinVenueCard';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { formatInstant, todayCalendarDate } from '../format';
import { defaultRetentionDate } from '../../main/domain/assembly/retention';
import { currentLanguage } from '../i18n';
import { DEFAULT_AREA, goTo, type Area } from '../router';

type Busy = null | 'create' | 'open' | 'demo' | 'rehearsal';

/** No assembly open: create one, open a file, or open the demo. */
export function StartPage() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const lang = currentLanguage();
  const { status, refresh, setStatus } = useAppState();
  const [busy, setBusy] = useState<Busy>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  /** Where the failed open started: the path field (focus returns there) or a list button. */
  const [openSource, setOpenSource] = useState<'path' | 'list'>('path');
  const [demoError, setDemoError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [panelSize, setPanelSize] = useState('60');
  // The retention date offered (twelve months from today); sent only when changed, so that main's
  // clock decides the default.
  const [retention, setRetention] = useState(() => defaultRetentionDate(todayCalendarDate(), null));
  const [retentionTouched, setRetentionTouched] = useState(false);
  const [localSizeError, setLocalSizeError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const files = useApiData(() => call('app.listAssemblyFiles', {}), []);

  // Arriving here (after naming the operator or closing an assembly): start from the heading.
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);

  // After a refusal, focus goes where the problem is (the field, else the message).
  useEffect(() => {
    if (createError || localSizeError) focusFirstInvalid(['create-name', 'create-panel-size']);
  }, [createError, localSizeError]);
  useEffect(() => {
    if (!openError) return;
    if (openSource === 'path') {
      // The message is tied to the field (aria-describedby): back to the path, to correct it.
      const input = document.getElementById('open-path') as HTMLInputElement | null;
      input?.focus();
      input?.select();
    } else {
      document.getElementById('open-error')?.focus();
    }
  }, [openError, openSource]);

  /** `landing`: where the assembly opens; by default the area in the address, else the default one. */
  async function run(kind: Exclude<Busy, null>, action: () => Promise<AssemblyInfo>, onError: (e: unknown) => void, landing?: Area) {
    setBusy(kind);
    setCreateError(null);
    setOpenError(null);
    setDemoError(null);
    try {
      await action();
      if (landing) goTo(landing);
      else if (!window.location.hash) goTo(DEFAULT_AREA);
      await refresh();
    } catch (e) {
      onError(e);
      return false;
    } finally {
      setBusy(null);
    }
    return true;
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const size = Number(panelSize);
    if (panelSize.trim() === '' || !Number.isInteger(size)) {
      setCreateError(null);
      setLocalSizeError(t('fieldErrors.wholeNumber'));
      return;
    }
    setLocalSizeError(null);
    // A new assembly starts where its work starts: recruitment (importing the pool), its first step.
    await run('create', () => call('app.createAssembly', { name: name.trim(), panelSize: size, ...(retentionTouched ? { retentionUntil: retention } : {}) }), setCreateError, 'recruitment');
  }

  async function openPath(target: string, source: 'path' | 'list') {
    setOpenSource(source);
    await run('open', () => call('app.openAssembly', { path: target }), setOpenError);
  }

  async function forget(target: string) {
    try {
      setStatus(await call('app.forgetRecent', { path: target }));
    } catch (e) {
      setOpenError(e);
    }
  }

  const createFields = isApiCallError(createError) ? createError : null;
  // A file of that name already exists: the remedy is another name, so say it beside the name.
  const nameError = createFields?.code === 'FILE_EXISTS' ? t('errors.FILE_EXISTS') : createFields?.fieldProblem('name');
  const serverSizeError = createFields?.fieldProblem('panelSize');
  const retentionError = createFields?.fieldProblem('retentionUntil') ? t(createFields.i18nKey, createFields.details.params as Record<string, string>) : null;
  const pathError = isApiCallError(openError) ? openError.fieldProblem('path') : undefined;
  const latestBackup = latestBackupOf(openError);
  const recentPaths = new Set(status.recent.map((r) => r.path));
  const otherFiles = (files.data ?? []).filter((f) => !recentPaths.has(f.path));

  return (
    <div className="start-shell">
      <header className="start-header">
        <p className="product">Assembly Desk</p>
        <p className="operator">
          <span className="label">{t('header.operator')}:</span> <strong>{status.operator}</strong>
        </p>
        <LanguageSwitcher compact />
      </header>
      <main id="main" className="start-main" aria-busy={busy !== null}>
        <h1 id="page-heading" tabIndex={-1}>
          {t('start.title')}
        </h1>
        <p className="page-intro">{t('start.intro')}</p>

        <div className="start-grid">
          <section className="panel start-card" aria-labelledby="start-create">
            <h2 id="start-create">{t('start.create.title')}</h2>
            <p className="muted">{t('start.create.text')}</p>
            <form onSubmit={(e) => void create(e)} noValidate>
              <Field id="create-name" label={t('start.create.name')} hint={t('start.create.nameHint')} error={fieldText(nameError)}>
                {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
              </Field>
              <Field id="create-panel-size" label={t('start.create.panelSize')} error={localSizeError ?? fieldText(serverSizeError)}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={10000}
                    step={1}
                    className="input-short"
                    value={panelSize}
                    onChange={(e) => setPanelSize(e.target.value)}
                  />
                )}
              </Field>
              <Field id="create-retention" label={t('closing.createLabel')} hint={t('closing.createHint')} error={retentionError}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    min={todayCalendarDate()}
                    value={retention}
                    onChange={(e) => {
                      setRetention(e.target.value);
                      setRetentionTouched(true);
                    }}
                  />
                )}
              </Field>
              {!nameError && !serverSizeError && !retentionError && <ErrorNotice error={createError} />}
              <FormActions busy={busy === 'create'} disabled={busy !== null} submitLabel={t('start.create.submit')} />
            </form>
          </section>

          <section className="panel start-card" aria-labelledby="start-open">
            <h2 id="start-open">{t('start.open.title')}</h2>
            {status.recent.length > 0 && (
              <>
                <h3>{t('start.open.recent')}</h3>
                <ul className="file-list">
                  {status.recent.map((r) => (
                    <li key={r.path}>
                      <button type="button" className="file-button" onClick={() => void openPath(r.path, 'list')} disabled={busy !== null}>
                        <span className="file-name">{r.name}</span>
                        <span className="file-meta">
                          <span className="path">{r.path}</span> · {t('start.open.openedAt', { when: formatInstant(r.openedAt, lang) })}
                        </span>
                      </button>
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        onClick={() => void forget(r.path)}
                        disabled={busy !== null}
                        aria-label={t('start.open.forget', { name: r.name })}
                        title={t('start.open.forget', { name: r.name })}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t('start.open.files')}</h3>
            <ErrorNotice error={files.error} />
            {files.data && otherFiles.length === 0 && status.recent.length === 0 && <p className="muted">{t('start.open.noFiles')}</p>}
            {otherFiles.length > 0 && (
              <ul className="file-list">
                {otherFiles.map((f) => (
                  <li key={f.path}>
                    <button type="button" className="file-button" onClick={() => void openPath(f.path, 'list')} disabled={busy !== null}>
                      <span className="file-name">{f.fileName}</span>
                      <span className="file-meta">{t('start.open.modifiedAt', { when: formatInstant(f.modifiedAt, lang) })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {files.data && otherFiles.length === 0 && status.recent.length > 0 && <p className="muted">{t('start.open.noFiles')}</p>}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void openPath(path.trim(), 'path');
              }}
              noValidate
            >
              <Field
                id="open-path"
                label={t('start.open.path')}
                hint={t('start.open.pathHint')}
                error={fieldText(pathError)}
                describedBy={openError && !pathError && openSource === 'path' ? 'open-error' : undefined}
              >
                {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} className="input-path" value={path} onChange={(e) => setPath(e.target.value)} />}
              </Field>
              {!pathError && <ErrorNotice error={openError} id="open-error" />}
              {latestBackup && (
                <div className="form-actions backup-offer">
                  <button type="button" className="button button-primary" onClick={() => void openPath(latestBackup.path, 'list')} disabled={busy !== null}>
                    {t('backupsUi.offer.open', { when: formatInstant(latestBackup.at, lang) })}
                  </button>
                  <p className="muted">{t('backupsUi.offer.text')}</p>
                </div>
              )}
              <FormActions busy={busy === 'open'} disabled={busy !== null} submitLabel={t('start.open.submit')} />
            </form>
          </section>

          <section className="panel start-card" aria-labelledby="start-demo">
            <h2 id="start-demo">{t('start.demo.title')}</h2>
            <p className="muted">{t('start.demo.text')}</p>
            <ErrorNotice error={demoError} />
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={busy !== null}
                onClick={() => void run('demo', () => call('app.openDemo', {}), setDemoError)}
              >
                {t('start.demo.submit')}
              </button>
              {/* A team rehearses the weekend on their own laptops: a confirmed panel, the sessions, the first weekend checked in. */}
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void run('rehearsal', () => call('app.openDemo', { stage: 'venue' }), setDemoError)}
              >
                {t('start.demo.rehearse')}
              </button>
            </div>
            <p className="muted">{t('start.demo.rehearseText')}</p>
            <div role="status" className="status-line">
              {(busy === 'demo' || busy === 'rehearsal') && (
                <p className="busy">
                  <span className="spinner" aria-hidden="true" /> {t('start.demo.busy')}
                </p>
              )}
            </div>
          </section>

          <JoinVenueCard transport={status.transport} disabled={busy !== null} />
        </div>
        <p className="muted data-dir">{t('start.dataDir', { dir: status.dataDir })}</p>
      </main>
    </div>
  );
}

/** Focuses the first of these elements that is marked invalid or is an error message. */
function focusFirstInvalid(ids: string[]) {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && (el.getAttribute('aria-invalid') === 'true' || el.getAttribute('role') === 'alert')) {
      el.focus();
      return;
    }
  }
}
