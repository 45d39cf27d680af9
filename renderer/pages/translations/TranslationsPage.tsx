/**
 * Translations (#/settings/translations): every public text with its base text and a column per
 * content language (nl, fr, de, en), edited in place: a translation is saved when its field loses
 * the focus (an empty field removes it). "?missing=fr" opens it on the texts without French, as
 * the export dialog links to it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES, type ContentLanguage, type PublicText } from '../../../main/domain/translations/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { invalidateContent } from '../../components/content';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { hrefFor } from '../../router';
import './translations.css';

const isContentLanguage = (v: unknown): v is ContentLanguage => typeof v === 'string' && (CONTENT_LANGUAGES as readonly string[]).includes(v);

/** The language of "?missing=xx" in the address, if any. */
function missingFromHash(): ContentLanguage | null {
  const value = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('missing');
  return isContentLanguage(value) ? value : null;
}

/**
 * Texts of one kind and field with the same base text ("Coffee" in every session's programme)
 * are one row: a translation entered there is saved for each of them.
 */
interface TextGroup {
  key: string;
  texts: PublicText[];
  first: PublicText;
}

function groupTexts(texts: readonly PublicText[]): TextGroup[] {
  const groups = new Map<string, TextGroup>();
  for (const text of texts) {
    const key = `${text.kind}/${text.field}/${text.base}`;
    const group = groups.get(key);
    if (group) group.texts.push(text);
    else groups.set(key, { key, texts: [text], first: text });
  }
  return [...groups.values()];
}

/** The group's translation in a language: the one its texts share (or the first found). */
const translationOf = (g: TextGroup, l: ContentLanguage): string => g.texts.map((x) => x.translations[l]?.trim() ?? '').find((x) => x !== '') ?? '';
const isMissing = (g: TextGroup, l: ContentLanguage): boolean => g.texts.some((x) => !x.translations[l]?.trim());

