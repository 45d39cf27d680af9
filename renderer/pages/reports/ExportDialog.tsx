/**
 * The export of one report or table (reports.export): the privacy level as three cards that say
 * what each contains, the language of the file and, when the report has two, its format. The
 * dialog previews the file name; once saved, the server's file name is shown in a status line.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_DIALECTS, LANGUAGES, type CsvDialectName, type Language } from '../../../preload/vocabulary';
import type { PrivacyLevelName } from '../../../main/reports/types';
import { call, isApiCallError } from '../../api';
import { useApiData, useAppState } from '../../components/AppState';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { saveBinaryFile } from '../../files';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { expectedFileName, LEVELS, type ExportChoice, type ExportFormat } from './catalogue';

interface Props {
  choice: ExportChoice;
  /** The title of the report or table, already translated. */
  title: string;
  onClose: () => void;
  /** A file was saved (the page repeats it once the dialog is closed). */
  onSaved: (fileName: string) => void;
}

export function ExportDialog({ choice, title, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { status } = useAppState();
  const id = useId();
  const [level, setLevel] = useState<PrivacyLevelName>(choice.defaultLevel);
  const [lang, setLang] = useState<Language>(currentLanguage());
  const [format, setFormat] = useState<ExportFormat>(choice.formats[0]!);
  const [dialect, setDialect] = useState<CsvDialectName>('excel');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Texts the file would print in the base language: listed before the export, for the person to decide.
  const missing = useApiData(() => call('translations.missing', { language: lang }), [lang]);

  // A refusal is where the keyboard user should land: they read it, then change a choice or close.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function changed() {
    setError(null);
    setSaved(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const file = await call('reports.export', { report: choice.name, format, level, lang, ...(format === 'csv' ? { dialect } : {}) });
      saveBinaryFile(file);
      setSaved(file.fileName);
      onSaved(file.fileName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const nothing = isApiCallError(error) && error.i18nKey === 'reports.nothingToReport';
  const fileName = expectedFileName(status.assembly?.name ?? '', choice, level, format);
  const summaryId = `${id}-summary`;
  const warningId = `${id}-warning`;

  return (
    <Dialog title={t('reportsPage.dialog.title', { name: title })} onClose={onClose} describedBy={summaryId}>
      <form className="reports-dialog" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="reports-levels">
          <legend>{t('reportsPage.dialog.level')}</legend>
          <div className="reports-level-cards">
            {LEVELS.map((l) => (
              <label key={l} className={`reports-level-card reports-level-${l}`}>
                <input
                  type="radio"
                  name={`${id}-level`}
                  value={l}
                  checked={level === l}
                  data-autofocus={level === l || undefined}
                  aria-describedby={`${id}-level-${l}`}
                  onChange={() => {
                    setLevel(l);
                    changed();
                  }}
                />
                <span className="reports-level-text">
                  <span className="reports-level-name">{t(`reportsPage.level.${l}.name`)}</span>
                  <span className="reports-level-what" id={`${id}-level-${l}`}>
                    {t(`reportsPage.level.${l}.what`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div aria-live="polite">
          {level === 'full' && (
            <p className="reports-warning" id={warningId}>
              <span aria-hidden="true" className="reports-warning-mark">
                !
              </span>{' '}
              {t('reportsPage.dialog.fullWarning')}
            </p>
          )}
        </div>

        <div className="reports-dialog-row">
          <fieldset>
            <legend>{t('reportsPage.dialog.language')}</legend>
            <div className="radio-row">
              {LANGUAGES.map((l) => (
                <label key={l} className="radio" lang={l}>
                  <input
                    type="radio"
                    name={`${id}-lang`}
                    value={l}
                    checked={lang === l}
                    onChange={() => {
                      setLang(l);
                      changed();
                    }}
                  />
                  {t(`language.${l}`, { lng: l })}
                </label>
              ))}
            </div>
          </fieldset>
          {choice.formats.length > 1 && (
            <fieldset>
              <legend>{t('reportsPage.dialog.format')}</legend>
              <div className="radio-row">
                {choice.formats.map((f) => (
                  <label key={f} className="radio">
                    <input
                      type="radio"
                      name={`${id}-format`}
                      value={f}
                      checked={format === f}
                      onChange={() => {
                        setFormat(f);
                        changed();
                      }}
                    />
                    {t(`reportsPage.format.${f}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {format === 'csv' && (
            <fieldset>
              <legend>{t('reportsPage.dialect.legend')}</legend>
              <div className="radio-row">
                {CSV_DIALECTS.map((d) => (
                  <label key={d} className="radio">
                    <input
                      type="radio"
                      name={`${id}-dialect`}
                      value={d}
                      checked={dialect === d}
                      onChange={() => {
                        setDialect(d);
                        changed();
                      }}
                    />
                    {t(`reportsPage.dialect.${d}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </div>

        <div className="reports-summary" id={summaryId}>
          <p>
            {t('reportsPage.dialog.summary', {
              level: t(`reportsPage.level.${level}.name`),
              language: t(`language.${lang}`, { lng: lang }),
              format: t(`reportsPage.format.${format}`),
            })}
          </p>
          <p>
            {t('reportsPage.dialog.fileName')} <code className="reports-file-name">{fileName}</code>
          </p>
        </div>

        {missing.data && missing.data.count > 0 && (
          <MissingTranslations language={lang} count={missing.data.count} texts={missing.data.texts.map((x) => x.base)} />
        )}

        {nothing ? (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={errorRef}>
            <p className="notice-title">{t('reports.nothingToReport')}</p>
            <p>{t(`reportsPage.nothing.${choice.name}`, { defaultValue: t('reportsPage.nothing.other') })}</p>
          </div>
        ) : (
          <ErrorNotice error={error} ref={errorRef} />
        )}
        <div role="status" className="status-line">
          {saved && (
            <p className="notice notice-success">
              <span>{t('reportsPage.saved', { fileName: saved })}</span>
            </p>
          )}
        </div>

        <FormActions
          busy={busy}
          submitLabel={t('reportsPage.dialog.export', { format: t(`reportsPage.format.${format}`) })}
          onCancel={onClose}
          cancelLabel={saved ? t('common.close') : t('common.cancel')}
        />
      </form>
    </Dialog>
  );
}

const LISTED = 5;

/** "3 texts have no French version: …", what happens if exported anyway, and the way to translate them. */
function MissingTranslations({ language, count, texts }: { language: Language; count: number; texts: string[] }) {
  const { t } = useTranslation();
  const shown = texts.slice(0, LISTED).map((x) => `“${x.length > 60 ? `${x.slice(0, 59)}…` : x}”`);
  if (count > LISTED) shown.push(t('translationsPage.missingMore', { count: count - LISTED }));
  return (
    <div className="notice reports-missing" aria-live="polite">
      <p>{t('translationsPage.missingBeforeExport', { count, language: t(`translationsPage.langIn.${language}`), list: shown.join(', ') })}</p>
      <p>
        {t('translationsPage.missingChoice')}{' '}
        <a href={`${hrefFor('settings', 'translations')}?missing=${language}`}>{t('translationsPage.goTranslate')}</a>
      </p>
    </div>
  );
}
