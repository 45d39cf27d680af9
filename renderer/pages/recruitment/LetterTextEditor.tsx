/**
 * The letter texts, one kind and language at a time: the subject and the body with their
 * placeholders ({name}, {code}, …). Saving checks the placeholders on the server: an unknown
 * one is named with its line and nothing is stored. "Back to the default text" removes the
 * edited version.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/apiTypes';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';

type Text = ResultOf<'letters.texts'>['texts'][number];
type Kind = Text['kind'];
type Lang = Text['language'];

const KINDS: Kind[] = ['invitation', 'reminder'];
const LANGS: Lang[] = ['nl', 'fr', 'de', 'en'];

export function LetterTextEditor({ texts, placeholders, onSaved }: { texts: Text[]; placeholders: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('invitation');
  const [lang, setLang] = useState<Lang>('nl');
  const current = texts.find((x) => x.kind === kind && x.language === lang)!;
  const [subject, setSubject] = useState(current.subject);
  const [body, setBody] = useState(current.body);
  const [done, setDone] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setSubject(current.subject);
    setBody(current.body);
  }, [current.subject, current.body, kind, lang]);

  const langName = (l: Lang) => t(`lettersPage.lang.${l}`);
  const save = useAction(async () => {
    await call('letters.setText', { kind, language: lang, subject, body });
    setDone(t('lettersPage.texts.saved', { kind: t(`lettersPage.kind.${kind}`), language: langName(lang) }));
    onSaved();
  });
  const reset = useAction(async () => {
    await call('letters.resetText', { kind, language: lang });
    setDone(t('lettersPage.texts.resetDone', { language: langName(lang) }));
    onSaved();
  });

  function choose(k: Kind, l: Lang) {
    setKind(k);
    setLang(l);
    setDone(null);
    save.clearError();
  }

  /** Puts a placeholder where the cursor is in the body. */
  function insert(name: string) {
    const area = bodyRef.current;
    const token = `{${name}}`;
    if (!area) return setBody((b) => b + token);
    const { selectionStart: s, selectionEnd: e } = area;
    const next = body.slice(0, s) + token + body.slice(e);
    setBody(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(s + token.length, s + token.length);
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    void save.run();
  }

  const changed = subject !== current.subject || body !== current.body;
  return (
    <div className="letters-editor">
      <div className="letters-row">
        <Field id="letters-text-kind" label={t('lettersPage.kindLabel')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => choose(e.target.value as Kind, lang)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`lettersPage.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="letters-langs" role="group" aria-label={t('lettersPage.texts.languages')}>
        {LANGS.map((l) => {
          const x = texts.find((y) => y.kind === kind && y.language === l)!;
          return (
            <button key={l} type="button" className="button button-small" aria-pressed={l === lang} onClick={() => choose(kind, l)}>
              {langName(l)}
              <span className="letters-state"> · {x.edited ? t('lettersPage.texts.edited') : t('lettersPage.texts.default')}</span>
            </button>
          );
        })}
      </div>
      <form onSubmit={submit} noValidate lang={lang}>
        <Field id="letters-subject" label={t('lettersPage.texts.subject', { language: langName(lang) })}>
          {(p) => <input {...p} type="text" value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </Field>
        <Field id="letters-body" label={t('lettersPage.texts.body', { language: langName(lang) })} hint={t('lettersPage.texts.bodyHint')}>
          {(p) => <textarea {...p} ref={bodyRef} rows={16} value={body} onChange={(e) => setBody(e.target.value)} className="letters-body" />}
        </Field>
        <div className="letters-placeholders">
          <span className="muted">{t('lettersPage.texts.placeholders')}</span>{' '}
          {placeholders.map((name) => (
            <button key={name} type="button" className="button button-small letters-chip" onClick={() => insert(name)} title={t(`lettersPage.placeholder.${name}`)} aria-label={t('lettersPage.texts.insert', { placeholder: `{${name}}`, meaning: t(`lettersPage.placeholder.${name}`) })}>
              {`{${name}}`}
            </button>
          ))}
        </div>
        <ErrorNotice error={save.error ?? reset.error} />
        <FormActions busy={save.busy} submitLabel={t('lettersPage.texts.save', { language: langName(lang) })} disabled={!changed || reset.busy}>
          {current.edited && (
            <button type="button" className="button" onClick={() => void reset.run()} disabled={reset.busy || save.busy}>
              {t('lettersPage.texts.reset')}
            </button>
          )}
        </FormActions>
        <StatusLine message={done} />
      </form>
    </div>
  );
}
