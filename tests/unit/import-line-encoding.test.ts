/**
 * Files glued from a UTF-8 export and rows typed on an old Windows PC: each line keeps its own
 * accents, and the rows read as Windows-1252 are named (by the row numbers Excel shows).
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../main/domain/import/decode';
import { readTable } from '../../main/domain/import/readTable';
import { readFileSync } from 'node:fs';
import { officeCsv } from '../fixtures/import/make-office-files';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const cp1252 = (s: string) => Buffer.from(s, 'latin1');
const glue = (...parts: Buffer[]) => new Uint8Array(Buffer.concat(parts));

describe('mixed UTF-8 and Windows-1252', () => {
  it('decodes each line in its own encoding and names the Windows-1252 lines', () => {
    const bytes = glue(utf8('Voornaam;Naam\r\nÉlodie;Dubois\r\n'), cp1252('Noël;Geeraerts\r\n'), utf8('Zoë;Maes\r\n'), cp1252('Hélène;Dupont'));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('mixed');
    expect(decoded.text).toBe('Voornaam;Naam\r\nÉlodie;Dubois\r\nNoël;Geeraerts\r\nZoë;Maes\r\nHélène;Dupont');
    expect(decoded.legacyLines).toEqual([3, 5]);
  });

  it('keeps a whole Windows-1252 file as before: no rows to confirm', async () => {
    const bytes = glue(cp1252('Voornaam;Naam\nNoël;Geeraerts\nHélène;Dupont\n'));
    expect(decodeText(bytes)).toEqual({ text: 'Voornaam;Naam\nNoël;Geeraerts\nHélène;Dupont\n', encoding: 'windows-1252' });
    expect((await readTable(bytes, 'oud.csv')).legacyRows).toEqual([]);
  });

  it('names rows, not lines: a quoted cell over two lines and a "sep=" line do not shift them', async () => {
    const bytes = glue(
      utf8('sep=;\r\nVoornaam;Naam;Opmerkingen\r\nÉlodie;Dubois;"eerste regel\r\ntweede regel"\r\n'),
      cp1252('Noël;Geeraerts;"Zoë\'s buur\r\nLiège"\r\n'),
      utf8('Zoë;Maes;\r\n'),
    );
    const table = await readTable(bytes, 'kantoor.csv');
    expect(table.encoding).toBe('mixed');
    // sep= is hidden as Excel hides it: the header is row 1, Élodie row 2, Noël row 3.
    expect(table.rowNumbers).toEqual([2, 3, 4]);
    expect(table.legacyRows).toEqual([3]);
    expect(table.rows[1]).toEqual(['Noël', 'Geeraerts', "Zoë's buur\r\nLiège"]);
  });

  it('finds rows 9 and 10 in the office fixture, with their accents right', async () => {
    // The committed file is the generator's output (for opening in Excel by hand).
    expect(readFileSync(new URL('../fixtures/import/kantoor-respondenten.csv', import.meta.url)).equals(officeCsv())).toBe(true);
    const table = await readTable(new Uint8Array(officeCsv()), 'kantoor-respondenten.csv');
    expect(table.legacyRows).toEqual([9, 10]);
    expect(table.rows[table.rowNumbers.indexOf(9)]!.slice(0, 2)).toEqual(['Noël', 'Geeraerts']);
    expect(table.rows[table.rowNumbers.indexOf(10)]![11]).toBe('végétarien; allergie aux noix');
    expect(table.rows[0]![0]).toBe('Élodie');
  });

  it('has nothing to confirm in a workbook', async () => {
    const { officeXlsx } = await import('../fixtures/import/make-office-files');
    const table = await readTable(new Uint8Array(await officeXlsx()), 'kantoor-respondenten.xlsx');
    expect(table).toMatchObject({ kind: 'xlsx', encoding: null, legacyRows: [] });
    expect(table.rows[7]![0]).toBe('Noël');
  });
});

describe('utf8Kind', () => {
  it('agrees with a fatal UTF-8 decoder on valid, invalid, overlong and surrogate bytes', async () => {
    const { utf8Kind } = await import('../../main/domain/import/lineEncoding');
    const samples: number[][] = [
      [0x61, 0x62],
      [0xc3, 0xa9], // é
      [0xe2, 0x82, 0xac], // €
      [0xf0, 0x9f, 0x98, 0x80], // emoji
      [0xe9], // é in Windows-1252
      [0xc3], // cut short
      [0xc0, 0xaf], // overlong
      [0xe0, 0x80, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0x80],
      [0x4e, 0x6f, 0xeb, 0x6c], // Noël in Windows-1252
    ];
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (const sample of samples) {
      const bytes = Uint8Array.from(sample);
      let valid = true;
      try {
        fatal.decode(bytes);
      } catch {
        valid = false;
      }
      const expected = !valid ? 'invalid' : sample.every((b) => b < 0x80) ? 'ascii' : 'utf8';
      expect([sample, utf8Kind(bytes, 0, bytes.length)]).toEqual([sample, expected]);
    }
  });
});
