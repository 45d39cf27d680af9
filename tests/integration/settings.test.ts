import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/paths';
import { SettingsStore } from '../../main/settings';
import { fileNameFor } from '../../main/services/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

describe('where files live', () => {
  it('uses each platform’s own folder for application data', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.local/share/assembly-desk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/ann')).toBe('/data/assembly-desk');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Assembly Desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toContain('Assembly Desk');
    expect(defaultDataDir('linux', { ASSEMBLY_DESK_HOME: '/portable' }, '/home/ann')).toBe('/portable');
  });

  it('names a new assembly file after the assembly, without path separators', () => {
    expect(fileNameFor('Partijfinanciering 2027')).toBe('Partijfinanciering 2027.assembly');
    expect(fileNameFor('Débat: ../../etc/passwd')).toBe('Débat .. .. etc passwd.assembly');
    expect(fileNameFor('   ')).toBe('assembly.assembly');
  });
});

describe('machine preferences', () => {
  it('remembers language, operator and recent files across restarts, newest first, at most 10', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    store.update({ language: 'nl', lastOperator: 'Ann' });
    for (let i = 0; i < 12; i++) store.rememberRecent({ path: `/a/${i}.assembly`, name: `A${i}`, openedAt: `t${i}` });
    store.rememberRecent({ path: '/a/3.assembly', name: 'A3', openedAt: 'later' });
    const reloaded = new SettingsStore(dir).get();
    expect(reloaded.language).toBe('nl');
    expect(reloaded.lastOperator).toBe('Ann');
    expect(reloaded.recent).toHaveLength(10);
    expect(reloaded.recent[0]).toEqual({ path: '/a/3.assembly', name: 'A3', openedAt: 'later' });
    expect(reloaded.recent.filter((r) => r.path === '/a/3.assembly')).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).language).toBe('nl');
  });

  it('keeps both changes when two processes share the data folder', () => {
    const dir = tempDir();
    const electron = new SettingsStore(dir);
    const cli = new SettingsStore(dir);
    electron.get();
    cli.get();
    electron.update({ language: 'fr' });
    cli.rememberRecent({ path: '/x.assembly', name: 'X', openedAt: 'now' });
    const seen = new SettingsStore(dir).get();
    expect(seen.language).toBe('fr');
    expect(seen.recent.map((r) => r.path)).toEqual(['/x.assembly']);
  });

  it('starts fresh from a damaged preferences file instead of refusing to start', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"language": "klingon", ');
    expect(new SettingsStore(dir).get()).toEqual({ language: 'en', lastOperator: null, recent: [] });
  });
});
