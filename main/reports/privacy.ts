/**
 * The three privacy levels of every export, applied to the report data before any builder sees
 * it, so that a builder cannot leak what it was never given:
 *
 *  - full (the secretariat): names and contacts of participants.
 *  - pseudonymised: participants by their code only: no names, e-mails, phones or addresses;
 *    contributors (experts, guests) without their contacts, and by role unless they agreed to
 *    publication of their name.
 *  - aggregate (policymakers, the press): no row about a person at all, only counts and
 *    percentages; votes in full; a count of 1 to 4 people is left empty, with the cells that
 *    would give it back (the disclosure policy: disclosure.ts).
 */
import type { ReportData } from './data';

export type PrivacyLevel = 'full' | 'pseudonymised' | 'aggregate';
export const PRIVACY_LEVELS: readonly PrivacyLevel[] = ['full', 'pseudonymised', 'aggregate'];
/**
 * Cells describing fewer people than this are suppressed at the aggregate level. Which cells
 * exactly (with their complements, so that none can be worked out from the totals) is the
 * disclosure policy's business: main/domain/disclosure (the rule) and disclosure.ts (the cells of
 * these reports). Votes and other results are never suppressed.
 */
export { SMALL_CELL } from '../domain/disclosure';

const byCode = <T extends { code: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The report data as a level may show it. */
export function forLevel(data: ReportData, level: PrivacyLevel): ReportData {
  if (level === 'full') return data;
  const agenda = {
    ...data.agenda,
    contributors: data.agenda.contributors.map((c) => ({ ...c, email: null, phone: null, notes: '', name: c.consentPublish ? c.name : '' })),
    leaders: data.agenda.leaders.map((l) => {
      const c = data.agenda.contributors.find((x) => x.id === l.contributorId);
      return { ...l, name: c?.consentPublish ? l.name : '' };
    }),
    // Warnings quote names in their sentences: kept by kind and figures only.
    warnings: data.agenda.warnings.map((w) => ({ ...w, message: '', params: {} })),
  };
  if (level === 'pseudonymised') {
    // Rows by code, not in the name order the full level uses: an alphabetical list of codes
    // would let whoever holds the names match them, and a closed assembly (no names left) must
    // give the same pseudonymised report as before its closing.
    return {
      ...data,
      participants: byCode(data.participants.map((p) => ({ ...p, firstName: '', lastName: '', email: null, phone: null, address: null }))),
      perDiem: { ...data.perDiem, rows: byCode(data.perDiem.rows.map((r) => ({ ...r, firstName: '', lastName: '' }))) },
      tables: data.tables.map((t) => ({ ...t, tables: t.tables.map((x) => ({ ...x, members: byCode(x.members.map((m) => ({ ...m, firstName: '', lastName: '' }))) })) })),
      agenda,
    };
  }
  return {
    ...data,
    participants: [],
    perDiem: { ...data.perDiem, rows: [] },
    tables: data.tables.map((t) => ({ ...t, tables: t.tables.map((x) => ({ ...x, members: [] })), moved: [], settings: { ...t.settings, pins: [], apart: [] } })),
    selection: data.selection.map((r) => ({ ...r, panel: null, reserve: null })),
    agenda,
  };
}
