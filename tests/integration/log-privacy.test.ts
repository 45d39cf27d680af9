/**
 * Personal data never reaches the logs (issue 10, "Security review").
 *
 * A whole session through the registry with a log sink (createAppRegistry(log)): a pool
 * imported (once refused for a bad row, then in full), people moved through the lifecycle and
 * edited, a contact noted, one person erased, a session held with check-ins and the usual desk
 * errors (an unknown code, someone not confirmed, a second check-in), an unexpected failure
 * (INTERNAL, which is what the sink logs), and every kind of export. Then everything logged is
 * searched for every name, e-mail address and phone number of the people involved: the sink,
 * anything written to the console, stdout or stderr, and the audit log in the assembly file.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../preload/contract';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

interface Respondent {
  first: string;
  last: string;
  email: string;
  phone: string;
}

/** Names that occur nowhere else in the app, so any hit is a leak. */
const PEOPLE: Respondent[] = [
  { first: 'Wilhelmina', last: 'Zwanepoel', email: 'wilhelmina.zwanepoel@voorbeeld.be', phone: '0475 91 82 73' },
  { first: 'Barnabé', last: 'Quatremère', email: 'b.quatremere@exemple.be', phone: '+32 476 28 39 40' },
  { first: 'Oskarina', last: 'Vleminckx', email: 'oskarina@vleminckx.example', phone: '0477/51.62.73' },
  { first: 'Jozefien', last: 'Raspoet', email: 'jozefien.raspoet@voorbeeld.be', phone: '0478 13 24 35' },
  { first: 'Théophile', last: 'Ghysbrecht', email: 'theo.ghysbrecht@exemple.be', phone: '0479 46 57 68' },
  { first: 'Radegonde', last: 'Wauthier', email: 'radegonde@wauthier.example', phone: '0470 79 80 91' },
  { first: 'Ermengarde', last: 'Kerckhofs', email: 'e.kerckhofs@voorbeeld.be', phone: '0471 02 13 24' },
  { first: 'Fulgentius', last: 'Demuynck', email: 'fulgentius.demuynck@voorbeeld.be', phone: '0472 35 46 57' },
];
/** Typed later, in an edit and a failed edit. */
const EDITED = { last: 'Zwanepoel-Hoebeke', email: 'w.zh@nieuw.example', phone: '0468 99 88 77' };
const FAILED_EDIT = { first: 'Cunegonda', email: 'cunegonda@geheim.example' };

function csv(rows: Respondent[], bad?: Respondent): string {
  const lines = ['Voornaam;Naam;E-mail;GSM;Straat;Huisnummer;Postcode;Gemeente;Geboortejaar;Geslacht'];
  rows.forEach((p, i) => lines.push(`${p.first};${p.last};${p.email};${p.phone};Kerkstraat;${i + 1};9000;Gent;${1960 + i * 5};${i % 2 ? 'man' : 'vrouw'}`));
  if (bad) lines.push(`${bad.first};${bad.last};${bad.email};${bad.phone};Kerkstraat;99;9000;Gent;19x5;man`);
  return lines.join('\r\n') + '\r\n';
}

