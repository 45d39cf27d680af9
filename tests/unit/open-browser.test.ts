import { describe, expect, it } from 'vitest';
import { browserCommand } from '../../main/web/openBrowser';

describe('opening the web-mode address in the default browser', () => {
  const url = 'http://127.0.0.1:4610/#token=abc&x=1';
  it('uses the platform opener with the address as one argument', () => {
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
  });
  it('escapes & for cmd on Windows, where start would cut the address there', () => {
    expect(browserCommand('win32', url).args.at(-1)).toBe('http://127.0.0.1:4610/#token=abc^&x=1');
  });
});
