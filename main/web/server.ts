import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { MAX_IMPORT_FILE_BYTES, UPLOAD_METHODS, WEB_TOKEN_HEADER, type ApiResult, type ErrorCode, type ListedMethod as MethodName } from '../../preload/contract';
import type { Caller } from '../caller';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { Registry } from '../registry';
import { refusalFor } from '../roles';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveStaticPath } from '../security';

/**
 * Web mode: the same registry over loopback HTTP. Used by the end-to-end tests, where
 * Electron is absent, and later by a second laptop at the venue. Every refusal is explicit:
 * the server holds personal data of citizens.
 */
export interface WebServerOptions {
  registry: Registry;
  ctx: AppContext;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Random per run unless given (tests). */
  token?: string;
  maxBodyBytes?: number;
  /** Limit for upload methods (default MAX_UPLOAD_BODY). */
  maxUploadBytes?: number;
  /**
   * The venue link (main/venue/hub.ts): served over TLS only, and every call is made by a
   * paired device identified by its own token (or, without one, may only ask to join),
   * not by the run's token.
   */
  venue?: {
    tls: { key: string; cert: string };
    /** `address`: the connection's remote address (the TLS socket's). */
    identify(token: string | undefined, address: string): Caller | AppError;
    /**
     * Whether an identified caller may make a call now (null) or is refused for the moment
     * (HOST_PAUSED while a restore runs: see VenueHub.pauseStations). Asked just before the
     * call runs, after its body was read, so a call identified before a pause began is caught too.
     * `finished` is called once an admitted call has its answer (the hub counts calls in flight).
     */
    admit?(caller: Caller): AppError | null;
    finished?(caller: Caller): void;
  };
}

export interface RunningWebServer {
  server: Server;
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
/** Upload methods (a whole file as base64, see UPLOAD_METHODS) may send up to this. */
export const MAX_UPLOAD_BODY = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 64 * 1024;

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNKNOWN_METHOD: 404, FORBIDDEN: 403, HOST_PAUSED: 503 };

