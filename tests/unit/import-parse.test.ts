import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../main/domain/import/csv';
import { decodeText, sniffKind } from '../../main/domain/import/decode';
import { ImportFileError, type ImportFileErrorCode } from '../../main/domain/import/errors';
import { readTable } from '../../main/domain/import/readTable';
import { cellText, readXlsx } from '../../main/domain/import/xlsx';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}
function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}
/** Latin text as Windows-1252 bytes: Latin-1 code points plus the euro sign at 0x80. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
}

async function fileError(action: () => unknown): Promise<ImportFileError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}
async function expectCode(action: () => unknown, code: ImportFileErrorCode): Promise<ImportFileError> {
  const error = await fileError(action);
  expect(error.code).toBe(code);
  return error;
}

/** A minimal stored (uncompressed) zip, to stand for "a zip that is not a workbook". */
function zip(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('decodeText', () => {
  const sample = 'Voornaam;Naam\nÉlodie;Françoise-Noël €5\n';

  it('reads UTF-8 with and without BOM, and drops the BOM', () => {
    expect(decodeText(utf8(sample))).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], utf8(sample)))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with BOM (Excel "Unicode text")', () => {
    expect(decodeText(bytes([0xff, 0xfe], utf16le(sample)))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(bytes([0xfe, 0xff], utf16be(sample)))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, euro sign included', () => {
    const result = decodeText(cp1252('Prénom;Ville\nFrançois;Liège\nAnaëlle;€ 12\n'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('Prénom;Ville\nFrançois;Liège\nAnaëlle;€ 12\n');
    // The curly quotes Word and Excel put in 0x93/0x94
    expect(decodeText(bytes([0x93, 0x61, 0x94])).text).toBe('\u201Ca\u201D');
  });

  it('refuses binary data: NUL bytes, or many control characters', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await expectCode(() => decodeText(random), 'BINARY');
    expect(error.message).toBe('This file is not text: it looks like binary data. Choose a CSV or an Excel (.xlsx) file.');
    await expectCode(() => decodeText(bytes(utf8('a,b\n'), [0], utf8('c,d\n'))), 'BINARY');
    await expectCode(() => decodeText(Uint8Array.from({ length: 200 }, (_, i) => [0x01, 0x02, 0x41, 0x42][i % 4]!)), 'BINARY');
    // Tabs, form feeds and line breaks are text
    expect(decodeText(utf8('a\tb\r\n\fc\td\n')).encoding).toBe('utf-8');
  });
});

describe('sniffKind', () => {
  it('goes by the first bytes, not by the extension', () => {
    expect(sniffKind(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'pool.csv')).toBe('xlsx');
    expect(sniffKind(utf8('a,b\n1,2\n'), 'pool.xlsx')).toBe('csv');
  });

  it('refuses an empty file, also when it is called .xlsx', async () => {
    const error = await expectCode(() => sniffKind(new Uint8Array(0), 'pool.xlsx'), 'EMPTY');
    expect(error.message).toMatch(/^The file is empty \(0 bytes\)/);
  });

  it('explains old .xls files, and tells a password-protected workbook apart', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const error = await expectCode(() => sniffKind(bytes(ole, new Uint8Array(504)), 'pool.xls'), 'OLD_XLS');
    expect(error.message).toMatch(/old \.xls format.*save it as \.xlsx or CSV/);
    const encrypted = bytes(ole, new Uint8Array(200), new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')));
    await expectCode(() => sniffKind(encrypted, 'pool.xlsx'), 'ENCRYPTED');
  });
});