export function TranslationsPage() {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<ContentLanguage | null>(missingFromHash);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const overview = useApiData(() => call('translations.list', {}), []);
  // The texts listed when the filter was chosen stay listed while they are being translated.
  const [listed, setListed] = useState<{ filter: ContentLanguage | null; keys: Set<string> } | null>(null);
  const langName = (l: ContentLanguage) => t(`translationsPage.lang.${l}`);
  // Inside a sentence ("version en français"): some languages write language names in lower case.
  const langIn = (l: ContentLanguage) => t(`translationsPage.langIn.${l}`);

  const data = overview.data;
  const base = data?.baseLanguage ?? 'en';
  const texts = data?.texts ?? [];
  const groups = groupTexts(texts);
  // The base language's column is the base text itself.
  const others = CONTENT_LANGUAGES.filter((l) => l !== base);
  const missingNow = (l: ContentLanguage) => (l === base ? [] : groups.filter((g) => isMissing(g, l)));
  let shown = groups;
  if (missing) {
    const keys = listed && listed.filter === missing ? listed.keys : new Set(missingNow(missing).map((g) => g.key));
    if (data && (!listed || listed.filter !== missing)) setListed({ filter: missing, keys });
    shown = groups.filter((g) => keys.has(g.key));
  }

  async function save(group: TextGroup, language: ContentLanguage, value: string) {
    const trimmed = value.trim();
    // Unchanged for every text of the row: nothing to save.
    if (group.texts.every((x) => (x.translations[language]?.trim() ?? '') === trimmed)) return;
    setError(null);
    setMessage(null);
    try {
      for (const text of group.texts) {
        await call('translations.set', { kind: text.kind, entityId: text.entityId, field: text.field, language, text: value });
      }
      invalidateContent();
      await overview.reload();
      setMessage(trimmed === '' ? t('translationsPage.removed', { language: langIn(language) }) : t('translationsPage.saved', { language: langIn(language), text: trimmed }));
    } catch (e) {
      setError(e);
      await overview.reload();
    }
  }

  async function changeBase(language: ContentLanguage) {
    setError(null);
    try {
      await call('translations.setBaseLanguage', { language });
      invalidateContent();
      await overview.reload();
      setMessage(t('translationsPage.baseLanguageSaved', { language: langIn(language) }));
    } catch (e) {
      setError(e);
    }
  }

  function chooseFilter(value: string) {
    const next = isContentLanguage(value) ? value : null;
    setMissing(next);
    setListed(null);
    window.history.replaceState(null, '', next ? `${hrefFor('settings', 'translations')}?missing=${next}` : hrefFor('settings', 'translations'));
  }

  return (
    <>
      <PageHeading intro={t('translationsPage.intro')}>{t('translationsPage.title')}</PageHeading>
      <p>
        <a href={hrefFor('settings')}>{t('translationsPage.back')}</a>
      </p>
      <StatusLine message={message} />
      <ErrorNotice error={error} />
      <LoadStatus loaded={overview} empty={data && texts.length === 0 && t('translationsPage.empty')} />
      {data && texts.length > 0 && (
        <section className="panel translations-panel" aria-labelledby="translations-table-title">
          <div className="translations-controls">
            <label>
              {t('translationsPage.baseLanguage')}{' '}
              <select value={base} onChange={(e) => void changeBase(e.target.value as ContentLanguage)} aria-describedby="translations-base-hint">
                {CONTENT_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {langName(l)}
                  </option>
                ))}
              </select>
            </label>
            <span id="translations-base-hint" className="muted">
              {t('translationsPage.baseLanguageHint')}
            </span>
            <label>
              {t('translationsPage.filter')}{' '}
              <select value={missing ?? ''} onChange={(e) => chooseFilter(e.target.value)}>
                <option value="">{t('translationsPage.all', { count: groups.length })}</option>
                {CONTENT_LANGUAGES.filter((l) => l !== base).map((l) => (
                  <option key={l} value={l}>
                    {`${t('translationsPage.missingIn', { language: langIn(l) })} (${missingNow(l).length})`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <h2 id="translations-table-title" className="visually-hidden">
            {t('translationsPage.caption')}
          </h2>
          {missing && shown.length === 0 && <p>{t('translationsPage.noneMissing', { language: langIn(missing) })}</p>}
          {shown.length > 0 && (
            <DataTable className="translations-table" caption={t('translationsPage.caption')} columns={[t('translationsPage.col.text'), t('translationsPage.col.base', { language: langName(base) }), ...others.map(langName)]}>
              {shown.map((group) => (
                <tr key={group.key}>
                  <td className="translations-what">
                    <span>{t(`translationsPage.kind.${group.first.kind}`)}</span>
                    {group.first.field === 'rationale' && <span> ({t('translationsPage.field.rationale')})</span>}
                    {group.texts.length > 1 ? (
                      <span className="muted translations-context">{t('translationsPage.times', { count: group.texts.length })}</span>
                    ) : (
                      group.first.context && <span className="muted translations-context">{group.first.context}</span>
                    )}
                  </td>
                  <th scope="row" className="translations-base">
                    {group.first.base}
                  </th>
                  {others.map((l) => (
                    <td key={l} className={l === missing ? 'translations-cell translations-focus' : 'translations-cell'}>
                      <TranslationInput group={group} language={l} label={t('translationsPage.inputLabel', { language: langName(l), text: group.first.base.slice(0, 80) })} onSave={save} />
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}

function TranslationInput({ group, language, label, onSave }: { group: TextGroup; language: ContentLanguage; label: string; onSave: (group: TextGroup, language: ContentLanguage, value: string) => Promise<void> }) {
  const [value, setValue] = useState(translationOf(group, language));
  const multiLine = group.first.field === 'rationale';
  return (
    <textarea
      aria-label={label}
      lang={language}
      value={value}
      // Wrapped, so a long title can be read whole; rationales run to several lines.
      rows={multiLine ? 5 : Math.min(4, Math.max(1, Math.ceil(Math.max(value.length, group.first.base.length) / 16)))}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void onSave(group, language, value)}
      onKeyDown={(e) => {
        // A one-line text: Enter saves it (as leaving the field does) instead of starting a new line.
        if (!multiLine && e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        }
      }}
    />
  );
}
