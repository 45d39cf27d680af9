/**
 * Fuzzing the respondent-pool importers (issue 10, "Bad input").
 *
 * Thousands of malformed files from a seeded generator (main/domain/random.ts), first through
 * the pure readers (decodeText, detectDelimiter, parseCsv, readXlsx via readTable) and the
 * planning step, then a hundred through the staging API (imports.stage / check / commit).
 * Every input must end in a clear error (an ImportFileError, or { ok: false } with a message) or
 * a correct result; never an unexpected exception, never more than 5 s, never a partial write.
 * A failure names the input's seed: `fuzzInput(seed)` rebuilds it.
 *
 * If a run hangs for good (a loop that never yields), the last input started is written to
 * $TMPDIR/assembly-desk-fuzz-current.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../main/domain/random';
import { parseCsv } from '../../main/domain/import/csv';
import { ImportFileError, IMPORT_LIMITS, type ImportFileErrorCode } from '../../main/domain/import/errors';
import { suggestMapping } from '../../main/domain/import/mapRows';
import { planImport } from '../../main/domain/import/plan';
import { readTable, type ParsedTable } from '../../main/domain/import/readTable';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const MAX_MS_PER_INPUT = 5_000;
const DOMAIN_INPUTS = 2_000;
const API_INPUTS = 100;
const BREADCRUMB = join(tmpdir(), 'assembly-desk-fuzz-current');

const FILE_CODES: readonly ImportFileErrorCode[] = [
  'EMPTY',
  'BINARY',
  'OLD_XLS',
  'ENCRYPTED',
  'NOT_XLSX',
  'SHEET_NOT_FOUND',
  'EMPTY_SHEET',
  'UNTERMINATED_QUOTE',
  'TOO_MANY_COLUMNS',
  'TOO_LARGE',
  'TOO_MANY_ROWS',
];

// ---------------------------------------------------------------------------------------------
// Building blocks: a valid pool, as CSV in several encodings and as a workbook.

const HEADER = ['Voornaam', 'Naam', 'E-mail', 'GSM', 'Straat', 'Huisnummer', 'Postcode', 'Gemeente', 'Geboortejaar', 'Taal', 'Geslacht'];
const FIRST = ['Élodie', 'Mehmet', 'Noël', 'Anke', 'Łukasz', 'Sofie', 'Jan', 'Marie-Thérèse', 'Zoë', 'Ahmed'];
const LAST = ['Dubois', 'Çelik', 'Peeters', 'Janssens', 'Nuñez', 'Maes', 'Van den Bossche, Jr', 'O"Brien', 'De Smet', 'El Amrani'];

function validTable(random: Random, rows: number): string[][] {
  const out = [HEADER];
  for (let r = 0; r < rows; r++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    out.push([
      first,
      last,
      `p${r}.${random.int(0, 9999)}@example.be`,
      `047${random.int(0, 9)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      random.pick(['Kerkstraat', 'Rue de la Loi', 'Chaussée de Wavre', 'Veldstraat']),
      String(random.int(1, 300)),
      String(random.int(1000, 9999)),
      random.pick(['Gent', 'Bruxelles', 'Leuven', 'Namur']),
      String(random.int(1930, 2008)),
      random.pick(['nl', 'FR', 'Nederlands', 'de']),
      random.pick(['man', 'vrouw', 'x']),
    ]);
  }
  return out;
}

function csvText(table: string[][], delimiter: string, lineEnd: string): string {
  const field = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v);
  return table.map((r) => r.map(field).join(delimiter)).join(lineEnd) + lineEnd;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return Buffer.from(text, 'latin1');
  }
}

async function workbookBytes(table: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Respondenten');
  for (const row of table) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// A hand-written zip, to make archives that lie or expand enormously (zip bombs).

interface ZipEntry {
  name: string;
  compressed: Buffer;
  crc: number;
  /** The uncompressed size written in the headers (may lie). */
  size: number;
}

