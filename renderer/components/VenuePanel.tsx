import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATION_ROLES, type StationRole } from '../../preload/vocabulary';
import type { VenueDevice, VenuePairingCode, VenueStatus } from '../../main/domain/venue/types';
import { call } from '../api';
import { formatInstant } from '../format';
import { currentLanguage } from '../i18n';
import { useAppState } from './AppState';
import { DataTable } from './DataTable';
import { ErrorNotice } from './ErrorNotice';
import { StationConflicts } from './StationConflicts';
import { useAction } from './useAction';

const REFRESH_MS = 5000;

/**
 * "Let other laptops join" (the host): turns the venue link on and off, shows a pairing code with
 * its QR code, and the devices to approve with a role or revoke.
 */
export function VenuePanel() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const zone = useAppState().status.assembly?.timeZone;
  const [status, setStatus] = useState<VenueStatus | null>(null);
  const [devices, setDevices] = useState<VenueDevice[]>([]);
  const [pairing, setPairing] = useState<VenuePairingCode | null>(null);
  const [roles, setRoles] = useState<Record<string, StationRole>>({});
  const [slots, setSlots] = useState<Record<string, 0 | 1 | 2>>({});

  const refresh = useCallback(async () => {
    const [next, list] = await Promise.all([call('venue.status', {}), call('venue.devices', {})]);
    setStatus(next);
    setDevices(list);
  }, []);
  const action = useAction(async (work: () => Promise<unknown>) => {
    await work();
    await refresh();
  });

  useEffect(() => {
    void refresh().catch(() => undefined);
    const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!status) return null;
  const expired = pairing !== null && Date.parse(pairing.expiresAt) <= Date.now();

  return (
    <>
      <p className="muted">{t('venue.intro')}</p>
      {status.enabled ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('venue.addresses')}</dt>
              <dd>
                {status.addresses.map((a) => (
                  <code key={a} className="path">
                    {a}{' '}
                  </code>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t('venue.fingerprint')}</dt>
              <dd>
                <code className="path">{status.fingerprint}</code>
              </dd>
            </div>
          </dl>
          <div className="inline-form">
            <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void action.run(async () => setPairing(await call('venue.createPairingCode', {})))}>
              {t('venue.newCode')}
            </button>
            <button type="button" className="button button-light" disabled={action.busy} onClick={() => void action.run(async () => {
              setPairing(null);
              await call('venue.disable', {});
            })}>
              {t('venue.disable')}
            </button>
          </div>
          {status.pairingLockedUntil && (
            <p role="alert">{t('venue.locked', { addresses: status.pairingLockedAddresses.join(', '), time: formatInstant(status.pairingLockedUntil, lang, zone) })}</p>
          )}
          {pairing && !expired && (
            <div className="venue-pairing">
              <p>
                {t('venue.code')} <strong className="venue-code">{pairing.code}</strong>{' '}
                <span className="muted">{t('venue.validUntil', { time: formatInstant(pairing.expiresAt, lang, zone) })}</span>
              </p>
              <img src={pairing.qrDataUrl} alt={t('venue.qrAlt', { code: pairing.code })} width={180} height={180} />
            </div>
          )}
        </>
      ) : (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void action.run(() => call('venue.enable', {}))}>
          {t('venue.enable')}
        </button>
      )}
      <ErrorNotice error={action.error} />
      {devices.length > 0 && (
        <DataTable
          caption={t('venue.devicesCaption')}
          columns={[t('venue.col.device'), t('venue.col.person'), t('venue.col.role'), t('venue.col.status'), t('venue.col.lastSeen'), t('venue.col.waiting'), { label: t('venue.col.actions'), hidden: true }]}
        >
          {devices.map((d) => {
            const chosen = roles[d.id] ?? d.role ?? 'desk';
            const slot = chosen === 'counting' ? (slots[d.id] ?? d.slot ?? 0) : 0;
            const changed = chosen !== d.role || slot !== (d.slot ?? 0);
            return (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{d.person}</td>
                <td>
                  {d.status === 'revoked' ? (
                    d.role ? t(`venue.role.${d.role}`) : ''
                  ) : (
                    <select aria-label={t('venue.roleFor', { name: d.name })} value={chosen} onChange={(e) => setRoles({ ...roles, [d.id]: e.target.value as StationRole })}>
                      {STATION_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`venue.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                  {chosen === 'counting' && d.status !== 'revoked' && (
                    <select aria-label={t('venue.slotFor', { name: d.name })} value={slot} onChange={(e) => setSlots({ ...slots, [d.id]: Number(e.target.value) as 0 | 1 | 2 })}>
                      <option value={0}>{t('venue.slotAny')}</option>
                      <option value={1}>{t('venue.slotN', { n: 1 })}</option>
                      <option value={2}>{t('venue.slotN', { n: 2 })}</option>
                    </select>
                  )}
                </td>
                <td>{t(`venue.status.${d.status}`)}</td>
                <td className="nowrap">{d.lastSeenAt ? <time dateTime={d.lastSeenAt}>{formatInstant(d.lastSeenAt, lang, zone)}</time> : '—'}</td>
                <td className="numeric">{d.waiting === null ? '—' : d.waiting}</td>
                <td className="nowrap">
                  {d.status !== 'revoked' && (d.status === 'pending' || changed) && (
                    <button type="button" className="button button-small button-primary" disabled={action.busy} onClick={() => void action.run(() => call('venue.approve', { deviceId: d.id, role: chosen, ...(slot ? { slot } : {}) }))}>
                      {t('venue.approve', { name: d.name })}
                    </button>
                  )}{' '}
                  {d.status !== 'revoked' && (
                    <button type="button" className="button button-small button-danger-outline" disabled={action.busy} onClick={() => void action.run(() => call('venue.revoke', { deviceId: d.id }))}>
                      {t('venue.revoke', { name: d.name })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <StationConflicts />
    </>
  );
}
