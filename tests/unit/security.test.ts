import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  assemblyFileFromArgv,
  contentTypeFor,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSenderUrl,
  resolveAppFile,
  responseHeaders,
  secureWebPreferences,
} from '../../main/security';

describe('secureWebPreferences', () => {
  it('sets every security-relevant value explicitly', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', true);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('turns devtools off in the packaged app and on in development only', () => {
    expect(secureWebPreferences('p', true).devTools).toBe(false);
    expect(secureWebPreferences('p', false).devTools).toBe(true);
  });

  it('differs between packaged and development in devTools only', () => {
    const { devTools: _a, ...packaged } = secureWebPreferences('p', true);
    const { devTools: _b, ...dev } = secureWebPreferences('p', false);
    expect(dev).toEqual(packaged);
  });

  it('never enables anything that would weaken isolation', () => {
    const prefs = secureWebPreferences('p', false) as Record<string, unknown>;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );

  it("allows scripts from 'self' only: no inline, no eval, no remote hosts", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:/);
  });

  it('has every agreed directive', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('is sent with every served file, with nosniff and the right content type', () => {
    const headers = responseHeaders('/x/out/renderer/assets/index-abc.js');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/style.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/noext')).toBe('application/octet-stream');
  });
});

describe('the app origin', () => {
  it('is app://assembly, and the entry page is on it', () => {
    expect(APP_ORIGIN).toBe('app://assembly');
    expect(APP_ENTRY_URL).toBe('app://assembly/index.html');
  });
});

describe('isTrustedSenderUrl and isAllowedNavigation', () => {
  const trusted = [
    'app://assembly',
    'app://assembly/',
    'app://assembly/index.html',
    'app://assembly/index.html#/participants',
    'app://assembly/index.html?lang=fr',
    'app://assembly/assets/index-abc123.js',
    'app://assembly?x=1',
    'app://assembly#top',
  ];
  const untrusted: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    'file:///work/main/out/renderer/index.html',
    'file://assembly/index.html',
    'http://127.0.0.1:5173/',
    'https://assembly/',
    'https://example.com/app://assembly/',
    'http://localhost/',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'blob:app://assembly/1234',
    'app://assembly.evil/',
    'app://assembly.evil.com/index.html',
    'app://assemblyx/',
    'app://assembly-evil/',
    'app://assembly:8080/',
    'app://assembly:/',
    'app://user@assembly/',
    'app://user:pw@assembly/',
    'app://assembly@evil/',
    'app://evil/app://assembly/',
    'app://ASSEMBLY/',
    'APP://assembly/',
    'app:assembly/index.html',
    'app:/assembly/index.html',
    'app:///assembly/index.html',
    'app:\\\\assembly\\index.html',
    'app://assembly\\@evil/',
    ' app://assembly/',
    'app://assembly/\n',
    'app://assembly%2eevil/',
    'xapp://assembly/',
    'not a url',
    'app://',
  ];

  it.each(trusted)('trusts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each(untrusted.map((u) => [u]))('refuses %j', (url) => {
    expect(isTrustedSenderUrl(url as string)).toBe(false);
    expect(isAllowedNavigation(url as string)).toBe(false);
  });

  it('refuses non-strings without throwing', () => {
    for (const value of [42, {}, [], true]) {
      expect(isTrustedSenderUrl(value as unknown as string)).toBe(false);
      expect(isAllowedNavigation(value as unknown as string)).toBe(false);
    }
  });
});

describe('isAllowedRequestUrl (no remote content)', () => {
  it('lets our origin, data:, blob: and devtools through', () => {
    for (const url of ['app://assembly/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://assembly/abc', 'devtools://devtools/x']) {
      expect(isAllowedRequestUrl(url)).toBe(true);
    }
  });
  it('cancels remote, file and lookalike requests', () => {
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1/', 'ws://localhost/', 'file:///etc/passwd', 'app://assembly.evil/x.js', undefined]) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
  });
});

