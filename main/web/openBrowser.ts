/**
 * Opens the web-mode address in the user's default browser (`npm start` without Electron,
 * `npm run web -- --open`). The address carries the per-run token, so it is handed to the
 * system's own opener as one argument (never through a shell), and only on this machine.
 */
import { spawn } from 'node:child_process';

/** The command that opens a URL with the default browser on this platform. */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Tries to open the browser; resolves false (never throws) when there is no opener or display. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const { command, args } = browserCommand(platform, url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.on('error', () => resolve(false));
      child.on('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
