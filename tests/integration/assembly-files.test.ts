import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssemblyFile } from '../../main/assemblyFiles';
import { AppContext } from '../../main/context';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

describe('creating assembly files', () => {
  it('never overwrites a file that appears while the new one is being built', async () => {
    const dir = tempDir();
    const target = join(dir, 'race.assembly');
    const error = await createAssemblyFile(target, {}, () => {
      // Another program (the CLI, a second window) writes the same name meanwhile.
      writeFileSync(target, 'somebody else’s work');
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(target, 'utf8')).toBe('somebody else’s work');
    expect(readdirSync(dir)).toEqual(['race.assembly']);
  });

  it('leaves nothing behind when filling the new file fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'failed.assembly');
    await expect(
      createAssemblyFile(target, {}, () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('opens, creates and closes one at a time: two clicks on the demo give one demo file, both open', async () => {
    const app = makeApp(tempDir());
    const [first, second] = await Promise.all([app.raw('app.openDemo', {}), app.raw('app.openDemo', {})]);
    expect(first.ok && second.ok, JSON.stringify([first, second]).slice(0, 300)).toBe(true);
    expect((await app.call('app.listAssemblyFiles', {})).map((f) => f.fileName)).toEqual(['demo.assembly']);
    expect((await app.call('pool.summary', {})).people).toBe(1500);
    app.close();
  });
});

describe('paths typed by a person', () => {
  it('in the app, a bare file name means the assemblies folder; on the command line, the folder the command was typed in', () => {
    const dir = tempDir();
    expect(new AppContext('web', dir).resolveUserPath('mine.assembly')).toBe(join(dir, 'assemblies', 'mine.assembly'));
    expect(new AppContext('electron', dir).resolveUserPath('/abs/x.assembly')).toBe('/abs/x.assembly');
    const saved = process.env.INIT_CWD;
    process.env.INIT_CWD = '/home/desk/work';
    try {
      expect(new AppContext('cli', dir).resolveUserPath('mine.assembly')).toBe('/home/desk/work/mine.assembly');
    } finally {
      if (saved === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = saved;
    }
  });

  it('opens an assembly by its bare file name from the app', async () => {
    const dir = tempDir();
    const desk = makeApp(dir);
    await desk.call('app.createAssembly', { name: 'Bare' });
    desk.close();
    const webCtx = new AppContext('web', dir);
    const result = await desk.registry.call('app.openAssembly', { path: 'Bare.assembly' }, webCtx);
    expect(result).toMatchObject({ ok: true, data: { name: 'Bare' } });
    webCtx.closeAssembly();
    expect(existsSync(join(dir, 'assemblies', 'Bare.assembly'))).toBe(true);
  });
});
