import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './main/security';

/**
 * The renderer is one static build served two ways: from app://assembly/ inside Electron and
 * from http://127.0.0.1:PORT/ in web mode. Relative asset URLs (base './') work for both.
 *
 * The built index.html carries the strict CSP as a meta tag, written from the same constant
 * that Electron and web mode send as a header (main/security.ts), so the two cannot drift.
 * frame-ancestors is left out of the meta tag: browsers ignore it there and log an error.
 * The dev server needs an inline React Refresh preamble and a websocket, so the tag is
 * dropped while serving only; the build output has no inline script or style.
 */
export const META_CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'assembly-desk:csp-meta',
    transformIndexHtml(html, context) {
      const tag = context.server ? '' : `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`;
      return html.replace('<!-- content-security-policy -->', tag);
    },
  };
}

/**
 * `npx vite` (UI development with hot reload) has no API of its own. Start web mode
 * (`npm run web -- --port 4610`), then `ASSEMBLY_DESK_API=http://127.0.0.1:4610 npx vite`
 * and open the dev address with the printed `?token=...`. The Origin header is dropped on
 * the way: web mode refuses requests from any origin but its own.
 */
const devApi = process.env.ASSEMBLY_DESK_API;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Assets as files, never as data: URLs inlined into scripts or styles (fonts stay 'self').
    assetsInlineLimit: 0,
    // The app runs offline on a known Chromium (Electron or the venue laptop's browser).
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: devApi
      ? {
          '/rpc': {
            target: devApi,
            changeOrigin: true,
            configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
          },
        }
      : undefined,
  },
});
