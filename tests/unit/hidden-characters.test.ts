/**
 * Hidden characters in names (issue 18, "clean names"): a right-to-left override, a zero-width
 * space or a line break makes a name look like another on a badge or list. The import names
 * the row, column, character and position and offers the cleaned value; entry through the API
 * refuses them with a rule the UI translates.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hiddenCharactersIn, withoutHiddenCharacters } from '../../main/domain/text';
import { mapRows, type ColumnMapping } from '../../main/domain/import/mapRows';
import { requiredLine, text } from '../../main/services/schemas';
import { fieldProblemsFromZod } from '../../main/validation';

const RLO = '\u202E';
const ZWSP = '\u200B';

describe('hidden characters', () => {
  it('finds bidi overrides, zero-width and control characters by code point and position', () => {
    expect(hiddenCharactersIn(`Jan${RLO}sreeteP`)).toEqual([{ codePoint: 'U+202E', name: 'right-to-left override', position: 4 }]);
    expect(hiddenCharactersIn(`Ann${ZWSP}a`).map((c) => c.codePoint)).toEqual(['U+200B']);
    expect(hiddenCharactersIn('Jan\u0007').map((c) => c.name)).toEqual(['control character']);
    expect(hiddenCharactersIn('Jan\nPeeters').map((c) => c.name)).toEqual(['line break']);
    expect(hiddenCharactersIn('Jan\nPeeters', { allowLineBreaks: true })).toEqual([]);
    // Accents, apostrophes, hyphens and non-Latin letters are names, not hidden characters.
    expect(hiddenCharactersIn('Zoë D’Hondt-Van Çelik Łukasz Ωμέγα 王')).toEqual([]);
    // Positions count characters as a person does, an emoji (two UTF-16 units) as one.
    expect(hiddenCharactersIn(`😀${RLO}`)[0]!.position).toBe(2);
    expect(withoutHiddenCharacters(`Ja${ZWSP}n ${RLO}Peeters\u2066`)).toBe('Jan Peeters');
  });

  it('refuses them at import, naming the row, column and character, and offers the cleaned value', () => {
    const mapping: ColumnMapping = { columns: [{ kind: 'field', field: 'firstName' }, { kind: 'field', field: 'lastName' }, { kind: 'field', field: 'notes' }] };
    const rows = [
      ['Jan', `Peeters${RLO}`, 'fine'],
      ['Anna', 'De\nSmet', 'line\nbreaks are fine in notes'],
      [`Li${ZWSP}sa`, 'Maes', `a hidden ${ZWSP} in notes`],
      ['Ok', 'Person', 'ok'],
    ];
    const { problems, drafts } = mapRows({ header: ['Voornaam', 'Naam', 'Opmerkingen'], rows, rowNumbers: [2, 3, 4, 5] }, mapping, { referenceYear: 2027 });
    const hidden = problems.filter((p) => p.rule === 'hiddenCharacter');
    expect(hidden.map((p) => [p.row, p.column, p.params?.character, p.params?.cleaned])).toEqual([
      [2, 'Naam', 'U+202E', 'Peeters'],
      [3, 'Naam', 'U+000A', 'DeSmet'],
      [4, 'Voornaam', 'U+200B', 'Lisa'],
      [4, 'Opmerkingen', 'U+200B', 'a hidden  in notes'],
    ]);
    expect(hidden[0]!.message).toContain('Row 2, column "Naam"');
    expect(hidden[0]!.message).toContain('U+202E (right-to-left override) at position 8');
    // Only the clean row is a person to add.
    expect(drafts.map((d) => d.firstName)).toEqual(['Ok']);
  });

  it('refuses them at entry with a stable rule; free text keeps its line breaks', () => {
    const name = z.strictObject({ lastName: requiredLine(100), notes: text(2000) });
    const refused = name.safeParse({ lastName: `Peeters${RLO}`, notes: 'two\nlines' }, { reportInput: true });
    expect(refused.success).toBe(false);
    expect(fieldProblemsFromZod(refused.error!.issues)).toEqual([
      expect.objectContaining({ field: 'lastName', rule: 'hiddenCharacter', params: { character: 'U+202E', position: 8, count: 1 } }),
    ]);
    expect(fieldProblemsFromZod(name.safeParse({ lastName: 'De\nSmet', notes: '' }, { reportInput: true }).error!.issues)[0]).toMatchObject({ field: 'lastName', rule: 'hiddenCharacter' });
    expect(name.safeParse({ lastName: 'Peeters', notes: 'two\nlines' }).success).toBe(true);
    expect(fieldProblemsFromZod(name.safeParse({ lastName: 'Peeters', notes: `x${ZWSP}` }, { reportInput: true }).error!.issues)[0]).toMatchObject({ field: 'notes', rule: 'hiddenCharacter' });
  });
});
