/**
 * Per-diem: the assembly's rules (integer cents) and the payments list for the finance team,
 * computed by main/domain/attendance/perDiem.ts from the attendance log.
 */
import { z } from 'zod';
import type { ExportedFile } from '../domain/assembly/types';
import type { PaymentRow, PaymentsList, PerDiemRules } from '../domain/attendance/types';
import { peopleWithEvents, readPerDiemRules, sessionEvents, timeZone, writePerDiemRules } from '../../db/attendance';
import type { Db } from '../../db/connection';
import { listSessions } from '../../db/sessions';
import { foldAttendance } from '../domain/attendance/state';
import { perDiemFor, type PerDiemAttendance, type PerDiemSession } from '../domain/attendance/perDiem';
import { localParts, minutesOf } from '../domain/attendance/time';
import { DEFAULT_CSV_DIALECT, writeCsv, type CsvCell } from '../domain/csvWrite';
import { CSV_DIALECTS } from '../../preload/vocabulary';
import { compareNames } from '../domain/text';
import { formatIban } from '../domain/recruitment/iban';
import { bankAccountsOf } from '../../db/people';
import { handlers } from '../registry';
import { reportT } from '../reports/i18n';

const cents = z.number().int('must be a whole number of cents').min(0, 'must be at least 0').max(100_000_000, 'must be at most 100000000');

/** The payments as of `now`: sessions that have not started by then pay nothing (domain rule). */
export function paymentsList(db: Db, now: Date): PaymentsList {
  const rules = readPerDiemRules(db);
  const tz = timeZone(db);
  const localNow = localParts(now, tz);
  // Online sessions are attended from home: no per-diem day, travel or childcare.
  const sessions = listSessions(db).filter((s) => s.deletedAt === null && s.kind !== 'online');
  const perDiemSessions: PerDiemSession[] = sessions.map((s) => ({ id: s.id, date: s.date, start: minutesOf(s.startTime), end: minutesOf(s.endTime) }));
  // Person -> their attendance per session, folded from the events.
  const attendance = new Map<string, PerDiemAttendance[]>();
  for (const s of sessions) {
    const byPerson = new Map<string, ReturnType<typeof sessionEvents>>();
    for (const e of sessionEvents(db, s.id)) {
      const list = byPerson.get(e.personId) ?? [];
      list.push(e);
      byPerson.set(e.personId, list);
    }
    for (const [personId, events] of byPerson) {
      const a = foldAttendance(events);
      if (a.arrivedAt === null) continue;
      const arrived = localParts(a.arrivedAt, tz);
      const departed = a.departedAt === null ? null : localParts(a.departedAt, tz);
      // Times on another calendar date than the session's are clamped to its edges.
      const list = attendance.get(personId) ?? [];
      list.push({
        sessionId: s.id,
        arrived: arrived.date === s.date ? arrived.minutes : minutesOf(s.startTime),
        departed: departed === null ? null : departed.date === s.date ? departed.minutes : minutesOf(s.endTime),
      });
      attendance.set(personId, list);
    }
  }
  const rows: PaymentRow[] = peopleWithEvents(db)
    .filter((p) => !p.erased)
    .map((p) => {
      const result = perDiemFor(rules, perDiemSessions, { id: p.id, childcare: p.needsChildcare === 1, attendance: attendance.get(p.id) ?? [] }, localNow);
      return { personId: p.id, code: p.code, firstName: p.firstName, lastName: p.lastName, ...result };
    })
    .sort((a, b) => compareNames(a.lastName, b.lastName) || compareNames(a.firstName, b.firstName));
  return { rules, rows, totalCents: rows.reduce((s, r) => s + r.totalCents, 0) };
}

/** An IBAN in its printed groups of four, as banks' upload forms and people read it. */
const formatAccount = (iban: string | undefined): string => (iban === undefined ? '' : formatIban(iban));

/** Integer cents as euros with two decimals, in the CSV dialect's decimal mark. */
const euros = (c: number): CsvCell => ({ value: c / 100, decimals: 2 });

export const perDiemHandlers = handlers({
  'perDiem.rules': {
    args: z.strictObject({}),
    run: (_args, ctx): PerDiemRules => readPerDiemRules(ctx.requireDb()),
  },

  'perDiem.setRules': {
    args: z.strictObject({
      fullDayCents: cents.optional(),
      halfDayCents: cents.optional(),
      travelCents: cents.optional(),
      childcareCents: cents.optional(),
      thresholdMinutes: z.number().int('must be a whole number of minutes').min(0, 'must be at least 0').max(720, 'must be at most 720').optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): PerDiemRules => {
        const before = readPerDiemRules(db);
        const after = { ...before, ...args };
        writePerDiemRules(db, after);
        audit({ entity: 'perDiem', entityId: null, action: 'perDiem.setRules', before, after });
        return after;
      }),
  },

  'perDiem.payments': {
    args: z.strictObject({}),
    run: (_args, ctx): PaymentsList => paymentsList(ctx.requireDb(), ctx.clock()),
  },

  /**
   * The payments as CSV (domain/csvWrite.ts), in a dialect: excel (default: semicolon, decimal
   * comma) or plain (comma, decimal point). The content carries the excel dialect's byte-order
   * mark itself: the renderer saves it as it is.
   */
  'perDiem.exportCsv': {
    args: z.strictObject({
      dialect: z.enum(CSV_DIALECTS, { message: `must be ${CSV_DIALECTS.join(' or ')}` }).optional(),
      /** The headers' language (the report words); default: the app's language. */
      lang: z.enum(['nl', 'fr', 'en'], { message: 'must be nl, fr or en' }).optional(),
    }),
    run: (args, ctx): ExportedFile => {
      const list = paymentsList(ctx.requireDb(), ctx.clock());
      const t = reportT(args.lang ?? ctx.settings.get().language);
      const euro = (key: string) => `${t(`report.columns.${key}`)} (EUR)`;
      // The bank account for the transfer, where the person gave one with consent (else empty):
      // this file is for the finance team only, and is personal data like its names. "IBAN" is
      // the same word in every language.
      const accounts = bankAccountsOf(ctx.requireDb(), list.rows.map((r) => r.personId));
      const header = [t('report.columns.code'), t('report.columns.lastName'), t('report.columns.firstName'), 'IBAN', t('report.columns.fullDays'), t('report.columns.halfDays'), euro('perDiem'), euro('travel'), euro('childcare'), euro('total')];
      const lines: CsvCell[][] = [
        header,
        ...list.rows.map((r) => [
          r.code,
          r.lastName,
          r.firstName,
          formatAccount(accounts.get(r.personId)),
          r.fullDays,
          r.halfDays,
          euros(r.perDiemCents),
          euros(r.travelCents),
          euros(r.childcareCents),
          euros(r.totalCents),
        ]),
      ];
      const content = writeCsv(lines, args.dialect ?? DEFAULT_CSV_DIALECT);
      return { fileName: `per-diem-${ctx.nowIso().slice(0, 10)}.csv`, content };
    },
  },
});