describe('detectDelimiter', () => {
  it('detects comma, semicolon and tab', () => {
    expect(detectDelimiter('id,name,city\n1,Ann,Gent\n2,Bart,Leuven\n')).toBe(',');
    expect(detectDelimiter('id;naam;bedrag\n1;Ann;1,5\n2;Bart;12,75\n3;Chris;3\n')).toBe(';');
    expect(detectDelimiter('id\tnaam\tgemeente\n1\tAnn, Jr\tGent\n')).toBe('\t');
  });

  it('ignores separators inside quoted values, embedded line breaks included', () => {
    expect(detectDelimiter('name;remark\n"Peeters, Jan";"a, b,\nc, d"\n"X";"y"\n')).toBe(';');
  });

  it('takes "," for a file with one column, and honours an Excel sep= line', () => {
    expect(detectDelimiter('email\nann@example.be\nbart@example.be\n')).toBe(',');
    expect(detectDelimiter('sep=;\na,b;c\n1,2;3\n')).toBe(';');
  });

  it('prefers the separator that gives a consistent column count', () => {
    // Commas in free text vary per row; semicolons are always 2.
    expect(detectDelimiter('a;b;c\nx, y;1;2\nz;3, 4, 5;6\n')).toBe(';');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with embedded line breaks and doubled quotes', () => {
    expect(parseCsv('name,remark\n"Peeters, Jan","says ""hi""\nthen leaves"\n', ',')).toEqual([
      ['name', 'remark'],
      ['Peeters, Jan', 'says "hi"\nthen leaves'],
    ]);
  });

  it('reads CRLF, LF and lone CR line endings, even mixed', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    expect(parseCsv('a;b\r\n1;2\r\n3;4\r\n', ';')).toEqual(expected);
    expect(parseCsv('a;b\r1;2\r3;4', ';')).toEqual(expected);
    expect(parseCsv('a;b\r\n1;2\n3;4\r', ';')).toEqual(expected);
  });

  it('keeps blank lines as records and rows at their own length', () => {
    expect(parseCsv('a,b,c\n\n1,2\n1,2,3,4\n', ',')).toEqual([['a', 'b', 'c'], [''], ['1', '2'], ['1', '2', '3', '4']]);
  });

  it('keeps a stray quote inside an unquoted value as text', () => {
    expect(parseCsv('name,size\nO"Brien,5"\n', ',')).toEqual([
      ['name', 'size'],
      ['O"Brien', '5"'],
    ]);
  });

  it('reports an unterminated quote with the row it starts on', async () => {
    const text = 'name,city\nAnn,Gent\n\n"Bart,Leuven\nChris,Brugge\nDirk,Aalst\n';
    const error = await expectCode(() => parseCsv(text, ','), 'UNTERMINATED_QUOTE');
    expect(error.params.row).toBe(4);
    expect(error.message).toContain('Row 4');
    expect(error.message).toContain('"Bart,Leuven');
  });
});

