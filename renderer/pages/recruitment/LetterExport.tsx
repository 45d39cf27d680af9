/**
 * The mail-merge: every invitee's letter (or the reminder to those who have not answered),
 * sorted by postcode, written as PDF files in batches where the person says. While the files
 * are made, letters.progress is polled every half second for the progress bar. Afterwards:
 * the files, and the page and sheet counts the post office asks for.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/apiTypes';
import { call, isApiCallError } from '../../api';
import { useAppState } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

const POLL_MS = 500;
type Result = ResultOf<'letters.export'>;
type Progress = ResultOf<'letters.progress'>;

export function LetterExport() {
  const { t } = useTranslation();
  const { status } = useAppState();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const [kind, setKind] = useState<'invitation' | 'reminder'>('invitation');
  const [path, setPath] = useState(() => `letters-${new Date().toISOString().slice(0, 10)}.pdf`);
  const [batchSize, setBatchSize] = useState('1000');
  const [codes, setCodes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const n = (x: number) => formatNumber(x, lang);

  useEffect(() => {
    if (!busy) return;
    let alive = true;
    const timer = setInterval(() => {
      call('letters.progress', {})
        .then((p) => alive && p.running && setProgress(p))
        // The progress is a nicety: the letters are made without it.
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [busy]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      const size = Number(batchSize);
      const list = codes.split(/[\s,;]+/).filter(Boolean);
      setResult(
        await call('letters.export', {
          path,
          kind,
          batchSize: Number.isInteger(size) ? size : undefined,
          ...(kind === 'reminder' && list.length > 0 ? { codes: list } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const apiError = isApiCallError(error) ? error : null;
  const pathError = apiError?.code === 'FILE_EXISTS' ? t('letters.fileExists', apiError.details.params as Record<string, unknown>) : fieldText(apiError?.fieldProblem('path'));
  const separator = status.dataDir.includes('\\') && !status.dataDir.includes('/') ? '\\' : '/';
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="letters-export">
      <p className="muted">{t('lettersPage.export.text')}</p>
      <div className="letters-row">
        <Field id="letters-export-kind" label={t('lettersPage.kindLabel')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="invitation">{t('lettersPage.kind.invitation')}</option>
              <option value="reminder">{t('lettersPage.kind.reminder')}</option>
            </select>
          )}
        </Field>
        <Field id="letters-export-batch" label={t('lettersPage.export.batchSize')} error={fieldText(apiError?.fieldProblem('batchSize'))}>
          {(p) => <input {...p} type="number" min={1} max={2500} step={1} value={batchSize} onChange={(e) => setBatchSize(e.target.value)} />}
        </Field>
      </div>
      <Field id="letters-export-path" label={t('lettersPage.export.path')} hint={t('lettersPage.export.pathHint', { dir: `${status.dataDir.replace(/[\\/]$/, '')}${separator}assemblies` })} error={pathError}>
        {(p) => <input {...p} type="text" className="input-path" autoComplete="off" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} />}
      </Field>
      {kind === 'reminder' && (
        <Field id="letters-export-codes" label={t('lettersPage.export.codes')} hint={t('lettersPage.export.codesHint')} optional error={fieldText(apiError?.fieldProblem('codes'))}>
          {(p) => <textarea {...p} rows={4} value={codes} onChange={(e) => setCodes(e.target.value)} />}
        </Field>
      )}
      {!pathError && <ErrorNotice error={error} />}
      <FormActions busy={busy} submitLabel={t('lettersPage.export.submit')} />
      {busy && (
        <div className="letters-progress" role="status">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t('lettersPage.export.progressLabel')} />
          <p>{progress ? t('lettersPage.export.progress', { done: n(progress.done), total: n(progress.total), file: n(Math.min(progress.files + 1, progress.fileCount)), files: n(progress.fileCount) }) : t('lettersPage.export.starting')}</p>
        </div>
      )}
      {result && (
        <div className="letters-result" role="status">
          <p>{t('lettersPage.export.done', { count: result.letters, n: n(result.letters), files: n(result.files.length) })}</p>
          <dl>
            <dt>{t('lettersPage.export.pages')}</dt>
            <dd>{n(result.pages)}</dd>
            <dt>{t('lettersPage.export.sheets')}</dt>
            <dd>{n(result.sheets)}</dd>
            <dt>{t('lettersPage.export.sheetsDuplex')}</dt>
            <dd>{n(result.sheetsDuplex)}</dd>
            <dt>{t('lettersPage.export.languages')}</dt>
            <dd>
              {Object.entries(result.byLanguage)
                .map(([k, v]) => `${k.split('-').map((l) => t(`lettersPage.lang.${l}`)).join(' + ')}: ${n(v)}`)
                .join(' · ')}
            </dd>
          </dl>
          <ul>
            {result.files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code> — {t('lettersPage.export.file', { letters: n(f.letters), pages: n(f.pages), first: f.firstPostcode, last: f.lastPostcode })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