/** Headers every answer carries: nothing cached (personal data), nothing sniffed or framed. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  };
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, baseHeaders('application/json; charset=utf-8'));
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: new AppError(code, message).toApiError() });
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the body up to a limit; rejects with 'too-large' past it without buffering the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new Error('too-large'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it drain, so the client reads our 413 instead of a reset.
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';
const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The Host values that name this server: a DNS-rebinding page would send its own host name.
 * Bound to every interface (an explicit choice, for a second laptop), the machine's own
 * addresses name it too.
 */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([bracketed(host), '127.0.0.1', 'localhost', '[::1]']);
  if (isWildcard(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(bracketed(info.address));
    }
  }
  return new Set([...names].map((n) => `${n}:${port}`));
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string): Promise<void> {
  const file = resolveStaticPath(staticDir, urlPath);
  if (!file) return refuse(res, 404, 'NOT_FOUND', `No such file: ${urlPath.slice(0, 200)}`);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, baseHeaders(contentTypeFor(file)));
    res.end(body);
  } catch {
    if (urlPath === '/' || urlPath === '/index.html') {
      return refuse(res, 500, 'INTERNAL', `The user interface is not built (${staticDir} has no index.html). Run "npm run build:renderer" first.`);
    }
    refuse(res, 404, 'NOT_FOUND', `No such file: ${urlPath.slice(0, 200)}`);
  }
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const venue = options.venue;
  if (!venue && !isLoopbackHost(host)) {
    return Promise.reject(new Error(`plain HTTP is served on loopback only, not on ${host}: other laptops join through the venue link (TLS)`));
  }
  const scheme = venue ? 'https' : 'http';
  let hosts = new Set<string>();
  let origins = new Set<string>();

  const handler: RequestListener = async (req, res) => {
    try {
      const hostHeader = req.headers.host ?? '';
      if (!hosts.has(hostHeader)) {
        return refuse(res, 421, 'FORBIDDEN', `Requests must be addressed to this computer (Host "${hostHeader.slice(0, 100)}" refused).`);
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        return refuse(res, 403, 'FORBIDDEN', `Requests from other sites are refused (Origin "${origin.slice(0, 100)}").`);
      }
      const url = new URL(req.url ?? '/', 'http://placeholder');

      if (url.pathname === '/rpc') {
        if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'Use POST for /rpc.');
        const given = req.headers[WEB_TOKEN_HEADER.toLowerCase()];
        // On the venue link, each call is made by the device its token names (a per-call context).
        let callCtx = options.ctx;
        if (venue) {
          const caller = venue.identify(typeof given === 'string' ? given : undefined, req.socket.remoteAddress ?? 'unknown');
          if (caller instanceof AppError) return sendJson(res, caller.code === 'HOST_PAUSED' ? 503 : 401, { ok: false, error: caller.toApiError() });
          callCtx = options.ctx.forCaller(caller);
        } else if (typeof given !== 'string' || !tokensEqual(given, token)) {
          return refuse(res, 401, 'FORBIDDEN', 'Missing or wrong access token. Open the address printed by "npm run web".');
        }
        if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
          return refuse(res, 415, 'VALIDATION', 'Send the request body as application/json.');
        }
        // An upload names its method in the address, so the larger limit applies before the body
        // is read; the body must then call that method and no other.
        const upload = url.searchParams.get('upload');
        if (upload !== null && !(UPLOAD_METHODS as readonly string[]).includes(upload)) {
          return refuse(res, 400, 'VALIDATION', `${upload.slice(0, 100)} does not take a file.`);
        }
        // A caller that may not make the upload is refused before its large body is read.
        const uploadRefused = upload === null ? null : refusalFor(upload as MethodName, callCtx.caller);
        if (uploadRefused) return sendJson(res, 403, { ok: false, error: uploadRefused.toApiError() });
        const limit = upload === null ? maxBody : Math.max(maxBody, options.maxUploadBytes ?? MAX_UPLOAD_BODY);
        let body: Buffer;
        try {
          body = await readBody(req, limit);
        } catch (e) {
          if ((e as Error).message === 'too-large') {
            res.setHeader('Connection', 'close');
            return refuse(res, 413, 'VALIDATION', `The request is larger than ${limit} bytes.`);
          }
          throw e;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch (e) {
          return refuse(res, 400, 'VALIDATION', `The request body is not valid JSON: ${(e as Error).message}`);
        }
        if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { method?: unknown }).method !== 'string') {
          return refuse(res, 400, 'VALIDATION', 'The request body must be {"method": "...", "args": {...}}.');
        }
        const { method, args } = parsed as { method: string; args?: unknown };
        if (upload !== null && method !== upload) {
          return refuse(res, 400, 'VALIDATION', `The address announces ${upload.slice(0, 100)} but the body calls ${method.slice(0, 100)}.`);
        }
        const paused = venue?.admit?.(callCtx.caller) ?? null;
        if (paused) return sendJson(res, 503, { ok: false, error: paused.toApiError() });
        let result: ApiResult<unknown>;
        try {
          result = await options.registry.call(method, args ?? {}, callCtx);
        } finally {
          venue?.finished?.(callCtx.caller);
        }
        const status = result.ok ? 200 : (HTTP_STATUS[result.error.code] ?? 200);
        return sendJson(res, status, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', 'Only GET is served here.');
      return await serveStatic(res, options.staticDir, url.pathname);
    } catch (e) {
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', `Server error: ${(e as Error).message}`);
      else res.end();
    }
  };
  const server: Server = venue ? createTlsServer({ key: venue.tls.key, cert: venue.tls.cert, minVersion: 'TLSv1.2' }, handler) : createServer(handler);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      hosts = allowedHosts(host, port);
      origins = new Set([...hosts].map((h) => `${scheme}://${h}`));
      const origin = `${scheme}://${isWildcard(host) ? '127.0.0.1' : bracketed(host)}:${port}`;
      resolve({
        server,
        origin,
        // The venue link has no run token: each device has its own.
        url: venue ? `${origin}/` : `${origin}/?token=${token}`,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export const isLoopbackHost = (host: string): boolean => host === '127.0.0.1' || host === 'localhost' || host === '::1';
