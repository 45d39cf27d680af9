/**
 * The reports' figures (`npm run bench -- reports`), on the demo at the venue with a 150-person
 * panel, 60 agenda slots and 3 ballots of 12 items, through the registry as the UI calls it
 * (reports.export: gather the data, reduce it to the level, build the file):
 *
 *  - reports: the full report set, the workbook and all six PDFs (the public report included),
 *    once (full, nl), in one process after one warm-up export (module loading is not counted).
 *    Target < 3 s (issue 17).
 *  - reports.set: every report at every privacy level in every language (7 × 3 × 3 = 63 files):
 *    nine report sets, so a target of nine times 3 s, rounded to 30 s.
 *  - reports.tables: every CSV table at every level in every language.
 *  - reports.single: each export a person makes from the Reports page, alone (full level, nl,
 *    median of 3): the six reports and the ten CSV tables. Target < 1 s each: the dialog waits
 *    for it.
 */
import { join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { writeDemoAssembly } from '../../main/demo/writeDemo';
import { REPORT_TABLES } from '../../preload/vocabulary';
import { median, timeMs, type Benchmark } from './harness';

type Call = (method: string, args: unknown) => Promise<Record<string, unknown>>;

const REPORTS = [
  ['workbook', 'xlsx'],
  ['recommendations', 'pdf'],
  ['representativeness', 'pdf'],
  ['selectionAudit', 'pdf'],
  ['attendance', 'pdf'],
  ['agenda', 'pdf'],
  ['publicReport', 'pdf'],
] as const;
const LEVELS = ['full', 'pseudonymised', 'aggregate'] as const;
const LANGS = ['nl', 'fr', 'en'] as const;

/** The assembly the report benchmarks export from, made once per bench run in `work`. */
export function reportAssembly(work: string): () => Promise<{ call: Call; close: () => void }> {
  let made: Promise<{ call: Call; close: () => void }> | null = null;
  return () => {
    made ??= (async () => {
      const file = join(work, 'reports-150.assembly');
      await writeDemoAssembly(file, { seed: 'bench', panelSize: 150, stage: 'venue' });
      const ctx = new AppContext('cli', join(work, 'data-reports'));
      ctx.operator = 'bench';
      const registry = createAppRegistry();
      const call: Call = async (method, args) => {
        const r = await registry.call(method, args, ctx);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.data as Record<string, unknown>;
      };
      await call('app.openAssembly', { path: file });
      // Up to 60 slots: the demo has 7 per session; evening slots make up the rest.
      const overview = (await call('agenda.overview', {})) as { sessions: { id: string }[]; slots: unknown[] };
      for (let i = overview.slots.length; i < 60; i++) {
        const sessionId = overview.sessions[i % overview.sessions.length]!.id;
        const hour = 17 + Math.floor(i / overview.sessions.length) / 4;
        const start = `${String(Math.floor(hour)).padStart(2, '0')}:${String((hour % 1) * 60).padStart(2, '0')}`;
        const end = `${String(Math.floor(hour + 0.25)).padStart(2, '0')}:${String(((hour + 0.25) % 1) * 60).padStart(2, '0')}`;
        await call('agenda.createSlot', { sessionId, startTime: start, endTime: end, kind: 'talk', title: `Evening talk ${i}`, topic: 'Transparency', roomId: null, speakerIds: [], facilitatorIds: [], languages: ['nl'], interpretation: [], notes: '' });
      }
      // Two more ballots of twelve, like the demo's, counted twice and finalised.
      const [existing] = (await call('voting.results', {})) as unknown as { ballot: { id: string; sessionId: string; items: { number: string; title: string; text: Record<string, string> }[]; votedAt: string | null } }[];
      const detail = (await call('voting.get', { id: existing!.ballot.id })) as { present: number };
      for (let b = 0; b < 2; b++) {
        const ballot = (await call('voting.createBallot', {
          sessionId: existing!.ballot.sessionId,
          title: `Second reading ${b + 1}`,
          rule: { method: 'yesNo', threshold: 'twoThirds', abstentionsCount: false },
          quorum: { numerator: 2, denominator: 3 },
          votedAt: existing!.ballot.votedAt,
          items: existing!.ballot.items.map(({ number, title, text }) => ({ number, title, text })),
        })) as { id: string; items: { id: string }[] };
        const counts = { kind: 'perItem', items: ballot.items.map((item, i) => ({ itemId: item.id, counts: [detail.present - 10 - i, 8, 2], blank: 0, spoilt: 0 })) };
        for (const slot of [1, 2] as const) {
          ctx.operator = `bench ${slot}`;
          await call('voting.enterCounts', { ballotId: ballot.id, slot, counts });
        }
        await call('voting.finalise', { ballotId: ballot.id });
      }
      return { call, close: () => ctx.closeAssembly() };
    })();
    return made;
  };
}

/** Wall-clock and CPU time (user + system of this process) of one call, in milliseconds. */
async function timeBoth(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const wall = await timeMs(fn);
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** A measurement made once and reported twice: as wall-clock time and as CPU time. */
function both(name: string, target: number, measure: () => Promise<{ wall: number; cpu: number }>): Benchmark[] {
  let made: Promise<{ wall: number; cpu: number }> | null = null;
  const once = () => (made ??= measure());
  return [
    { name, unit: 'ms', target, run: async () => (await once()).wall },
    // The CPU time says what the wall time would be on an idle machine: the shared bench machine
    // is often loaded many times over (load average 30 on 2 cores), which no code change helps.
    { name: `${name} [CPU time]`, unit: 'ms', target, run: async () => (await once()).cpu },
  ];
}

/** The benchmarks of the reports, on the assembly `assembly` gives. */
export function reportBenchmarks(assembly: () => Promise<{ call: Call }>): Benchmark[] {
  let warmed: Promise<Call> | null = null;
  // Once, untimed: the builders' modules are loaded on first use (pdfmake, exceljs, fonts).
  const warm = () =>
    (warmed ??= (async () => {
      const { call } = await assembly();
      for (const [report, format] of REPORTS) await call('reports.export', { report, format, level: 'full', lang: 'nl' });
      return call;
    })());
  return [
    ...both('reports: the full report set (workbook and six PDFs), venue demo with a 150-person panel, 60 slots, 3 ballots of 12', 3000, async () => {
      const call = await warm();
      return timeBoth(async () => {
        for (const [report, format] of REPORTS) await call('reports.export', { report, format, level: 'full', lang: 'nl' });
      });
    }),
    ...both('reports.set every report x level x language (7 x 3 x 3 = 63 files), 150-person panel, one process', 30000, async () => {
      const call = await warm();
      return timeBoth(async () => {
        for (const level of LEVELS) for (const lang of LANGS) for (const [report, format] of REPORTS) await call('reports.export', { report, format, level, lang });
      });
    }),
    ...both(`reports.tables every CSV table x level x language (${REPORT_TABLES.length} x 3 x 3 = ${REPORT_TABLES.length * 9} files), 150-person panel`, 3000, async () => {
      const call = await warm();
      return timeBoth(async () => {
        for (const level of LEVELS) for (const lang of LANGS) for (const report of REPORT_TABLES) await call('reports.export', { report, format: 'csv', level, lang });
      });
    }),
    ...[...REPORTS, ...REPORT_TABLES.map((t) => [t, 'csv'] as const)].flatMap(([report, format]) =>
      both(`reports.single ${report} ${format} (full, nl, median of 3)`, 1000, async () => {
        const call = await warm();
        const runs: { wall: number; cpu: number }[] = [];
        for (let i = 0; i < 3; i++) runs.push(await timeBoth(() => call('reports.export', { report, format, level: 'full', lang: 'nl' })));
        return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
      }),
    ),
  ];
}
