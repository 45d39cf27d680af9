/**
 * A station's browser on the venue link (https://<host's LAN address>): join with the pairing
 * code, wait for the host's approval (polling venue.me), then the page for the device's role. A
 * desk station opens its own check-in desk, which keeps working when the host cannot be reached
 * (StationDesk). A revoked device is told so in a sentence, and forgets its token.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../main/domain/assembly/types';
import type { VenueMe } from '../../main/domain/venue/types';
import { LANGUAGES, type Language } from '../../preload/vocabulary';
import { call, isApiCallError } from '../api';
import { forgetDeviceToken, readDeviceToken, storeDeviceToken, stationStorage, takeJoinLink } from '../bridge/webBridge';
import { AppStateContext, type AppState } from '../components/AppState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Shell } from '../components/Shell';
import { applyLanguage, isLanguage } from '../i18n';
import { Dashboard } from '../pages/attendance/Dashboard';
import { hasDeskMemory, isUnreachable, OfflineStartDesk, QUEUE_STORAGE_KEY, StationDesk } from './StationDesk';
import { parseQueue } from './queue';
import { setDisplayTimeZone } from '../format';
import './station.css';

const POLL_MS = 3000;
const LANGUAGE_STORAGE_KEY = 'assembly-desk.station-language';
const NATIVE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

type Phase =
  | { kind: 'join' }
  | { kind: 'waiting'; me: VenueMe | null }
  | { kind: 'approved'; me: VenueMe; status: AppStatus }
  | { kind: 'revoked' }
  | { kind: 'unknown' };

/** The station's own language: chosen on this device (the host's setting is the host's alone). */
function initialLanguage(): Language {
  try {
    const stored = stationStorage().getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // no storage
  }
  const browser = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

/** Refusals that end this device's pairing: revoked, or a token the host does not know. */
function pairingEnded(e: unknown): 'revoked' | 'unknown' | null {
  if (!isApiCallError(e) || e.code !== 'FORBIDDEN') return null;
  if (e.i18nKey === 'venue.errors.revoked') return 'revoked';
  if (e.i18nKey === 'venue.errors.unknownDevice') return 'unknown';
  return null;
}

export function StationApp() {
  const { t } = useTranslation();
  const [link] = useState(() => takeJoinLink());
  const [phase, setPhase] = useState<Phase>(() => (readDeviceToken() ? { kind: 'waiting', me: null } : { kind: 'join' }));
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [pollError, setPollError] = useState<unknown>(null);

  useEffect(() => {
    void applyLanguage(language);
    try {
      stationStorage().setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // no storage: the choice lasts while the page is open
    }
  }, [language]);

  const ended = useCallback((why: 'revoked' | 'unknown') => {
    forgetDeviceToken();
    setPhase({ kind: why });
  }, []);

  // While waiting: ask the host every few seconds whether it approved this device.
  const waiting = phase.kind === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    let stop = false;
    const ask = async () => {
      try {
        const me = await call('venue.me', {});
        if (stop) return;
        setPollError(null);
        if (me.status === 'revoked') return ended('revoked');
        if (me.status === 'approved' && me.role) {
          const status = await call('app.status', {});
          if (!stop) setPhase({ kind: 'approved', me, status });
          return;
        }
        setPhase({ kind: 'waiting', me });
      } catch (e) {
        if (stop) return;
        const why = pairingEnded(e);
        if (why) return ended(why);
        setPollError(e);
      }
    };
    void ask();
    const timer = window.setInterval(() => void ask(), POLL_MS);
    return () => {
      stop = true;
      window.clearInterval(timer);
    };
  }, [waiting, ended]);

  return (
    <div className="start-shell station-shell">
      <header className="start-header">
        <p className="product">Assembly Desk</p>
        {phase.kind === 'approved' && (
          <p className="operator station-who">
            <strong>{phase.me.name}</strong> · {phase.me.person} · {t(`venue.role.${phase.me.role!}`)}
          </p>
        )}
        <label className="station-language">
          <span className="visually-hidden">{t('station.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {phase.kind === 'join' && <JoinScreen code={link.code ?? ''} onJoined={() => setPhase({ kind: 'waiting', me: null })} />}
      {/* A desk that opens while the host is unreachable still takes badge codes; it goes on to the usual desk once the host answers. */}
      {phase.kind === 'waiting' && isUnreachable(pollError) && hasDeskMemory() ? (
        <main id="main" className="station-main" tabIndex={-1}>
          <OfflineStartDesk />
        </main>
      ) : (
        phase.kind === 'waiting' && <WaitingScreen me={phase.me} error={pollError} />
      )}
      {phase.kind === 'revoked' && <EndedScreen kind="revoked" onAgain={() => setPhase({ kind: 'join' })} />}
      {phase.kind === 'unknown' && <EndedScreen kind="unknown" onAgain={() => setPhase({ kind: 'join' })} />}
      {phase.kind === 'approved' && <ApprovedStation me={phase.me} status={phase.status} language={language} onEnded={ended} />}
    </div>
  );
}

function JoinScreen({ code: prefilled, onJoined }: { code: string; onJoined: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(prefilled);
  const [deviceName, setDeviceName] = useState('');
  const [person, setPerson] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => {
    if (!isApiCallError(error)) return null;
    const p = error.fieldProblem(field);
    return p ? t(`fieldErrors.${p.rule}`, { defaultValue: p.message, ...(p.params ?? {}) }) : null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await call('venue.join', { code, deviceName, person });
      storeDeviceToken(joined.token);
      onJoined();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="start-main narrow" aria-busy={busy}>
      <h1 id="page-heading" tabIndex={-1}>
        {t('station.join.title')}
      </h1>
      <p className="page-intro">{t('station.join.intro')}</p>
      <form className="panel station-join" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="join-code" label={t('station.join.code')} hint={t('station.join.codeHint')} error={fieldError('code')}>
          {(p) => <input {...p} type="text" className="station-code-input" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} maxLength={20} required />}
        </Field>
        <Field id="join-device" label={t('station.join.deviceName')} hint={t('station.join.deviceNameHint')} error={fieldError('deviceName')}>
          {(p) => <input {...p} type="text" value={deviceName} onChange={(e) => setDeviceName(e.target.value)} maxLength={80} required />}
        </Field>
        <Field id="join-person" label={t('station.join.person')} hint={t('station.join.personHint')} error={fieldError('person')}>
          {(p) => <input {...p} type="text" value={person} onChange={(e) => setPerson(e.target.value)} autoComplete="name" maxLength={80} required />}
        </Field>
        {error && !(isApiCallError(error) && error.fields.length > 0) ? <ErrorNotice error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.busy') : t('station.join.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}

function WaitingScreen({ me, error }: { me: VenueMe | null; error: unknown }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="start-main narrow">
      <h1 id="page-heading" tabIndex={-1}>
        {t('station.waiting.title')}
      </h1>
      <div className="panel" role="status">
        <p className="boot-text">{t('station.waiting.text')}</p>
        {me && <p className="muted">{t('station.waiting.who', { device: me.name, person: me.person })}</p>}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </main>
  );
}

function EndedScreen({ kind, onAgain }: { kind: 'revoked' | 'unknown'; onAgain: () => void }) {
  const { t } = useTranslation();
  // Events this device could not hand over stay in its storage: they are sent once it is paired and approved again.
  const left = parseQueue(safeRead(QUEUE_STORAGE_KEY)).waiting.length;
  return (
    <main id="main" className="start-main narrow">
      <h1 id="page-heading" tabIndex={-1}>
        {t(`station.ended.${kind}Title`)}
      </h1>
      <div className="panel" role="alert">
        <p className="boot-text">{t(`station.ended.${kind}`)}</p>
        {left > 0 && <p className="notice notice-error">{t('station.ended.unsent', { n: left })}</p>}
        <div className="form-actions">
          <button type="button" className="button" onClick={onAgain}>
            {t('station.ended.again')}
          </button>
        </div>
      </div>
    </main>
  );
}

function safeRead(key: string): string | null {
  try {
    return stationStorage().getItem(key);
  } catch {
    return null;
  }
}

/** The page for the device's role. */
function ApprovedStation({ me, status, language, onEnded }: { me: VenueMe; status: AppStatus; language: Language; onEnded: (why: 'revoked' | 'unknown') => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<AppStatus>(status);
  const refresh = useCallback(async () => {
    try {
      setCurrent(await call('app.status', {}));
    } catch (e) {
      const why = pairingEnded(e);
      if (why) onEnded(why);
      else if (!isUnreachable(e)) throw e;
    }
  }, [onEnded]);
  // The station's language is its own; the host's is not applied here.
  const shownStatus = useMemo(() => {
    // The host's assembly clock, not this laptop's (set before the pages below render).
    setDisplayTimeZone(current.assembly?.timeZone);
    return { ...current, language };
  }, [current, language]);
  const station = useMemo(() => (me.role ? { role: me.role, slot: me.slot } : undefined), [me.role, me.slot]);
  const state = useMemo<AppState>(() => ({ status: shownStatus, setStatus: setCurrent, refresh, station }), [shownStatus, refresh, station]);

  if (!current.assembly) {
    return (
      <main id="main" className="start-main narrow">
        <h1 id="page-heading" tabIndex={-1}>
          {t('station.noAssembly.title')}
        </h1>
        <div className="panel">
          <p className="boot-text">{t('station.noAssembly.text')}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <AppStateContext.Provider value={state}>
      {me.role === 'desk' ? (
        <main id="main" className="station-main" tabIndex={-1}>
          <StationDesk assemblyName={current.assembly.name} onEnded={onEnded} />
        </main>
      ) : me.role === 'viewer' ? (
        <main id="main" className="station-main" tabIndex={-1}>
          <Dashboard />
        </main>
      ) : (
        // A counting station enters counts and nothing else: the voting page alone.
        <Shell assembly={current.assembly} station areas={me.role === 'counting' ? ['voting'] : undefined} />
      )}
    </AppStateContext.Provider>
  );
}
