/**
 * The desktop app's "Join an assembly at this venue": the pairing link parsed into a target, and
 * what the station window trusts (main/venue/stationPin.ts). The real Electron binary cannot run
 * here; main/electron.ts only hands these decisions to session.setCertificateVerifyProc and
 * webRequest, so they are tested on their own, with real host certificates.
 */
import { describe, expect, it } from 'vitest';
import { loadOrCreateCertificate } from '../../main/venue/tls';
import { CERT_ACCEPT, CERT_REFUSE, certificateVerdict, isJoinProblem, isStationNavigation, isStationRequest, joinTarget, stationPartition, type JoinTarget } from '../../main/venue/stationPin';
import { stationWebPreferences, secureWebPreferences } from '../../main/security';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

const linkOf = (address: string, code: string, fingerprint: string) => `${address}/?join=${code}#spki=${encodeURIComponent(fingerprint)}`;

function target(input: Parameters<typeof joinTarget>[0]): JoinTarget {
  const t = joinTarget(input);
  if (isJoinProblem(t)) throw new Error(t.message);
  return t;
}

describe('the pairing link', () => {
  const fp = Buffer.alloc(32, 7).toString('base64');

  it('gives the host origin, the code and the pin, from a pasted link or from its typed parts', () => {
    const fromLink = target({ link: `  ${linkOf('https://192.168.1.20:4611', 'AC3F9KXP', fp)} ` });
    expect(fromLink).toEqual({
      origin: 'https://192.168.1.20:4611',
      hostname: '192.168.1.20',
      code: 'AC3F9KXP',
      fingerprint: fp,
      url: `https://192.168.1.20:4611/?join=AC3F9KXP#spki=${encodeURIComponent(fp)}`,
    });
    // Typed from the host's screen: the address without https://, the code as shown ("AC3F-9KXP", any case).
    expect(target({ address: '192.168.1.20:4611', code: 'ac3f-9kxp', fingerprint: ` ${fp} ` })).toEqual(fromLink);
    // A paired device reopening: no code needed.
    expect(target({ address: 'https://[fe80::1]:4611', fingerprint: fp })).toMatchObject({ hostname: 'fe80::1', code: null, url: `https://[fe80::1]:4611/#spki=${encodeURIComponent(fp)}` });
  });

  it('refuses a malformed link with the field and a reason', () => {
    const reason = (input: Parameters<typeof joinTarget>[0]) => {
      const t = joinTarget(input);
      return isJoinProblem(t) ? `${t.field}:${t.reason}` : 'accepted';
    };
    expect(reason({ link: '' })).toBe('link:missing');
    expect(reason({ link: 'AC3F-9KXP' })).toBe('link:notALink');
    // Plain HTTP, or a user name smuggled into the address: never.
    expect(reason({ link: linkOf('http://192.168.1.20:4611', 'AC3F9KXP', fp) })).toBe('link:notALink');
    expect(reason({ link: linkOf('https://host@192.168.1.20:4611', 'AC3F9KXP', fp) })).toBe('link:notALink');
    // Without a pin (or with one that is not 32 bytes), the window would have nothing to trust.
    expect(reason({ link: 'https://192.168.1.20:4611/?join=AC3F9KXP' })).toBe('link:noFingerprint');
    expect(reason({ link: linkOf('https://192.168.1.20:4611', 'AC3F9KXP', 'abc=') })).toBe('link:noFingerprint');
    expect(reason({ link: 'https://192.168.1.20:4611/?join=AC3F9KXP#spki=%E0%A4%A' })).toBe('link:noFingerprint');
    expect(reason({ link: linkOf('https://192.168.1.20:4611', 'AC3F9KX0', fp) })).toBe('link:badCode');
    expect(reason({ address: 'ftp://192.168.1.20', fingerprint: fp })).toBe('address:badAddress');
    expect(reason({ fingerprint: fp })).toBe('address:badAddress');
    expect(reason({ address: '192.168.1.20:4611' })).toBe('fingerprint:badFingerprint');
    expect(reason({ address: '192.168.1.20:4611', fingerprint: fp.slice(1) })).toBe('fingerprint:badFingerprint');
    expect(reason({ address: '192.168.1.20:4611', code: 'TOO-SHORT', fingerprint: fp })).toBe('code:badCode');
  });
});

describe('the station window trusts the pinned host only', () => {
  it('accepts the right key on the right host; refuses a wrong key, another host, and garbage', async () => {
    const host = await loadOrCreateCertificate(tempDir());
    const impostor = await loadOrCreateCertificate(tempDir());
    const pin = target({ link: linkOf('https://192.168.1.20:4611', 'AC3F9KXP', host.fingerprint) });

    expect(certificateVerdict(pin, '192.168.1.20', host.cert)).toBe(CERT_ACCEPT);
    // Someone else on the venue Wi-Fi answering at the host's address with their own certificate.
    expect(certificateVerdict(pin, '192.168.1.20', impostor.cert)).toBe(CERT_REFUSE);
    // The host's own certificate, but for another host name: the window talks to the host of the link only.
    expect(certificateVerdict(pin, '192.168.1.21', host.cert)).toBe(CERT_REFUSE);
    expect(certificateVerdict(pin, 'example.org', host.cert)).toBe(CERT_REFUSE);
    expect(certificateVerdict(pin, '192.168.1.20', 'not a certificate')).toBe(CERT_REFUSE);
    // IPv6: Chromium may name the host with or without brackets.
    const v6 = target({ address: 'https://[fe80::1]:4611', fingerprint: host.fingerprint });
    expect(certificateVerdict(v6, 'fe80::1', host.cert)).toBe(CERT_ACCEPT);
    expect(certificateVerdict(v6, '[fe80::1]', host.cert)).toBe(CERT_ACCEPT);
  });

  it('navigates and fetches on the host origin only, in a session per host and key, without this laptop’s API', () => {
    const fp = Buffer.alloc(32, 1).toString('base64');
    const pin = target({ link: linkOf('https://192.168.1.20:4611', 'AC3F9KXP', fp) });
    expect(isStationNavigation(pin, 'https://192.168.1.20:4611/rpc')).toBe(true);
    expect(isStationNavigation(pin, 'https://192.168.1.20:4612/')).toBe(false);
    expect(isStationNavigation(pin, 'http://192.168.1.20:4611/')).toBe(false);
    expect(isStationNavigation(pin, 'https://evil.example/')).toBe(false);
    expect(isStationNavigation(pin, 'https://x@192.168.1.20:4611/')).toBe(false);
    expect(isStationNavigation(pin, 'app://assembly/index.html')).toBe(false);
    expect(isStationNavigation(pin, 'data:text/html,hi')).toBe(false);
    expect(isStationRequest(pin, 'data:image/png;base64,AAAA')).toBe(true);
    expect(isStationRequest(pin, 'file:///etc/passwd')).toBe(false);

    const other = target({ link: linkOf('https://192.168.1.20:4611', 'AC3F9KXP', Buffer.alloc(32, 2).toString('base64')) });
    expect(stationPartition(pin)).toMatch(/^persist:venue-station-[0-9a-f]{32}$/);
    expect(stationPartition(pin)).toBe(stationPartition(target({ address: '192.168.1.20:4611', fingerprint: fp })));
    expect(stationPartition(other)).not.toBe(stationPartition(pin));

    const prefs = stationWebPreferences(stationPartition(pin), true);
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition).toBe(stationPartition(pin));
    const { preload: _p, ...secure } = secureWebPreferences('x', true);
    expect(prefs).toMatchObject(secure);
  });
});
