/**
 * The venue link's certificate: generated once per data folder with pkijs (the PKI.js library,
 * X.509 built and signed through Node's WebCrypto: no hand-made crypto), kept in
 * <data>/venue/host-key.pem (0600) and host-cert.pem. Stations do not trust it through a CA:
 * they pin the SHA-256 of its SubjectPublicKeyInfo, carried by the pairing code.
 */
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface HostCertificate {
  key: string;
  cert: string;
  /** base64 SHA-256 of the DER SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list form). */
  fingerprint: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

const pem = (label: string, der: ArrayBuffer | Buffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der as ArrayBuffer).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

/** base64 SHA-256 of the certificate's SubjectPublicKeyInfo. */
export function spkiFingerprint(certPem: string | Buffer): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * A certificate serial from 16 random bytes, as DER wants it: positive (high bit clear) and
 * minimal (the first byte not zero). A leading zero byte followed by one below 0x80 is
 * "illegal padding" to OpenSSL, and the certificate would be refused about once in 256 runs.
 */
export function serialNumberBytes(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  return serial;
}

async function generate(commonName: string): Promise<{ key: string; cert: string }> {
  const crypto = webcrypto as unknown as Crypto;
  const engine = new pkijs.CryptoEngine({ name: 'node', crypto });
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: serialNumberBytes(crypto.getRandomValues(new Uint8Array(16))) });
  const cn = () => new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) });
  cert.subject.typesAndValues.push(cn());
  cert.issuer.typesAndValues.push(cn());
  const now = Date.now();
  cert.notBefore.value = new Date(now - 24 * 3600 * 1000);
  cert.notAfter.value = new Date(now + 10 * YEAR_MS);
  const altNames = new pkijs.GeneralNames({
    names: [
      new pkijs.GeneralName({ type: 2, value: 'localhost' }),
      new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: new Uint8Array([127, 0, 0, 1]) }) }),
    ],
  });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.17', critical: false, extnValue: altNames.toSchema().toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await cert.sign(keys.privateKey, 'SHA-256', engine);
  return {
    cert: pem('CERTIFICATE', cert.toSchema().toBER(false)),
    key: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}

/** The host's certificate for this data folder, generated on first use. */
export async function loadOrCreateCertificate(dataDir: string): Promise<HostCertificate> {
  const dir = join(dataDir, 'venue');
  const keyPath = join(dir, 'host-key.pem');
  const certPath = join(dir, 'host-cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = await generate('Assembly Desk host');
    // Key first, written private from the start; each file appears whole (rename).
    writeFileSync(`${keyPath}.tmp`, made.key, { mode: 0o600 });
    chmodSync(`${keyPath}.tmp`, 0o600);
    renameSync(`${keyPath}.tmp`, keyPath);
    writeFileSync(`${certPath}.tmp`, made.cert, { mode: 0o644 });
    renameSync(`${certPath}.tmp`, certPath);
  }
  const key = readFileSync(keyPath, 'utf8');
  const cert = readFileSync(certPath, 'utf8');
  return { key, cert, fingerprint: spkiFingerprint(cert) };
}
