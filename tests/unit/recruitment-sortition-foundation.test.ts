import { describe, expect, it } from 'vitest';
import {
  csvField,
  neutraliseFormula,
  parseCategoriesCsv,
  peopleCsvColumns,
  writeCategoriesCsv,
  writePeopleCsv,
  type CategoryRow,
} from '../../main/domain/recruitment/sortitionFoundation';

const row = (feature: string, value: string, min: number, max: number, minFlex: number | null = null, maxFlex: number | null = null): CategoryRow => ({
  feature,
  value,
  min,
  max,
  minFlex,
  maxFlex,
});

/** Splits simple test CSV (no quoted fields) into rows. */
const rowsOf = (text: string) => text.trim().split('\n').map((line) => line.split(','));

describe('parseCategoriesCsv', () => {
  it('reads the current format', () => {
    expect(parseCategoriesCsv(rowsOf('feature,value,min,max\ngender,female,5,7\ngender,male,5,7'))).toEqual({
      rows: [row('gender', 'female', 5, 7), row('gender', 'male', 5, 7)],
      problems: [],
    });
  });

  it('reads flex columns, any column order, any header case, extra columns and blank rows', () => {
    const parsed = parseCategoriesCsv([
      ['\uFEFFMax', ' Feature ', 'note', 'MIN_FLEX', 'value', 'min', 'max_flex'],
      ['7', 'age', 'young people', '0', '16-24', '5', '10'],
      ['', '', '', '', '', '', ''],
      ['6', ' age ', '', '', ' 25-44 ', '4', ''],
    ]);
    expect(parsed).toEqual({ rows: [row('age', '16-24', 5, 7, 0, 10), row('age', '25-44', 4, 6, null, null)], problems: [] });
  });

  it('reads the older category/name header', () => {
    expect(parseCategoriesCsv(rowsOf('category,name,min,max\nregion,north,2,3')).rows).toEqual([row('region', 'north', 2, 3)]);
  });

  it("reads the Nature paper's replication header category,feature,min,max (category is the feature, feature its value)", () => {
    const parsed = parseCategoriesCsv(rowsOf('category,feature,min,max\ngender,female,54,56\ngender,male,54,56\nage,16-29,20,25'));
    expect(parsed).toEqual({ rows: [row('gender', 'female', 54, 56), row('gender', 'male', 54, 56), row('age', '16-29', 20, 25)], problems: [] });
    // Its problems are named with the file's own column names.
    expect(parseCategoriesCsv(rowsOf('category,feature,min,max\ngender,,1,2')).problems).toEqual([
      { row: 2, column: 'feature', message: 'Row 2: the feature is empty.' },
    ]);
    // A Sortition Foundation file with both a feature and a value column is read as before.
    expect(parseCategoriesCsv(rowsOf('category,feature,value,min,max\nx,gender,female,1,2')).rows).toEqual([row('gender', 'female', 1, 2)]);
  });

  it('names every missing or repeated header column', () => {
    expect(parseCategoriesCsv(rowsOf('feature,min,min,name_of_value\nx,1,2,y')).problems).toEqual([
      { row: 1, column: null, message: 'The header has no "value" or "name" column.' },
      { row: 1, column: 'min', message: 'The header has 2 columns called "min" (columns 2, 3).' },
      { row: 1, column: null, message: 'The header has no "max" column.' },
    ]);
    expect(parseCategoriesCsv(rowsOf('feature,value,min,max,min_flex\nx,y,1,2,0')).problems).toEqual([
      { row: 1, column: null, message: 'The header has no "max_flex" column: min_flex and max_flex go together.' },
    ]);
    expect(parseCategoriesCsv([]).problems).toMatchObject([{ row: 1, column: null }]);
    expect(parseCategoriesCsv([['', '']]).problems).toMatchObject([{ row: 1, message: expect.stringMatching(/empty/) }]);
  });

  it('reports every problem of every row at once, by spreadsheet row number', () => {
    const parsed = parseCategoriesCsv([
      ['feature', 'value', 'min', 'max', 'min_flex', 'max_flex'],
      ['gender', 'female', '5', '7', '0', '10'], // row 2: fine
      ['', 'male', '1.5', '-2', '0', '10'], // row 3
      ['gender', '', 'x', '', '', ''], // row 4
      ['age', 'young', '6', '4', '7', '3'], // row 5
      ['gender', 'female', '1', '2', '', ''], // row 6: repeats row 2
      ['age', 'old', '1', '2'], // row 7: fine, short row
    ]);
    expect(parsed.problems).toEqual([
      { row: 3, column: 'feature', message: 'Row 3: the feature is empty.' },
      { row: 3, column: 'min', message: 'Row 3: min is "1.5", not a whole number.' },
      { row: 3, column: 'max', message: 'Row 3: max is -2; it cannot be negative.' },
      { row: 4, column: 'value', message: 'Row 4: the value is empty.' },
      { row: 4, column: 'min', message: 'Row 4: min is "x", not a whole number.' },
      { row: 4, column: 'max', message: 'Row 4: max is empty; give a whole number of 0 or more.' },
      { row: 5, column: 'min', message: 'Row 5: the min (6) is above the max (4).' },
      { row: 5, column: 'min_flex', message: 'Row 5: min_flex (7) is above min (6); it may only be lower or equal.' },
      { row: 5, column: 'max_flex', message: 'Row 5: max_flex (3) is below max (4); it may only be higher or equal.' },
      { row: 6, column: null, message: 'Row 6: gender "female" appears twice, in rows 2 and 6.' },
    ]);
    expect(parsed.rows).toEqual([row('gender', 'female', 5, 7, 0, 10), row('age', 'old', 1, 2)]);
  });

  it('names columns as the file does', () => {
    expect(parseCategoriesCsv(rowsOf('Category,Name,Min,Max\n,x,1,1')).problems).toEqual([
      { row: 2, column: 'Category', message: 'Row 2: the Category is empty.' },
    ]);
  });

  it('accepts equal flex bounds', () => {
    const parsed = parseCategoriesCsv(rowsOf('feature,value,min,max,min_flex,max_flex\ng,female,2,3,2,3\ng,male,2,3,0,9'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
  });

  it('treats values that differ only in case or accents as the same row, as the assembly does', () => {
    // Otherwise "Female" and "female" would land on one value and the second would silently win.
    const parsed = parseCategoriesCsv(rowsOf('feature,value,min,max\nGender,Female,2,3\ngender,female,0,9\nRégion,Liège,1,2\nregion,Liege,1,2'));
    expect(parsed.problems.map((p) => p.row)).toEqual([3, 5]);
    expect(parsed.problems[0]!.message).toContain('appears twice, in rows 2 and 3');
  });
});

describe('writeCategoriesCsv', () => {
  it('writes the header and rows with CRLF', () => {
    expect(writeCategoriesCsv([row('gender', 'female', 5, 7), row('gender', 'male', 5, 7)], { flex: false })).toBe(
      'feature,value,min,max\r\ngender,female,5,7\r\ngender,male,5,7\r\n',
    );
  });

  it('fills flex columns with the tool defaults when absent', () => {
    const text = writeCategoriesCsv(
      [row('gender', 'female', 5, 7, 4, 9), row('gender', 'male', 5, 7), row('age', 'young', 1, 20), row('age', 'old', 1, 20)],
      { flex: true },
    );
    expect(text).toBe(
      'feature,value,min,max,min_flex,max_flex\r\n' +
        'gender,female,5,7,4,9\r\n' +
        'gender,male,5,7,0,40\r\n' +
        'age,young,1,20,0,40\r\n' +
        'age,old,1,20,0,40\r\n',
    );
  });

  it('quotes and defuses fields, and reads its own output back', () => {
    const rows = [row('Education, highest', 'say "none"', 1, 2), row('Age', '-', 0, 1), row('Note', '=1+1', 0, 1), row('Age', '+65 years', 0, 1)];
    const text = writeCategoriesCsv(rows, { flex: false });
    expect(text).toBe(
      'feature,value,min,max\r\n"Education, highest","say ""none""",1,2\r\nAge,-,0,1\r\nNote,\'=1+1,0,1\r\nAge,\'+65 years,0,1\r\n',
    );
    const cells = [
      ['feature', 'value', 'min', 'max'],
      ['Education, highest', 'say "none"', '1', '2'],
      ['Age', '-', '0', '1'],
      ['Note', "'=1+1", '0', '1'],
      ['Age', "'+65 years", '0', '1'],
    ];
    expect(parseCategoriesCsv(cells).rows).toEqual(rows);
  });
});

describe('CSV fields', () => {
  it('quotes by RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('quotes for another delimiter and defuses formulas', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField('-5')).toBe('-5');
  });

  it('defuses formulas but leaves plain numbers', () => {
    for (const f of ['=SUM(A1)', '@cmd', '\tx', '\rx', '+cmd', '-cmd', "-2+3+cmd|' /C calc'!A0", '+ 65', '--1']) {
      expect(neutraliseFormula(f)).toBe(`'${f}`);
    }
    for (const f of ['-5', '+32 475 12 34 56', '-2.5', '+3,5', '-', '+', 'a=b', '65+', '', "'quoted"]) {
      expect(neutraliseFormula(f)).toBe(f);
    }
  });
});

describe('people file', () => {
  it('has the pseudonymous id, then the features', () => {
    expect(peopleCsvColumns(['gender', 'age'])).toEqual(['id', 'gender', 'age']);
    expect(() => peopleCsvColumns(['ID'])).toThrow(RangeError);
    expect(() => peopleCsvColumns(['age', 'Age'])).toThrow(RangeError);
  });

  it('writes quoted, defused rows with CRLF', () => {
    const text = writePeopleCsv(peopleCsvColumns(['gender', 'region']), [
      ['K7XQ4M', 'female', 'Brussels, centre'],
      ['AC3D9F', '=HYPERLINK("x")', '-'],
    ]);
    expect(text).toBe('id,gender,region\r\nK7XQ4M,female,"Brussels, centre"\r\nAC3D9F,"\'=HYPERLINK(""x"")",-\r\n');
    expect(writePeopleCsv(['id'], [])).toBe('id\r\n');
  });

  it('refuses rows that do not fit the header', () => {
    expect(() => writePeopleCsv(['id', 'gender'], [['K7XQ4M']])).toThrow(/Row 2 of the people file has 1 fields, the header 2/);
  });
});
