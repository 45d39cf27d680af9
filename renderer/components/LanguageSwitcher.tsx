import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../preload/vocabulary';
import { call } from '../api';
import { applyLanguage } from '../i18n';
import { useAppState } from './AppState';
import { ErrorNotice } from './ErrorNotice';

/** Each language named in itself, so anyone can find their own. */
const NATIVE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

interface Props {
  /** Compact: a row of radio buttons without the explanation (start screens). */
  compact?: boolean;
}

/** The language of the app, saved by main for this computer (app.setLanguage). */
export function LanguageSwitcher({ compact }: Props) {
  const { t } = useTranslation();
  const { status, setStatus } = useAppState();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  /** The choice being saved: shown as chosen at once (a radio must not spring back). */
  const [pending, setPending] = useState<Language | null>(null);
  const shown = pending ?? status.language;
  const hintId = useId();

  async function choose(language: Language) {
    setBusy(true);
    setPending(language);
    setError(null);
    setSaved(false);
    try {
      const next = await call('app.setLanguage', { language });
      await applyLanguage(next.language);
      setStatus(next);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
      setBusy(false);
    }
  }

  return (
    <div className={compact ? 'language-switcher compact' : 'language-switcher'}>
      <fieldset aria-describedby={compact ? undefined : hintId} disabled={busy}>
        <legend>{t('settings.language')}</legend>
        <div className="radio-row">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="radio" lang={lang}>
              <input
                type="radio"
                name="language"
                value={lang}
                checked={shown === lang}
                onChange={() => void choose(lang)}
              />
              <span>{NATIVE_NAMES[lang]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!compact && (
        <p className="field-hint" id={hintId}>
          {t('settings.languageHint')}
        </p>
      )}
      <p role="status" className="visually-hidden-when-empty">
        {saved && !compact ? t('settings.languageSaved') : ''}
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}
