import { describe, expect, it } from 'vitest';
import { ineligibility, readResponseRows } from '../../main/domain/invitations/responses';
import { checkCharacter, formatResponseCode } from '../../main/domain/invitations/responseCode';

const code = (body: string) => body + checkCharacter(body);
const table = (header: string, rows: string[]) => ({ header: header.split(';'), rows: rows.map((r) => r.split(';')), rowNumbers: rows.map((_, i) => i + 2) });

describe('an online form’s answers', () => {
  it('reads Dutch, French and English answers, known feature spellings and the needs', () => {
    const a = code('ACDEFGH');
    const b = code('HGFEDCA');
    const read = readResponseRows(
      table('Code;Réponse;Raison;Consentement;Disponibilité;geslacht;Dieet', [`${formatResponseCode(a).toLowerCase()};oui;;x;tous;v;halal`, `${b};non;trop loin;;;;`]),
      [{ name: 'Geslacht', values: ['V', 'M'] }],
    );
    expect(read.problems).toEqual([]);
    expect(read.drafts).toMatchObject([
      { row: 2, code: a, answer: 'yes', consent: true, availability: 'all', answers: { Geslacht: 'V' }, needs: { diet: 'halal' } },
      { row: 3, code: b, answer: 'no', reason: 'trop loin', consent: false },
    ]);
  });

  it('lists every problem with its row and column', () => {
    const a = code('ACDEFGH');
    const read = readResponseRows(table('Code;Antwoord;Reden;Beschikbaarheid', [`${a};misschien;;`, `${a};nee;;`, `ACDEFGH0;ja;;soms`]), []);
    expect(read.problems.map((p) => p.message)).toEqual([
      'Row 2, column "Antwoord": "misschien" is not an answer: use yes, no or undeliverable (ja, nee, onbestelbaar; oui, non, retour).',
      `Row 3, column "Code": code ${formatResponseCode(a)} already answers on row 2; each code answers once.`,
      'Row 3, column "Reden": a "no" needs its reason (write "not given" when the person gave none).',
      'Row 4, column "Code": "ACDEFGH0" is not a response code: "0" never appears in one.',
      'Row 4, column "Beschikbaarheid": "soms" is not an availability: use all, some or none (alle, sommige, geen; tous, certains, aucun).',
    ]);
    expect(read.drafts).toEqual([]);
  });

  it('refuses a file without a code column, naming its columns', () => {
    expect(readResponseRows(table('Naam;Antwoord', ['An;ja']), []).problems[0]!.message).toBe(
      'The file has no column with the response code (a header such as "code"); its columns are: Naam, Antwoord.',
    );
  });
});

describe('who is eligible', () => {
  it('needs consent, some availability and 16 years on the register', () => {
    expect(ineligibility({ answer: 'yes', consent: true, availability: 'some' }, 1990, 2027)).toEqual([]);
    expect(ineligibility({ answer: 'yes', consent: false, availability: 'none' }, 2015, 2027)).toEqual(['noConsent', 'notAvailable', 'tooYoung']);
  });
});