function deflated(name: string, data: Buffer): ZipEntry {
  return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** `prefix + chunk × times + suffix`, deflated as a stream: hundreds of MB without holding them. */
async function deflatedRepeat(name: string, prefix: string, chunk: Buffer, times: number, suffix: string): Promise<ZipEntry> {
  const stream = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  stream.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  let crc = crc32(head);
  stream.write(head);
  for (let i = 0; i < times; i++) {
    crc = crc32(chunk, crc);
    stream.write(chunk);
  }
  crc = crc32(tail, crc);
  stream.end(tail);
  await ended;
  return { name, compressed: Buffer.concat(parts), crc, size: head.length + chunk.length * times + tail.length };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.compressed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.compressed.length, 20);
    dir.writeUInt32LE(e.size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a workbook written by exceljs, to rebuild it with parts replaced. */
async function workbookEntries(table: string[][]): Promise<ZipEntry[]> {
  const JSZip = (await import('jszip')).default;
  const archive = await JSZip.loadAsync(await workbookBytes(table));
  const entries: ZipEntry[] = [];
  for (const file of Object.values(archive.files)) {
    if (!file.dir) entries.push(deflated(file.name, await file.async('nodebuffer')));
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// The generator: one malformed (or, for some kinds, valid) file per seed.

interface FuzzInput {
  kind: string;
  bytes: Buffer;
  /** For inputs that are valid files: the table a correct reader returns (header + rows). */
  expected?: string[][];
}

let validXlsx: Buffer;
let validXlsxTable: string[][];

const SPECIALS = ['"', '""', ',', ';', '\t', '\r', '\n', '\r\n', 'sep=;\n', ' ', '\u0000', '\u00a0', '\ufeff', 'é', '€', '😀', '=1+1', 'a', 'bc', '12'];

function randomBytes(random: Random, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = random.int(0, 255);
  return out;
}

function mutate(random: Random, bytes: Buffer, flips: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < flips && out.length > 0; i++) out[random.int(0, out.length - 1)] = random.int(0, 255);
  return out;
}

/** The same file for the same seed, so a failing seed can be replayed alone. */
function fuzzInput(seed: number): FuzzInput {
  const random = createRandom(`fuzz-import-${seed}`);
  const kinds = [
    'randomBytes',
    'zipMagicGarbage',
    'validCsv',
    'truncatedCsv',
    'truncatedXlsx',
    'mutatedXlsx',
    'unbalancedQuotes',
    'nulBytes',
    'mixedEncodings',
    'specials',
    'mutatedCsv',
    'wideRow',
  ] as const;
  const kind = kinds[seed % kinds.length]!;
  const delimiter = random.pick([',', ';', '\t']);
  const lineEnd = random.pick(['\r\n', '\n', '\r']);
  const encoding = random.pick(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const);
  // Windows-1252 has no Ł: such a file would hold a "?" there (as Excel writes it).
  const table = validTable(random, random.int(1, 30)).map((r) => (encoding === 'windows-1252' ? r.map((c) => c.replace(/[^\u0000-\u00ff]/g, '?')) : r));
  const csv = csvText(table, delimiter, lineEnd);
  switch (kind) {
    case 'randomBytes':
      return { kind, bytes: randomBytes(random, random.int(0, 4096)) };
    case 'zipMagicGarbage':
      return { kind, bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(random, random.int(0, 2048))]) };
    case 'validCsv':
      return { kind, bytes: encode(csv, encoding), expected: table };
    case 'truncatedCsv': {
      const bytes = encode(csv, encoding);
      return { kind, bytes: bytes.subarray(0, random.int(0, bytes.length - 1)) };
    }
    case 'truncatedXlsx':
      return { kind, bytes: validXlsx.subarray(0, random.int(0, validXlsx.length - 1)) };
    case 'mutatedXlsx':
      return { kind, bytes: mutate(random, validXlsx, random.int(1, 20)) };
    case 'unbalancedQuotes': {
      const chars = [...csv];
      for (let i = random.int(1, 3); i > 0; i--) chars.splice(random.int(0, chars.length), 0, '"');
      return { kind, bytes: encode(chars.join(''), encoding) };
    }
    case 'nulBytes': {
      const bytes = Buffer.from(encode(csv, random.pick(['utf-8', 'windows-1252'] as const)));
      for (let i = random.int(1, 5); i > 0; i--) bytes[random.int(0, bytes.length - 1)] = 0;
      return { kind, bytes };
    }
    case 'mixedEncodings': {
      const lines = csv.split(lineEnd);
      const parts = lines.map((line) => encode(line + lineEnd, random.pick(['utf-8', 'windows-1252', 'utf-16le'] as const)));
      return { kind, bytes: Buffer.concat(parts) };
    }
    case 'specials': {
      let text = '';
      for (let i = random.int(0, 400); i > 0; i--) text += random.pick(SPECIALS);
      return { kind, bytes: encode(text, encoding) };
    }
    case 'mutatedCsv':
      return { kind, bytes: mutate(random, encode(csv, encoding), random.int(1, 30)) };
    case 'wideRow': {
      // A row far wider than the header, or a header past the column limit.
      const width = random.pick([IMPORT_LIMITS.maxColumns, IMPORT_LIMITS.maxColumns + 1, random.int(1, 3000)]);
      const wide = Array.from({ length: width }, (_, i) => (random.chance(0.9) ? `c${i}` : ''));
      const rows = random.chance(0.5) ? [wide, ...table.slice(1)] : [...table, wide];
      return { kind, bytes: encode(csvText(rows, delimiter, lineEnd), encoding) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle.

/** Trims trailing blank cells and drops blank rows: how readTable presents a valid table. */
function normalised(table: string[][]): string[][] {
  return table.filter((r) => r.some((c) => c.trim() !== ''));
}

function assertWellFormed(result: ParsedTable, label: string): void {
  expect(result.header.length, label).toBeGreaterThan(0);
  expect(result.header.length, label).toBeLessThanOrEqual(IMPORT_LIMITS.maxColumns);
  expect(result.header.every((h) => typeof h === 'string' && h.trim() !== ''), label).toBe(true);
  expect(new Set(result.header).size, label).toBe(result.header.length);
  expect(result.rows.length, label).toBe(result.rowNumbers.length);
  expect(result.rows.length, label).toBeLessThanOrEqual(IMPORT_LIMITS.maxRows);
  for (const row of result.rows) {
    expect(row.length, label).toBeLessThanOrEqual(IMPORT_LIMITS.maxColumns);
    for (const cell of row) expect(typeof cell, label).toBe('string');
  }
  for (let i = 1; i < result.rowNumbers.length; i++) expect(result.rowNumbers[i]!, label).toBeGreaterThan(result.rowNumbers[i - 1]!);
}

function assertClearFileError(error: unknown, label: string): ImportFileError {
  if (!(error instanceof ImportFileError)) {
    throw new Error(`${label}: expected an ImportFileError, got ${(error as Error)?.stack ?? String(error)}`);
  }
  expect(FILE_CODES, label).toContain(error.code);
  expect(error.message.length, label).toBeGreaterThan(20);
  // A message a person reads: bounded, even when the file is huge.
  expect(error.message.length, label).toBeLessThan(1_000);
  return error;
}

/** Reads, then plans against an empty pool with the guessed mapping; returns the outcome and time. */
async function readAndPlan(bytes: Buffer, label: string): Promise<{ outcome: 'ok' | ImportFileErrorCode; ms: number; table?: ParsedTable }> {
  writeFileSync(BREADCRUMB, label);
  const started = performance.now();
  let table: ParsedTable;
  try {
    table = await readTable(bytes, 'fuzz.csv');
  } catch (error) {
    const ms = performance.now() - started;
    return { outcome: assertClearFileError(error, label).code, ms };
  }
  assertWellFormed(table, label);
  // Whatever was read must survive the mapping and the plan without throwing.
  const plan = planImport(
    table,
    suggestMapping(table.header),
    { externalIds: new Map(), fingerprints: new Set(), people: [], features: [] },
    { referenceYear: 2027 },
  );
  expect(plan.rowsTotal, label).toBe(table.rows.length);
  return { outcome: 'ok', ms: performance.now() - started, table };
}

beforeAll(async () => {
  validXlsxTable = validTable(createRandom('fuzz-xlsx'), 15);
  validXlsx = await workbookBytes(validXlsxTable);
});

// ---------------------------------------------------------------------------------------------

describe('fuzzing the pure importers', () => {
  it(`reads ${DOMAIN_INPUTS} generated inputs: each a clear error or a correct table, each within 5 s`, async () => {
    const outcomes = new Map<string, Map<string, number>>();
    let slowest = { ms: 0, seed: -1 };
    for (let seed = 0; seed < DOMAIN_INPUTS; seed++) {
      const input = fuzzInput(seed);
      const label = `seed ${seed} (${input.kind}, ${input.bytes.length} bytes)`;
      const { outcome, ms, table } = await readAndPlan(input.bytes, label);
      if (ms > MAX_MS_PER_INPUT) throw new Error(`${label} took ${Math.round(ms)} ms (limit ${MAX_MS_PER_INPUT} ms)`);
      if (ms > slowest.ms) slowest = { ms, seed };
      if (input.expected) {
        // A valid file in any supported encoding, separator and line end: read back exactly.
        expect(outcome, label).toBe('ok');
        expect([table!.header, ...table!.rows], label).toEqual(normalised(input.expected));
      }
      const perKind = outcomes.get(input.kind) ?? new Map<string, number>();
      perKind.set(outcome, (perKind.get(outcome) ?? 0) + 1);
      outcomes.set(input.kind, perKind);
    }
    // Every kind of input was tried and the generator really produced failures and successes.
    expect(outcomes.size).toBe(12);
    const all = [...outcomes.values()].flatMap((m) => [...m.entries()]);
    const total = all.reduce((n, [, c]) => n + c, 0);
    expect(total).toBe(DOMAIN_INPUTS);
    for (const code of ['ok', 'BINARY', 'NOT_XLSX', 'UNTERMINATED_QUOTE', 'TOO_MANY_COLUMNS'] as const) {
      expect(all.some(([o]) => o === code), `some input ended in ${code}`).toBe(true);
    }
    console.info(
      `fuzz-import: ${total} pure inputs, slowest ${Math.round(slowest.ms)} ms (seed ${slowest.seed});`,
      JSON.stringify(Object.fromEntries([...outcomes].map(([k, m]) => [k, Object.fromEntries(m)]))),
    );
  }, 60_000);

  it('csv: the separator and quoting of any generated table round-trip exactly', () => {
    // Random tables of awkward values (quotes, separators, line breaks, unicode), written with
    // RFC 4180 quoting: parseCsv must give back exactly what was written.
    for (let seed = 0; seed < 300; seed++) {
      const random = createRandom(`roundtrip-${seed}`);
      const delimiter = random.pick([',', ';', '\t'] as const);
      const width = random.int(2, 8);
      const table = Array.from({ length: random.int(1, 10) }, () =>
        Array.from({ length: width }, () => {
          let v = 'x';
          for (let i = random.int(0, 6); i > 0; i--) v += random.pick(SPECIALS.filter((s) => s !== '\u0000' && s !== 'sep=;\n'));
          return v;
        }),
      );
      const text = csvText(table, delimiter, random.pick(['\r\n', '\n']));
      const parsed = parseCsv(text, delimiter);
      expect(parsed, `seed ${seed}`).toEqual(table);
    }
  });
});

describe('pathological files, each refused clearly and quickly', () => {
  async function expectOutcome(bytes: Buffer, label: string, expected: 'ok' | ImportFileErrorCode) {
    const { outcome, ms, table } = await readAndPlan(bytes, label);
    expect(ms, `${label}: ${Math.round(ms)} ms`).toBeLessThan(MAX_MS_PER_INPUT);
    expect(outcome, label).toBe(expected);
    return table;
  }

  it('a 1 MB cell in a CSV and in a workbook is read whole (the row is then refused by field length)', async () => {
    // Text as people write it (a pasted document), not one letter repeated: a workbook of that
    // would pack 1000 to 1, like a zip bomb (below), and be refused as one.
    const random = createRandom('huge-cell');
    let huge = '';
    while (huge.length < 1024 * 1024) huge += `${random.pick(FIRST)} ${random.pick(LAST)} ${random.int(0, 1e9)}, `;
    const csvTable = await expectOutcome(Buffer.from(`Voornaam;Naam;Opmerkingen\nAn;Peeters;${huge}\n`), 'csv 1 MB cell', 'ok');
    expect(csvTable!.rows[0]![2]!.length).toBe(huge.length);
    const xlsxTable = await expectOutcome(await workbookBytes([['Voornaam', 'Naam', 'Opmerkingen'], ['An', 'Peeters', huge]]), 'xlsx 1 MB cell', 'ok');
    // Excel itself keeps at most 32,767 characters in a cell, but a file may hold more.
    expect(xlsxTable!.rows[0]![2]!.length).toBe(huge.length);
  });

  it('10,000 columns: refused with TOO_MANY_COLUMNS, in a CSV header, a CSV row and a workbook', async () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    await expectOutcome(Buffer.from(wide.join(',') + '\n' + wide.join(',') + '\n'), 'csv 10,000 columns', 'TOO_MANY_COLUMNS');
    await expectOutcome(Buffer.from('Voornaam,Naam\nAn,Peeters,' + wide.join(',') + '\n'), 'csv row of 10,000 columns', 'TOO_MANY_COLUMNS');
    await expectOutcome(await workbookBytes([wide, wide]), 'xlsx 10,000 columns', 'TOO_MANY_COLUMNS');
  });

  it('an unterminated quote at the start of a 20 MB file names its row, quickly', async () => {
    const body = 'Voornaam,Naam\n"An,Peeters\n' + 'Jan,Maes\n'.repeat(2_000_000);
    await expectOutcome(Buffer.from(body), 'unterminated quote in 20 MB', 'UNTERMINATED_QUOTE');
  });

  it('a workbook whose rebuilt zip is sound is still read (the zip writer below is honest)', async () => {
    const table = await expectOutcome(zip(await workbookEntries(validXlsxTable)), 'rebuilt workbook', 'ok');
    expect([table!.header, ...table!.rows]).toEqual(validXlsxTable);
  });

  it('zip bombs within the 100 MB file limit: refused as NOT_XLSX in under 5 s', async () => {
    const entries = await workbookEntries(validXlsxTable);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const others = entries.filter((e) => e !== sheet);
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    const sheetStart = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const sheetEnd = '</sheetData></worksheet>';

    // Five extra parts of 400 MB of spaces each: a 2 MB file that unpacks to 2 GB.
    const spaces = await deflatedRepeat('xl/bomb1.xml', '', mb, 400, '');
    const manyParts = zip([...entries, ...[1, 2, 3, 4, 5].map((i) => ({ ...spaces, name: `xl/bomb${i}.xml` }))]);
    expect(manyParts.length).toBeLessThan(IMPORT_LIMITS.maxBytes);
    await expectOutcome(manyParts, 'five 400 MB parts', 'NOT_XLSX');

    // The worksheet itself: 300 MB of white space between the rows (valid XML).
    const wideSheet = await deflatedRepeat('xl/worksheets/sheet1.xml', sheetStart, mb, 300, sheetEnd);
    await expectOutcome(zip([...others, wideSheet]), 'worksheet of 300 MB white space', 'NOT_XLSX');

    // A part whose headers claim 1,000 bytes but that expands to 400 MB.
    await expectOutcome(zip([...entries, { ...spaces, size: 1000 }]), 'part lying about its size', 'NOT_XLSX');

    // A million rows of the same two cells (1,000 rows repeated): 60 MB of XML in 170 kB.
    const rows = Buffer.from('<row><c t="inlineStr"><is><t>An</t></is></c><c t="inlineStr"><is><t>Peeters</t></is></c></row>'.repeat(1000));
    const millionRows = await deflatedRepeat('xl/worksheets/sheet1.xml', sheetStart, rows, 1000, sheetEnd);
    await expectOutcome(zip([...others, millionRows]), 'a million repeated rows', 'NOT_XLSX');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------

describe('fuzzing the staging API (imports.stage, imports.check, imports.commit)', () => {
  const tempDir = useTempDir();

  it(`${API_INPUTS} generated files: a clear refusal or a correct import, never a partial write`, async () => {
    const app = makeApp(tempDir());
    await app.call('app.createAssembly', { name: 'Fuzz', panelSize: 30 });
    const db = app.ctx.requireDb();
    const people = () => (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    const imports = () => (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
    const counts = { stageRefused: 0, checked: 0, commitRefused: 0, committed: 0, peopleImported: 0 };
    const limit = async <T>(label: string, step: string, work: Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work;
      const ms = performance.now() - started;
      if (ms > MAX_MS_PER_INPUT) throw new Error(`${label}: ${step} took ${Math.round(ms)} ms`);
      return result;
    };
    for (let i = 0; i < API_INPUTS; i++) {
      // Spread over the generator's kinds; every third one a valid file, so commits happen too.
      const seed = 10_000 + i;
      const input = fuzzInput(seed);
      const label = `seed ${seed} (${input.kind}, ${input.bytes.length} bytes)`;
      writeFileSync(BREADCRUMB, `api ${label}`);
      const before = { people: people(), imports: imports() };
      const staged = await limit(label, 'stage', app.raw('imports.stage', { fileName: 'fuzz.csv', contentBase64: input.bytes.toString('base64') }));
      if (!staged.ok) {
        expect(staged.error.code, `${label}: ${staged.error.message}`).toBe('VALIDATION');
        expect(staged.error.message.length, label).toBeGreaterThan(20);
        counts.stageRefused++;
        expect(people(), label).toBe(before.people);
        continue;
      }
      const { uploadId, mapping } = staged.data as { uploadId: string; mapping: unknown };
      const check = await limit(label, 'check', app.raw('imports.check', { uploadId, mapping }));
      if (check.ok) counts.checked++;
      else expect(check.error.code, `${label}: ${check.error.message}`).toBe('VALIDATION');
      const mode = i % 2 === 0 ? 'allOrNothing' : 'validOnly';
      const commit = await limit(label, 'commit', app.raw('imports.commit', { uploadId, mapping, mode }));
      if (!commit.ok) {
        expect(commit.error.code, `${label}: ${commit.error.message}`).toBe('VALIDATION');
        expect(commit.error.message.length, label).toBeGreaterThan(20);
        // Nothing half-written: no person, no import record.
        expect(people(), label).toBe(before.people);
        expect(imports(), label).toBe(before.imports);
        counts.commitRefused++;
        await app.raw('imports.discard', { uploadId });
        continue;
      }
      const result = commit.data as { imported: number; rejected: number; alreadyInPool: number };
      expect(people(), label).toBe(before.people + result.imported);
      expect(imports(), label).toBe(before.imports + 1);
      if (input.expected && mode === 'allOrNothing') expect(result.rejected, label).toBe(0);
      counts.committed++;
      counts.peopleImported += result.imported;
    }
    expect(counts.stageRefused + counts.commitRefused + counts.committed).toBe(API_INPUTS);
    expect(counts.committed).toBeGreaterThan(0);
    expect(counts.stageRefused).toBeGreaterThan(0);
    expect(counts.commitRefused).toBeGreaterThan(0);
    // The file is still sound after all that.
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    console.info(`fuzz-import: ${API_INPUTS} API inputs`, JSON.stringify(counts));
    app.close();
  }, 60_000);
});
