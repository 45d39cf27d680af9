import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where assemblies, the demo and preferences live by default, per platform
 * (the same folder Electron's app.getPath('userData') would give for "Assembly Desk").
 * ASSEMBLY_DESK_HOME overrides it (tests, portable installs).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (env.ASSEMBLY_DESK_HOME) return env.ASSEMBLY_DESK_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Assembly Desk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Assembly Desk');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'assembly-desk');
}

export const assembliesDir = (dataDir: string): string => join(dataDir, 'assemblies');

/** The extension of assembly files (file association, file lists, default names). */
export const ASSEMBLY_FILE_EXT = '.assembly';
