/**
 * The station's side of the venue link: reaching the host over TLS with its certificate pinned.
 * The pairing code carries the SHA-256 of the host certificate's public key (SPKI); the station
 * fetches the certificate once, checks that fingerprint, and from then on trusts only that
 * certificate (as `ca`, its key checked again on every connection).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import { WEB_TOKEN_HEADER, type ApiResult } from '../../preload/contract';

const fingerprintOf = (raw: Buffer): string =>
  createHash('sha256').update(new X509Certificate(raw).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');

const toPem = (raw: Buffer) => `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/** Fetches the host's certificate and returns it (PEM) only if its key has the pinned fingerprint. */
export function fetchPinnedCertificate(address: string, fingerprint: string): Promise<string> {
  const url = new URL(address);
  return new Promise((resolve, reject) => {
    // Not verified by a CA (there is none): verified below by its fingerprint, before any byte is sent.
    const socket = connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false, servername: undefined }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.destroy();
      if (!cert?.raw) return reject(new Error('The host sent no certificate.'));
      if (fingerprintOf(cert.raw) !== fingerprint) {
        return reject(new Error('The host’s certificate does not match the pairing code: this may not be the host laptop. Do not continue.'));
      }
      resolve(toPem(cert.raw));
    });
    socket.on('error', reject);
  });
}

/** TLS options that trust only the pinned certificate, whatever address the host has on this network. */
export function pinnedTlsOptions(certPem: string, fingerprint: string) {
  return {
    ca: certPem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      fingerprintOf(cert.raw) === fingerprint ? undefined : new Error('The host’s certificate does not match the pairing code.'),
  };
}

export interface StationLink {
  address: string;
  fingerprint: string;
  certPem: string;
  token?: string;
}

/** One API call to the host over the pinned link. */
export function callHost(link: StationLink, method: string, args: unknown = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: ApiResult<unknown> }> {
  const url = new URL('/rpc', link.address);
  const body = JSON.stringify({ method, args });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ...pinnedTlsOptions(link.certPem, link.fingerprint),
        headers: { 'Content-Type': 'application/json', ...(link.token ? { [WEB_TOKEN_HEADER]: link.token } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown> });
          } catch (e) {
            reject(e as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