/** Each piece of personal data in the forms it may take: as typed, folded, digits only. */
function needles(): string[] {
  const out = new Set<string>();
  const people = [...PEOPLE, { ...PEOPLE[0]!, ...EDITED }];
  for (const p of people) {
    for (const v of [p.first, p.last, p.email, p.phone]) {
      out.add(v);
      out.add(v.toLowerCase());
      out.add(v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    }
    const digits = p.phone.replace(/\D/g, '');
    out.add(digits);
    out.add(digits.replace(/^0/, '32'));
    out.add(p.email.split('@')[0]!);
  }
  out.add(FAILED_EDIT.first);
  out.add(FAILED_EDIT.email);
  return [...out].filter((n) => n.length >= 6);
}

describe('logs contain no personal data', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a whole session, errors and exports included, logs no name, e-mail or phone', async () => {
    // Everything that could be a log: the registry's sink, the console, stdout and stderr.
    const logged: string[] = [];
    const capture =
      (channel: string) =>
      (...args: unknown[]) => {
        logged.push(`${channel}: ${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
        return true;
      };
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, method).mockImplementation(capture(`console.${method}`));
    vi.spyOn(process.stdout, 'write').mockImplementation(capture('stdout') as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture('stderr') as typeof process.stderr.write);

    const sink: string[] = [];
    const registry = createAppRegistry((msg) => sink.push(msg));
    const ctx = new AppContext('cli', tempDir());
    const answers: { method: string; result: ApiResult<unknown> }[] = [];
    const raw = async (method: string, args: unknown) => {
      const result = await registry.call(method, args, ctx);
      answers.push({ method, result });
      return result;
    };
    const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
      const result = await raw(method, args);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.data as ResultOf<M>;
    };
    const refused = async (method: string, args: unknown, code: string) => {
      const result = await raw(method, args);
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(result.error.code, `${method}: ${result.error.message}`).toBe(code);
    };

    await call('app.setOperator', { name: 'Desk 1' });
    await call('app.createAssembly', { name: 'Privacy', panelSize: 6 });

    // Import: refused whole for a bad row (the refusal names the row), then in full.
    const bad = { first: 'Wendelinus', last: 'Fonteyne', email: 'wendelinus@fonteyne.example', phone: '0473 11 22 33' };
    PEOPLE.push(bad);
    const first = await call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(csv(PEOPLE.slice(0, -1), bad), 'latin1').toString('base64') });
    await call('imports.check', { uploadId: first.uploadId, mapping: first.mapping });
    await refused('imports.commit', { uploadId: first.uploadId, mapping: first.mapping, mode: 'allOrNothing' }, 'VALIDATION');
    const partial = await call('imports.commit', { uploadId: first.uploadId, mapping: first.mapping, mode: 'validOnly' });
    expect(partial).toMatchObject({ imported: PEOPLE.length - 1, rejected: 1 });
    // The same file again: everyone already in the pool.
    const again = await call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(csv(PEOPLE.slice(0, -1))).toString('base64') });
    await call('imports.commit', { uploadId: again.uploadId, mapping: again.mapping, mode: 'allOrNothing' });
    await call('people.list', { query: 'zwanepoel' });
    await call('duplicates.list', {});

    // The lifecycle: five confirmed, one only selected, one erased.
    const all = (await call('people.list', { limit: 100 })).rows;
    const byLast = (last: string) => all.find((p) => p.lastName === last)!;
    const members = PEOPLE.slice(0, 5).map((p) => byLast(p.last));
    for (const m of members) {
      await call('people.setStatus', { id: m.id, status: 'selected' });
      await call('people.setStatus', { id: m.id, status: 'confirmed' });
    }
    const notConfirmed = byLast(PEOPLE[5]!.last);
    await call('people.setStatus', { id: notConfirmed.id, status: 'selected' });
    await refused('people.setStatus', { id: notConfirmed.id, status: 'declined' }, 'VALIDATION');
    await call('people.addContact', { id: members[0]!.id, channel: 'phone', date: '2027-02-01', outcome: 'reached', note: `Spoke with ${PEOPLE[0]!.first} on ${PEOPLE[0]!.phone}` } as ArgsOf<'people.addContact'>);
    await call('people.update', { id: members[0]!.id, lastName: EDITED.last, email: EDITED.email, phone: EDITED.phone });
    const erased = byLast(PEOPLE[7]!.last);
    await call('people.erase', { id: erased.id, confirmCode: erased.code });

    // An unexpected failure while editing someone: INTERNAL, and the one thing the sink logs.
    const db = ctx.requireDb();
    db.exec("CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON people BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    await refused('people.update', { id: members[1]!.id, firstName: FAILED_EDIT.first, email: FAILED_EDIT.email }, 'INTERNAL');
    db.exec('DROP TRIGGER temp.fail_update');
    expect(sink.join('\n')).toContain('people.update failed');

    // The desk: check-ins, and the usual errors.
    const session = await call('sessions.create', { name: 'Weekend 1', date: '2027-03-06', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
    for (const m of members.slice(0, 4)) await call('attendance.checkIn', { sessionId: session.id, code: m.code });
    await raw('attendance.checkIn', { sessionId: session.id, code: members[0]!.code });
    await refused('attendance.checkIn', { sessionId: session.id, code: 'ZZZZ-9999' }, 'NOT_FOUND');
    const notMember = await raw('attendance.checkIn', { sessionId: session.id, code: notConfirmed.code });
    expect(notMember.ok).toBe(false);
    await call('attendance.checkOut', { sessionId: session.id, code: members[1]!.code });
    await call('attendance.excuse', { sessionId: session.id, personId: members[4]!.id, reason: `${PEOPLE[4]!.first} is ill` });
    await call('attendance.roster', { sessionId: session.id });
    await call('attendance.dashboard', { sessionId: session.id });

    // Every export, at every privacy level.
    for (const level of ['full', 'pseudonymised', 'aggregate'] as const) {
      await call('reports.export', { report: 'participants', format: 'csv', level });
      await call('reports.export', { report: 'attendance', format: 'csv', level });
      await call('reports.export', { report: 'workbook', format: 'xlsx', level });
      await call('reports.export', { report: 'attendance', format: 'pdf', level });
    }
    await call('attendance.signInSheet', { sessionId: session.id });
    await call('attendance.badges', {});
    await call('people.exportSortition', {});
    await call('audit.list', {});

    // The exports and answers do carry the names (so the needles are real)...
    const answered = JSON.stringify(answers);
    expect(answered).toContain(PEOPLE[1]!.last);
    expect(answered).toContain(EDITED.email);

    // ...and nothing logged does.
    const audit = db.prepare('SELECT operator, entity, entity_id, action, before_json, after_json FROM audit_log').all();
    expect(audit.length).toBeGreaterThan(20);
    const haystacks: [string, string][] = [
      ['registry log sink', sink.join('\n')],
      ['console, stdout and stderr', logged.join('\n')],
      ['audit log', JSON.stringify(audit)],
    ];
    const leaks: string[] = [];
    for (const [where, text] of haystacks) {
      const folded = text.toLowerCase();
      for (const needle of needles()) if (folded.includes(needle.toLowerCase())) leaks.push(`${where}: "${needle}"`);
    }
    expect(leaks).toEqual([]);
    ctx.closeAssembly();
  }, 60_000);
});
