/**
 * The Sortition Foundation's selection tools (stratification-app, sortition-algorithms): quotas
 * come in from their categories file, and the categories and the respondents go out to them.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaOverview } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { readFileAsBase64, saveTextFile } from '../../files';
import { formatNumber } from '../../format';
import { currentLanguage, i18n } from '../../i18n';
import { useAfterRender } from './QuotaInputs';

interface FileProblem {
  row: number;
  column: string | null;
  message: string;
}

function fileProblemsOf(error: unknown): FileProblem[] | null {
  if (!isApiCallError(error) || !Array.isArray(error.details.problems)) return null;
  return (error.details.problems as unknown[]).flatMap((p): FileProblem[] => {
    if (typeof p !== 'object' || p === null) return [];
    const { row, column, message } = p as Partial<FileProblem>;
    return typeof message === 'string' ? [{ row: typeof row === 'number' ? row : 0, column: typeof column === 'string' ? column : null, message }] : [];
  });
}

interface Props {
  /** Quotas are set for at least one value: there is something to export. */
  hasQuotas: boolean;
  hasFeatures: boolean;
  onImported: (overview: QuotaOverview, fileName: string) => void;
  onNotice: (text: string) => void;
}

export function QuotaSortition({ hasQuotas, hasFeatures, onImported, onNotice }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const [importBusy, setImportBusy] = useState(false);
  const [flex, setFlex] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exportBusy, setExportBusy] = useState<'categories' | 'people' | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const later = useAfterRender();

  async function importFile(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setImportError('noFile');
      fileRef.current?.focus();
      return;
    }
    setImportBusy(true);
    setImportError(null);
    try {
      const overview = await call('quotas.importSortition', { fileName: file.name, contentBase64: await readFileAsBase64(file) });
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onImported(overview, file.name);
    } catch (e) {
      setImportError(e);
      later(() => problemsRef.current?.focus());
    } finally {
      setImportBusy(false);
    }
  }

  async function exportFile(kind: 'categories' | 'people') {
    setExportBusy(kind);
    setExportError(null);
    try {
      const exported = kind === 'categories' ? await call('quotas.exportSortition', { flex }) : await call('people.exportSortition', {});
      saveTextFile(exported.fileName, exported.content);
      onNotice(t(kind === 'categories' ? 'quotasPage.sortition.exportedCategories' : 'quotasPage.sortition.exportedPeople', { file: exported.fileName }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExportBusy(null);
    }
  }

  const problems = fileProblemsOf(importError);
  const unreadable =
    isApiCallError(importError) && importError.i18nKey.startsWith('importFile.') && !i18n.exists(importError.i18nKey) ? importError : null;

  return (
    <section className="panel" aria-labelledby="sortition-title">
      <h2 id="sortition-title">{t('quotasPage.sortition.title')}</h2>
      <p className="page-intro">{t('quotasPage.sortition.intro')}</p>

      <div className="sortition-grid">
        <form className="sortition-part" onSubmit={(e) => void importFile(e)} noValidate aria-labelledby="sortition-import-title">
          <h3 id="sortition-import-title">{t('quotasPage.sortition.importTitle')}</h3>
          <p>{t('quotasPage.sortition.importText')}</p>
          <div className={`field${importError === 'noFile' ? ' field-invalid' : ''}`}>
            <label htmlFor="categories-file">{t('quotasPage.sortition.fileLabel')}</label>
            <input
              ref={fileRef}
              id="categories-file"
              type="file"
              accept=".csv,text/csv"
              className="file-input"
              aria-invalid={importError === 'noFile' ? true : undefined}
              aria-describedby={importError === 'noFile' ? 'categories-file-error' : 'categories-file-hint'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setImportError(null);
              }}
            />
            {importError === 'noFile' && (
              <p className="field-error" id="categories-file-error">
                <span aria-hidden="true" className="field-error-mark">!</span> {t('quotasPage.sortition.chooseFirst')}
              </p>
            )}
            <p className="field-hint" id="categories-file-hint">
              {t('quotasPage.sortition.fileHint')}
            </p>
          </div>
          <FormActions busy={importBusy} submitLabel={t('quotasPage.sortition.import')} />
          <div ref={problemsRef} tabIndex={-1} className="sortition-problems">
            {problems ? (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">
                  {t('quotasPage.sortition.problems', { count: problems.length, n: formatNumber(problems.length, lang), file: file?.name ?? '' })}
                </p>
                <ol className="file-problems">
                  {problems.map((p, i) => (
                    <li key={i}>
                      <span className="file-problem-where">
                        {p.column
                          ? t('quotasPage.sortition.rowColumn', { row: formatNumber(p.row, lang), column: p.column })
                          : t('quotasPage.sortition.row', { row: formatNumber(p.row, lang) })}
                      </span>{' '}
                      {p.message.replace(/^Row \d+:\s*/, '')}
                    </li>
                  ))}
                </ol>
              </div>
            ) : unreadable ? (
              <div className="notice notice-error" role="alert">
                <p>{t('quotasPage.sortition.unreadable')}</p>
                <p className="notice-detail">{t('common.technicalDetail', { message: unreadable.message })}</p>
              </div>
            ) : importError !== 'noFile' ? (
              <ErrorNotice error={importError} />
            ) : null}
          </div>
        </form>

        <div className="sortition-part" role="group" aria-labelledby="sortition-export-title">
          <h3 id="sortition-export-title">{t('quotasPage.sortition.exportTitle')}</h3>
          <p>{t('quotasPage.sortition.exportCategoriesText')}</p>
          <label className="checkbox-label">
            <input type="checkbox" className="checkbox" checked={flex} onChange={(e) => setFlex(e.target.checked)} />
            {t('quotasPage.sortition.flex')}
          </label>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void exportFile('categories')} disabled={exportBusy !== null || !hasQuotas} aria-describedby={!hasQuotas ? 'export-no-quotas' : undefined}>
              {exportBusy === 'categories' ? t('common.busy') : t('quotasPage.sortition.exportCategories')}
            </button>
          </div>
          {!hasQuotas && (
            <p className="field-hint" id="export-no-quotas">
              {t('quotasPage.sortition.noQuotasYet')}
            </p>
          )}
          <p className="sortition-people-text">{t('quotasPage.sortition.exportPeopleText')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void exportFile('people')} disabled={exportBusy !== null || !hasFeatures}>
              {exportBusy === 'people' ? t('common.busy') : t('quotasPage.sortition.exportPeople')}
            </button>
          </div>
          <ErrorNotice error={exportError} />
        </div>
      </div>
    </section>
  );
}
