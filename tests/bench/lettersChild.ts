/**
 * Makes the invitation letters of `n` addressees (default 10,000) into a new assembly's folder,
 * in its own process so that its peak memory is its own: the addressees are a seeded list over
 * the country (a tenth in Brussels: bilingual, two pages), plugged in as the invitation
 * lottery's list; letters.export sorts them, makes the files in batches of 1,000 and writes them.
 * Prints one JSON line: { ms, cpuMs, maxRssMb, letters, pages, sheets, files }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { createRandom } from '../../main/domain/random';
import type { Addressee } from '../../main/domain/recruitment/letters/types';
import { setLetterSources } from '../../main/services/letterSources';

const n = Number(process.argv[2] ?? 10_000);

const PLACES: [string, string][] = [
  ['1000', 'Brussel'], ['1050', 'Ixelles'], ['2000', 'Antwerpen'], ['2800', 'Mechelen'], ['3000', 'Leuven'], ['3500', 'Hasselt'],
  ['4000', 'Liège'], ['4700', 'Eupen'], ['4780', 'Sankt Vith'], ['5000', 'Namur'], ['6000', 'Charleroi'], ['7000', 'Mons'],
  ['8000', 'Brugge'], ['8500', 'Kortrijk'], ['9000', 'Gent'], ['9300', 'Aalst'], ['1300', 'Wavre'], ['6700', 'Arlon'], ['3600', 'Genk'], ['2300', 'Turnhout'],
];
const FIRST = ['Zoë', 'Élodie', 'Jürgen', 'Ayşe', 'Łukasz', 'Noor', 'François', 'Søren', 'Jan', 'Marie', 'Mohammed', 'Anna'];
const LAST = ['Çelik', 'Dubois', 'Schmitz', 'Peeters', 'Wiśniewski', 'El Amrani', 'Van den Heuvel', 'Nuñez', 'Janssens', 'Lambert', 'Maes', 'Willems'];

export function seededAddressees(count: number): Addressee[] {
  const random = createRandom('letters-bench');
  const pick = <T>(xs: readonly T[]): T => random.pick(xs);
  return Array.from({ length: count }, (_, i) => {
    const [postcode, municipality] = pick(PLACES);
    return {
      code: `L${String(i).padStart(6, '0')}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      addressLines: [`${pick(['Kerkstraat', 'Rue de la Station', 'Hauptstraße', 'Stationsplein', 'Avenue Louise'])} ${random.int(1, 200)}`],
      postcode,
      municipality,
      language: random.int(0, 1) === 0 ? null : pick(['nl', 'fr', 'de']),
    };
  });
}

const work = mkdtempSync(join(tmpdir(), 'assembly-desk-bench-letters-'));
try {
  const ctx = new AppContext('cli', work);
  ctx.operator = 'bench';
  const registry = createAppRegistry();
  const must = async (method: string, args: unknown) => {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as Record<string, unknown>;
  };
  await must('app.createAssembly', { name: 'Burgerpanel Klimaat' });
  await must('letters.setSettings', { deadline: '2027-01-15', contact: '02 123 45 67, burgerpanel@example.be', sender: 'Burgerpanel Klimaat\nWetstraat 16\n1000 Brussel', signature: 'Anna Peeters\nProjectcoördinator', url: '' });
  const list = seededAddressees(n);
  setLetterSources({ invitees: () => list });
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const result = await must('letters.export', { path: join(work, 'letters.pdf'), kind: 'invitation', batchSize: 1000 });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  ctx.closeAssembly();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb, letters: result.letters, pages: result.pages, sheets: result.sheets, files: (result.files as unknown[]).length }) + '\n',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
