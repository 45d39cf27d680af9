/**
 * A laptop joining an assembly at the venue from the desktop app ("Join an assembly at this
 * venue"): which host it may talk to, and what the window it opens on the host's station page
 * may trust. Pure functions (no Electron, no network): main/electron.ts only wires them into a
 * dedicated session, so every decision is unit-tested (tests/unit/station-pin.test.ts).
 *
 * The pairing link carries the host's address, the one-use code and the SHA-256 of the host
 * certificate's public key (SPKI, base64), as main/venue/hub.ts makes it:
 *   https://192.168.1.20:4611/?join=AC3F9KXP#spki=<base64, URL-encoded>
 * The certificate is the host's own (no CA vouches for it), so the window accepts exactly that
 * key on exactly that host, and refuses every other certificate and every other host.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from '../domain/venue/pairing';

/** Where a station window goes, and the pin it holds the host to. */
export interface JoinTarget {
  /** https://host:port, exactly (the only origin the window may load from). */
  origin: string;
  /** The host as Chromium names it when it asks about a certificate (IPv6 without brackets). */
  hostname: string;
  /** The pairing code (normalised), or null when reopening a device that is already paired. */
  code: string | null;
  /** base64 SHA-256 of the host certificate's SubjectPublicKeyInfo. */
  fingerprint: string;
  /** The page to open: the host's station page, with the code and the pin as the browser path has them. */
  url: string;
}

/** A pasted link, or (without one) the address, code and fingerprint typed from it. */
export interface JoinInput {
  link?: string;
  address?: string;
  code?: string;
  fingerprint?: string;
}

/** Why a link or its parts cannot be used: the field, the rule and an English sentence. */
export interface JoinProblem {
  field: 'link' | 'address' | 'code' | 'fingerprint';
  /** Stable, for the translated sentence (venue.errors.link.<reason>). */
  reason: 'missing' | 'notALink' | 'noFingerprint' | 'badCode' | 'badAddress' | 'badFingerprint';
  message: string;
}

const problem = (field: JoinProblem['field'], reason: JoinProblem['reason'], message: string): JoinProblem => ({ field, reason, message });

/** A fingerprint is 32 bytes in base64 (44 characters, one "=" of padding). */
function cleanFingerprint(text: string): string | null {
  const value = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value)) return null;
  return Buffer.from(value, 'base64').length === 32 ? value : null;
}

function cleanCode(text: string | null | undefined): string | null | JoinProblem {
  if (text === null || text === undefined || text.trim() === '') return null;
  const code = normaliseCode(text);
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
    return problem('code', 'badCode', `"${text.slice(0, 20)}" is not a pairing code: it has ${CODE_LENGTH} letters and digits, as the host laptop shows it.`);
  }
  return code;
}

/** https://host:port of an address typed or pasted; null when it is anything else. */
function cleanOrigin(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  // Only the host's TLS link, never plain HTTP; no user name or password smuggled in the address.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url;
}

function target(url: URL, code: string | null, fingerprint: string): JoinTarget {
  const query = code ? `?join=${code}` : '';
  return {
    origin: url.origin,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    code,
    fingerprint,
    url: `${url.origin}/${query}#spki=${encodeURIComponent(fingerprint)}`,
  };
}

/**
 * The target of a pasted pairing link, or of the address, code and fingerprint typed from it.
 * Refused, with the field and a sentence: anything not https, a link without the fingerprint
 * (nothing to pin: the window would trust no one, or anyone), a malformed code or fingerprint.
 */
export function joinTarget(input: JoinInput): JoinTarget | JoinProblem {
  if (input.link !== undefined) {
    if (input.link.trim() === '') return problem('link', 'missing', 'Paste the pairing link shown on the host laptop.');
    const url = cleanOrigin(input.link);
    if (!url) return problem('link', 'notALink', 'This is not a pairing link: it starts with https:// and the host laptop’s address.');
    const pin = /(?:^#|&)spki=([^&]*)/.exec(url.hash);
    let decoded: string | null = null;
    try {
      decoded = pin ? cleanFingerprint(decodeURIComponent(pin[1]!)) : null;
    } catch {
      decoded = null;
    }
    if (!decoded) return problem('link', 'noFingerprint', 'This link has no valid certificate fingerprint (#spki=…): copy the whole pairing link from the host laptop.');
    const code = cleanCode(url.searchParams.get('join'));
    if (code !== null && typeof code === 'object') return { ...code, field: 'link' };
    return target(url, code, decoded);
  }
  const address = (input.address ?? '').trim();
  const url = address === '' ? null : cleanOrigin(address.includes('://') ? address : `https://${address}`);
  if (!url) return problem('address', 'badAddress', 'Type the host laptop’s address as it shows it, e.g. https://192.168.1.20:4611.');
  const fingerprint = cleanFingerprint(input.fingerprint ?? '');
  if (!fingerprint) return problem('fingerprint', 'badFingerprint', 'The certificate fingerprint is 44 characters ending in "=", as the host laptop shows it.');
  const code = cleanCode(input.code);
  if (code !== null && typeof code === 'object') return code;
  return target(url, code, fingerprint);
}

export const isJoinProblem = (value: JoinTarget | JoinProblem): value is JoinProblem => 'field' in value;

/**
 * The session a station window of this host uses: one per host address and key. Chromium caches
 * certificate decisions per session, so a host pinned to another key never inherits an earlier
 * "accept"; and a station's storage (its device token, its queue of check-ins) is kept for that
 * host across restarts, reopened by pasting the same link again.
 */
export function stationPartition(pin: Pick<JoinTarget, 'origin' | 'fingerprint'>): string {
  return `persist:venue-station-${createHash('sha256').update(`${pin.origin} ${pin.fingerprint}`).digest('hex').slice(0, 32)}`;
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo (PEM, as Electron gives it); null if unreadable. */
export function spkiOfPem(certPem: string): string | null {
  try {
    const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(spki).digest('base64');
  } catch {
    return null;
  }
}

/** Chromium's answers to a certificate verification (session.setCertificateVerifyProc). */
export const CERT_ACCEPT = 0;
export const CERT_REFUSE = -2;

/**
 * The station window's certificate decision: accept only the pinned key, only for the host of
 * the link. Everything else is refused outright (not handed to Chromium's own checks: a
 * certificate a CA vouches for is not the host laptop either).
 */
export function certificateVerdict(pin: Pick<JoinTarget, 'hostname' | 'fingerprint'>, hostname: string, certPem: string): typeof CERT_ACCEPT | typeof CERT_REFUSE {
  if (hostname.replace(/^\[(.*)\]$/, '$1') !== pin.hostname) return CERT_REFUSE;
  return spkiOfPem(certPem) === pin.fingerprint ? CERT_ACCEPT : CERT_REFUSE;
}

/** Where the station window may navigate: the host's origin only. */
export function isStationNavigation(pin: Pick<JoinTarget, 'origin'>, url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length > 8192) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.origin === pin.origin;
  } catch {
    return false;
  }
}

/** What the station window's session may fetch: the host's origin, and the page's own data/blob URLs. */
export function isStationRequest(pin: Pick<JoinTarget, 'origin'>, url: string | undefined | null): boolean {
  return (typeof url === 'string' && /^(data|blob):/i.test(url)) || isStationNavigation(pin, url);
}
