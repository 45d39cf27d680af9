/**
 * "Join an assembly at this venue" on the start page. In the desktop app: paste the pairing link
 * (or type the address, code and fingerprint it holds) and the app opens the host's station page
 * in a window that trusts only that host's certificate (venue.openStation). In a browser there
 * is nothing to open from here: this page is the host's own (web mode on loopback), and a tablet
 * or another laptop's browser joins by opening the pairing link itself, so the card says that
 * instead of offering a form that could only fail.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { StatusLine } from './StatusLine';

export function JoinVenueCard({ transport, disabled }: { transport: 'electron' | 'web' | 'cli'; disabled: boolean }) {
  const { t } = useTranslation();
  const [link, setLink] = useState('');
  const [typed, setTyped] = useState(false);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<string | null>(null);

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOpened(null);
    try {
      const done = await call('venue.openStation', typed ? { address, code, fingerprint } : { link });
      setOpened(t('venue.join.opened', { origin: done.origin }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel start-card" aria-labelledby="start-join">
      <h2 id="start-join">{t('venue.join.title')}</h2>
      {transport !== 'electron' ? (
        <p className="muted" data-testid="join-in-browser">
          {t('venue.join.inBrowser')}
        </p>
      ) : (
        <form onSubmit={(e) => void join(e)} noValidate>
          <p className="muted">{t('venue.join.text')}</p>
          {!typed ? (
            <Field id="join-link" label={t('venue.join.link')} hint={t('venue.join.linkHint')}>
              {(p) => <input {...p} type="text" className="input-path" autoComplete="off" spellCheck={false} maxLength={2000} value={link} onChange={(e) => setLink(e.target.value)} />}
            </Field>
          ) : (
            <>
              <Field id="join-address" label={t('venue.join.address')} hint={t('venue.join.addressHint')}>
                {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} />}
              </Field>
              <Field id="join-code-typed" label={t('venue.join.code')} hint={t('venue.join.codeHint')}>
                {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />}
              </Field>
              <Field id="join-fingerprint" label={t('venue.join.fingerprint')} hint={t('venue.join.fingerprintHint')}>
                {(p) => <input {...p} type="text" className="input-path" autoComplete="off" spellCheck={false} maxLength={100} value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} />}
              </Field>
            </>
          )}
          <p>
            <button type="button" className="button button-light button-small" onClick={() => setTyped((v) => !v)}>
              {typed ? t('venue.join.pasteInstead') : t('venue.join.typeInstead')}
            </button>
          </p>
          <ErrorNotice error={error} />
          <FormActions busy={busy} disabled={disabled} submitLabel={t('venue.join.submit')} />
          <StatusLine message={opened} />
        </form>
      )}
    </section>
  );
}