describe('readTable (CSV)', () => {
  it('reads each encoding and separator into the same table', async () => {
    const rows = [
      ['Voornaam', 'Naam', 'Gemeente'],
      ['Élodie', 'Françoise', 'Liège'],
      ['Zoë', 'Noël', 'Gent'],
    ];
    const text = (sep: string, eol: string) => rows.map((r) => r.join(sep)).join(eol) + eol;
    const variants: [Uint8Array, string, string][] = [
      [utf8(text(',', '\n')), 'utf-8', ','],
      [bytes([0xef, 0xbb, 0xbf], utf8(text(';', '\r\n'))), 'utf-8-bom', ';'],
      [bytes([0xff, 0xfe], utf16le(text('\t', '\r\n'))), 'utf-16le', '\t'],
      [bytes([0xfe, 0xff], utf16be(text(';', '\n'))), 'utf-16be', ';'],
      [cp1252(text(';', '\r\n')), 'windows-1252', ';'],
    ];
    for (const [input, encoding, delimiter] of variants) {
      const table = await readTable(input, 'pool.csv');
      expect(table).toEqual({
        kind: 'csv',
        encoding,
        delimiter,
        sheets: [],
        sheet: null,
        header: rows[0],
        rows: rows.slice(1),
        rowNumbers: [2, 3],
        legacyRows: [],
      });
    }
  });

  it('reads a real Belgian Excel export (Windows-1252, ";", CRLF, sep= line)', async () => {
    const table = await readTable(new Uint8Array(readFileSync(new URL('pool-excel-be.csv', FIXTURES))), 'pool-excel-be.csv');
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['Nr', 'Voornaam', 'Naam', 'Geboortejaar', 'Geslacht', 'Provincie', 'Taal', 'Opmerkingen']);
    expect(table.rows[0]).toEqual(['R-001', 'Élodie', 'Van den Bossche', '1985', 'vrouw', 'Liège', 'FR', 'Bijdrage € 25']);
    expect(table.rowNumbers).toEqual([2, 3, 4, 6]);
    expect(table.rows[2]![7]).toBe('Belt liefst "s avonds;\r\nniet op maandag');
  });

  it('numbers rows as Excel does: records, not lines; blank rows skipped but counted', async () => {
    const text = 'name,remark\r\nAnn,"line one\r\nline two"\r\nBart,x\r\n\r\n,\r\nChris,y\r\n';
    const table = await readTable(utf8(text), 'pool.csv');
    expect(table.rows).toEqual([
      ['Ann', 'line one\r\nline two'],
      ['Bart', 'x'],
      ['Chris', 'y'],
    ]);
    expect(table.rowNumbers).toEqual([2, 3, 6]);
  });

  it('takes the first non-blank row as the header, wherever it is', async () => {
    const table = await readTable(utf8('\n\nid,name\n1,Ann\n'), 'pool.csv');
    expect(table.header).toEqual(['id', 'name']);
    expect(table.rowNumbers).toEqual([4]);
  });

  it('names blank header cells and tells repeated names apart', async () => {
    const table = await readTable(utf8(' Naam , ,naam,Naam (2),Tel\n1,2,3,4,5\n'), 'pool.csv');
    expect(table.header).toEqual(['Naam', 'Column 2', 'naam (2)', 'Naam (2) (2)', 'Tel']);
  });

  it('drops empty cells past the header, but keeps short and long rows as they are', async () => {
    const table = await readTable(utf8('a;b;c;\n1;2;3;\n1;2;3;;;\n1;2\n1;2;3;;5\n'), 'pool.csv');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      ['1', '2', '3'],
      ['1', '2', '3'],
      ['1', '2'],
      ['1', '2', '3', '', '5'],
    ]);
    // A value under a blank header cell keeps that column, under a made-up name
    const named = await readTable(utf8('a;b;c;\n1;2;3;\n1;2;3;4\n'), 'pool.csv');
    expect(named.header).toEqual(['a', 'b', 'c', 'Column 4']);
    expect(named.rows).toEqual([
      ['1', '2', '3', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('refuses an empty or blank file', async () => {
    await expectCode(() => readTable(new Uint8Array(0), 'pool.csv'), 'EMPTY');
    await expectCode(() => readTable(utf8(' \r\n\t\n'), 'pool.csv'), 'EMPTY');
    await expectCode(() => readTable(utf8(';;;\n;;\n'), 'pool.csv'), 'EMPTY');
    await expectCode(() => readTable(bytes([0xef, 0xbb, 0xbf]), 'pool.csv'), 'EMPTY');
  });

  it('refuses binary garbage and old .xls files', async () => {
    const garbage = Uint8Array.from({ length: 2048 }, (_, i) => (i * 2654435761) % 256);
    await expectCode(() => readTable(garbage, 'pool.csv'), 'BINARY');
    await expectCode(() => readTable(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(100)), 'pool.xls'), 'OLD_XLS');
  });

  it('reports an unterminated quote', async () => {
    const error = await expectCode(() => readTable(utf8('a,b\n1,2\n3,"4\n5,6\n'), 'pool.csv'), 'UNTERMINATED_QUOTE');
    expect(error.params.row).toBe(3);
  });

  it('refuses more than 500 columns, naming the row', async () => {
    const header = Array.from({ length: 501 }, (_, i) => `c${i}`).join(',');
    const error = await expectCode(() => readTable(utf8(`${header}\n1,2\n`), 'pool.csv'), 'TOO_MANY_COLUMNS');
    expect(error.params).toMatchObject({ row: 1, columns: 501 });
    const wideRow = Array.from({ length: 600 }, () => 'x').join(',');
    const error2 = await expectCode(() => readTable(utf8(`a,b\n1,2\n${wideRow}\n`), 'pool.csv'), 'TOO_MANY_COLUMNS');
    expect(error2.params).toMatchObject({ row: 3, columns: 600 });
    // 500 is fine
    const ok = await readTable(utf8(`${Array.from({ length: 500 }, (_, i) => `c${i}`).join(',')}\n1\n`), 'pool.csv');
    expect(ok.header).toHaveLength(500);
  });

  it('refuses more than 200,000 data rows and files over 100 MB', async () => {
    await expectCode(() => readTable(utf8('n\n' + '1\n'.repeat(200_001)), 'pool.csv'), 'TOO_MANY_ROWS');
    expect((await readTable(utf8('n\n' + '1\n'.repeat(200_000)), 'pool.csv')).rows).toHaveLength(200_000);
    const error = await expectCode(() => readTable(new Uint8Array(100 * 1024 * 1024 + 1), 'pool.csv'), 'TOO_LARGE');
    expect(error.message).toContain('100 MB');
  });

  it('reads 50,000 rows x 15 columns quickly', async () => {
    const header = ['id', 'voornaam', 'naam', 'email', 'telefoon', 'straat', 'nr', 'postcode', 'gemeente', 'geboortejaar', 'taal', 'geslacht', 'provincie', 'opleiding', 'opmerkingen'];
    const lines = [header.join(';')];
    for (let i = 0; i < 50_000; i++) {
      lines.push(`${i};Élodie;Van den Bossche;e${i}@example.be;0471 12 34 56;Kerkstraat;${i % 200};9000;Gent;${1940 + (i % 60)};NL;vrouw;Oost-Vlaanderen;hoger;"geen ""opmerking"""`);
    }
    const input = utf8(lines.join('\r\n'));
    const started = performance.now();
    const table = await readTable(input, 'big.csv');
    const elapsed = performance.now() - started;
    expect(table.rows).toHaveLength(50_000);
    expect(table.rowNumbers.at(-1)).toBe(50_001);
    // The target is well under 1 s; the bound leaves room for a busy CI machine.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('readXlsx and readTable (Excel)', () => {
  it('writes cell values as a person sees them', () => {
    expect(cellText(1985)).toBe('1985');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(32471123456)).toBe('32471123456');
    expect(cellText(-2.5)).toBe('-2.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(new Date(Date.UTC(1985, 2, 2)))).toBe('1985-03-02');
    expect(cellText(new Date(Date.UTC(2027, 2, 6, 9, 30, 0, 2)))).toBe('2027-03-06T09:30');
    expect(cellText({ formula: 'A1+1', result: 1986 })).toBe('1986');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ richText: [{ text: 'Jan ' }, { text: 'Peeters' }] })).toBe('Jan Peeters');
    expect(cellText({ text: 'site', hyperlink: 'https://example.be' })).toBe('site');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'mailto:x@y.be' })).toBe('ab');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'NA()', result: { error: '#N/A' } })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('reads a workbook built with exceljs: numbers, dates, formulas, rich text', async () => {
    const input = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Pool');
      ws.addRow(['Voornaam', 'Naam', 'Geboortejaar', 'Geboortedatum', 'Leeftijd', 'Bedrag', 'Actief', 'Fout', 'Web']);
      ws.addRow(['Élodie', { richText: [{ text: 'Van ' }, { text: 'den Bossche', font: { bold: true } }] }, 1985, new Date(Date.UTC(1985, 2, 2))]);
      ws.getCell('E2').value = { formula: '2027-C2', result: 42 };
      ws.getCell('F2').value = 0.1 + 0.2;
      ws.getCell('G2').value = true;
      ws.getCell('H2').value = { error: '#N/A' };
      ws.getCell('I2').value = { text: 'profiel', hyperlink: 'https://example.be' };
      ws.getCell('A3').value = 'Bart';
      ws.getCell('D3').value = new Date(Date.UTC(2027, 2, 6, 14, 30));
    });
    const table = await readTable(input, 'pool.xlsx');
    expect(table).toMatchObject({ kind: 'xlsx', encoding: null, delimiter: null, sheets: ['Pool'], sheet: 'Pool' });
    expect(table.rows).toEqual([
      ['Élodie', 'Van den Bossche', '1985', '1985-03-02', '42', '0.3', 'TRUE', '#N/A', 'profiel'],
      ['Bart', '', '', '2027-03-06T14:30', '', '', '', '', ''],
    ]);
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('reads the first sheet with data, or the sheet asked for', async () => {
    const input = await workbookBytes((wb) => {
      wb.addWorksheet('Leeg');
      wb.addWorksheet('Gent').addRows([['naam'], ['Ann']]);
      wb.addWorksheet('Liège').addRows([['nom', 'ville'], ['Benoît', 'Liège']]);
    });
    const first = await readTable(input, 'pool.xlsx');
    expect(first.sheets).toEqual(['Leeg', 'Gent', 'Liège']);
    expect(first.sheet).toBe('Gent');
    expect(first.header).toEqual(['naam']);

    const second = await readTable(input, 'pool.xlsx', { sheet: 'Liège' });
    expect(second.sheet).toBe('Liège');
    expect(second.header).toEqual(['nom', 'ville']);
    expect(second.rows).toEqual([['Benoît', 'Liège']]);
    // Case and accents do not matter when the sheet name was typed
    expect((await readTable(input, 'pool.xlsx', { sheet: 'liege' })).sheet).toBe('Liège');

    const missing = await expectCode(() => readTable(input, 'pool.xlsx', { sheet: 'Brussel' }), 'SHEET_NOT_FOUND');
    expect(missing.message).toBe('The workbook has no sheet named "Brussel". Its sheets are: "Leeg", "Gent", "Liège".');
    const empty = await expectCode(() => readTable(input, 'pool.xlsx', { sheet: 'Leeg' }), 'EMPTY_SHEET');
    expect(empty.params.sheet).toBe('Leeg');
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const input = await workbookBytes((wb) => {
      wb.addWorksheet('Blad1');
      wb.addWorksheet('Blad2').getCell('B4').value = '   ';
    });
    await expectCode(() => readTable(input, 'pool.xlsx'), 'EMPTY');
  });

  it('keeps Excel row numbers for a header lower down and blank rows between data', async () => {
    const input = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Pool');
      ws.getCell('A1').value = null;
      ws.getRow(3).values = ['Voornaam', 'Naam'];
      ws.getRow(4).values = ['Ann', 'Peeters'];
      ws.getRow(7).values = ['Bart', 'Claes'];
    });
    const table = await readTable(input, 'pool.xlsx');
    expect(table.header).toEqual(['Voornaam', 'Naam']);
    expect(table.rowNumbers).toEqual([4, 7]);
  });

  it('gives every row the width of the sheet and trims trailing empty columns', async () => {
    const input = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Pool');
      ws.addRow(['a', 'b', 'c', '', '']);
      ws.addRow(['1']);
      ws.addRow(['1', '2', '', null, '   ']);
      ws.mergeCells('A4:C4');
      ws.getCell('A4').value = 'merged';
    });
    const { sheets } = await readXlsx(input);
    expect(sheets[0]!.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['1', '2', ''],
      ['merged', '', ''],
    ]);
  });

  it('refuses a 0-byte .xlsx, a damaged zip and a zip that is not a workbook', async () => {
    const empty = await expectCode(() => readTable(new Uint8Array(0), 'pool.xlsx'), 'EMPTY');
    expect(empty.message).toMatch(/^The file is empty \(0 bytes\)/);
    const damaged = await expectCode(() => readTable(bytes([0x50, 0x4b, 0x03, 0x04], utf8('not really a zip')), 'pool.xlsx'), 'NOT_XLSX');
    expect(damaged.message).toContain('cannot be read as an Excel workbook');
    await expectCode(() => readTable(zip({ 'hello.txt': 'hello' }), 'pool.xlsx'), 'NOT_XLSX');
  });
});
