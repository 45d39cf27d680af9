/**
 * The one CSV writer (main/domain/csvWrite.ts): the two dialects (separator, decimal mark,
 * byte-order mark), quoting of separators, quotes and line breaks, numbers without grouping or
 * exponents, formula injection defused in both dialects; and what the parser of the import reads
 * back from it (the same fields), so a file written here is a file the app itself can read.
 */
import { describe, expect, it } from 'vitest';
import { csvNumber, writeCsv, type CsvCell } from '../../main/domain/csvWrite';
import { detectDelimiter, parseCsv } from '../../main/domain/import/csv';

describe('writeCsv', () => {
  const rows: CsvCell[][] = [
    ['name', 'amount', 'share'],
    ['Élodie', { value: 1234.5, decimals: 2 }, 0.25],
  ];

  it('writes the excel dialect by default: byte-order mark, semicolons, decimal comma, CRLF after every line', () => {
    expect(writeCsv(rows)).toBe('\uFEFFname;amount;share\r\nÉlodie;1234,50;0,25\r\n');
  });

  it('writes the plain dialect: no byte-order mark, commas, decimal point', () => {
    expect(writeCsv(rows, 'plain')).toBe('name,amount,share\r\nÉlodie,1234.50,0.25\r\n');
  });

  it('quotes a field holding the separator, a quote or a line break, and only then', () => {
    const tricky: CsvCell[][] = [['a;b', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 'plain']];
    expect(writeCsv(tricky, 'excel')).toBe('\uFEFF"a;b";a,b;"say ""hi""";"two\nlines";"cr\r";plain\r\n');
    expect(writeCsv(tricky, 'plain')).toBe('a;b,"a,b","say ""hi""","two\nlines","cr\r",plain\r\n');
  });

  it('defuses formulas in text in both dialects, and leaves numbers and plain negative amounts alone', () => {
    const cells: CsvCell[][] = [['=HYPERLINK("http://x";"y")', '@SUM(A1)', '-2+cmd|x', '+32 475 12 34 56', '-5', -5]];
    expect(writeCsv(cells, 'excel')).toBe(`\uFEFF"'=HYPERLINK(""http://x"";""y"")";'@SUM(A1);'-2+cmd|x;+32 475 12 34 56;-5;-5\r\n`);
    expect(writeCsv(cells, 'plain')).toBe(`"'=HYPERLINK(""http://x"";""y"")",'@SUM(A1),'-2+cmd|x,+32 475 12 34 56,-5,-5\r\n`);
  });

  it('writes empty cells for null, undefined and numbers that are not finite', () => {
    expect(writeCsv([[null, undefined, Number.NaN, Number.POSITIVE_INFINITY, '']], 'plain')).toBe(',,,,\r\n');
  });

  it('reads back through the import parser as the same fields', () => {
    const fields = ['Inès; "the chair"', 'line\nbreak', 'a,b', '12,5'];
    for (const dialect of ['excel', 'plain'] as const) {
      const text = writeCsv([fields, ['x', 'y', 'z', 'w']], dialect).replace(/^\uFEFF/, '');
      const delimiter = detectDelimiter(text);
      expect(delimiter).toBe(dialect === 'excel' ? ';' : ',');
      expect(parseCsv(text, delimiter)).toEqual([fields, ['x', 'y', 'z', 'w']]);
    }
  });
});

describe('csvNumber', () => {
  it('never groups thousands nor writes an exponent, and trims to at most 6 decimals', () => {
    expect(csvNumber(1234567.891, ',')).toBe('1234567,891');
    expect(csvNumber(0.1 + 0.2, '.')).toBe('0.3');
    expect(csvNumber(1e-7, '.')).toBe('0');
    expect(csvNumber(-1e-7, ',')).toBe('0');
    expect(csvNumber(1e21, '.')).toBe('1000000000000000000000');
    expect(csvNumber(150, ',')).toBe('150');
    expect(csvNumber(-3.5, ',')).toBe('-3,5');
  });

  it('keeps a fixed count of decimals when one is asked (money)', () => {
    expect(csvNumber(62.5, ',', 2)).toBe('62,50');
    expect(csvNumber(0, '.', 2)).toBe('0.00');
  });
});