describe('resolveAppFile', () => {
  const root = resolve('/srv/app/out/renderer');
  const inRoot = (...parts: string[]) => join(root, ...parts);

  it('serves index.html for the root', () => {
    expect(resolveAppFile(root, 'app://assembly/')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://assembly')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://assembly/?lang=nl')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://assembly/#/sessions')).toBe(inRoot('index.html'));
  });

  it('maps valid paths inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://assembly/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'app://assembly/assets/index-abc.js')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://assembly/assets/index-abc.js?v=2#x')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://assembly/fonts/Noto%20Sans.woff2')).toBe(inRoot('fonts', 'Noto Sans.woff2'));
    expect(resolveAppFile(root, 'app://assembly/img/%C3%A9cole.png')).toBe(inRoot('img', 'école.png'));
    expect(resolveAppFile(root, 'app://assembly/a..b/c...js')).toBe(inRoot('a..b', 'c...js'));
  });

  it('accepts a relative renderer folder and still answers with an absolute path', () => {
    const file = resolveAppFile('out/renderer', 'app://assembly/index.html');
    expect(file).toBe(resolve('out/renderer', 'index.html'));
  });

  const refused = [
    // plain and encoded traversal
    'app://assembly/../secret.txt',
    'app://assembly/../../etc/passwd',
    'app://assembly/assets/../../main/electron.cjs',
    'app://assembly/..',
    'app://assembly/./index.html',
    'app://assembly/%2e%2e/secret.txt',
    'app://assembly/%2E%2E/secret.txt',
    'app://assembly/.%2e/secret.txt',
    'app://assembly/%2e./secret.txt',
    'app://assembly/assets/%2e%2e/%2e%2e/secret.txt',
    'app://assembly/%2e%2e%2fsecret.txt',
    'app://assembly/assets%2f..%2f..%2fsecret.txt',
    // backslashes, raw and encoded
    'app://assembly/..\\secret.txt',
    'app://assembly/assets\\..\\..\\secret.txt',
    'app://assembly/%5c..%5csecret.txt',
    'app://assembly/..%5Csecret.txt',
    // absolute paths and drive letters
    'app://assembly//etc/passwd',
    'app://assembly/%2fetc%2fpasswd',
    'app://assembly/C:/Windows/win.ini',
    'app://assembly/C%3A%5CWindows%5Cwin.ini',
    'app://assembly/index.html:stream',
    // NUL and control characters
    'app://assembly/index.html%00.png',
    'app://assembly/a%0ab',
    // malformed encoding
    'app://assembly/%E0%A4%A',
    'app://assembly/%',
    // empty segments and directory requests other than the root
    'app://assembly/assets/',
    'app://assembly/assets//x.js',
    // other origins
    'app://evil/index.html',
    'app://assembly.evil/index.html',
    'file:///srv/app/out/renderer/index.html',
    'https://assembly/index.html',
    '',
  ];

  it.each(refused)('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('never returns a path outside the renderer folder, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%5c', '\\', '/', 'a', 'index.html', '%00', ':', 'C:', '%c0%ae'];
    const rng = (() => {
      let s = 12345;
      return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    })();
    for (let i = 0; i < 5000; i++) {
      const n = 1 + Math.floor(rng() * 6);
      let path = '';
      for (let j = 0; j < n; j++) path += pieces[Math.floor(rng() * pieces.length)];
      const file = resolveAppFile(root, `app://assembly/${path}`);
      if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('assemblyFileFromArgv', () => {
  const cwd = resolve('/home/me/docs');

  it('finds the .assembly file in a packaged launch, a dev launch and a second-instance argv', () => {
    expect(assemblyFileFromArgv(['/opt/Assembly Desk/assembly-desk', '/data/Panel 2026.assembly'], cwd)).toBe('/data/Panel 2026.assembly');
    expect(assemblyFileFromArgv(['electron', 'out/main/electron.cjs', 'demo.assembly'], cwd)).toBe(resolve(cwd, 'demo.assembly'));
    expect(
      assemblyFileFromArgv(['C:\\app.exe', '--allow-file-access-from-files', '--original-process-start-time=1', 'x.ASSEMBLY'], cwd),
    ).toBe(resolve(cwd, 'x.ASSEMBLY'));
  });

  it('ignores switches and other files, and returns null when there is nothing to open', () => {
    expect(assemblyFileFromArgv(['app', '--inspect', 'out/main/electron.cjs'], cwd)).toBeNull();
    expect(assemblyFileFromArgv(['app', '--file=evil.assembly'], cwd)).toBeNull();
    expect(assemblyFileFromArgv(['app', 'notes.txt', 'data.assembly.bak'], cwd)).toBeNull();
    expect(assemblyFileFromArgv([], cwd)).toBeNull();
  });
});
