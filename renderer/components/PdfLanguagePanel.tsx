/**
 * "Download a document in which language": a panel with a language choice (starting at the
 * interface's language) and one button per document. While one document is being made every
 * button is disabled and the one clicked says so; the file is saved through saveBinaryFile, an
 * optional line announces it (role=status) and a refusal is shown below.
 * Used by the sign-in sheets, the badges and the table plans' exports.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../preload/vocabulary';
import type { ExportedBinaryFile } from '../../main/domain/assembly/types';
import { saveBinaryFile } from '../files';
import { currentLanguage } from '../i18n';
import { ErrorNotice } from './ErrorNotice';
import { StatusLine } from './StatusLine';

export interface PdfDocument {
  /** Tells the buttons apart (React key, which one is busy). */
  key: string;
  /** The button's text. */
  label: string;
  /** Makes the document in the chosen language. */
  make: (lang: Language) => Promise<ExportedBinaryFile>;
}

interface Props {
  /** The heading's id (the section is labelled by it), its text and level. */
  titleId: string;
  title: string;
  headingLevel?: 2 | 3;
  /** A sentence under the heading, if any. */
  text?: string;
  /** The language select's id and label. */
  selectId: string;
  languageLabel: string;
  documents: PdfDocument[];
  /** The class of the section (besides "panel") and of the row holding the select and buttons. */
  className?: string;
  rowClassName: string;
  /** A single main action: a primary button. */
  primary?: boolean;
  /** The sentence announced once a file is saved; no status line when absent. */
  saved?: (fileName: string) => string;
}

export function PdfLanguagePanel({ titleId, title, headingLevel = 3, text, selectId, languageLabel, documents, className, rowClassName, primary = false, saved }: Props) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Language>(currentLanguage());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download(doc: PdfDocument) {
    setBusy(doc.key);
    setError(null);
    setDone(null);
    try {
      const file = await doc.make(lang);
      saveBinaryFile(file);
      if (saved) setDone(saved(file.fileName));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={titleId} className={className ? `panel ${className}` : 'panel'}>
      <Heading id={titleId}>{title}</Heading>
      {text !== undefined && <p className="muted">{text}</p>}
      <div className={rowClassName}>
        <div className="field">
          <label htmlFor={selectId}>{languageLabel}</label>
          <select id={selectId} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {documents.map((doc) => (
          <button key={doc.key} type="button" className={primary ? 'button button-primary' : 'button'} onClick={() => void download(doc)} disabled={busy !== null}>
            {busy === doc.key ? t('common.busy') : doc.label}
          </button>
        ))}
      </div>
      {saved && <StatusLine message={done} />}
      <ErrorNotice error={error} />
    </section>
  );
}
