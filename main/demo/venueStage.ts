/**
 * The demo "at the venue": after recruitment, a panel drawn (the legacy draw, seeded: quick and
 * reproducible; the Selection page shows how LEXIMIN would do better), its members confirmed,
 * a few needs noted, per-diem rules set, and the first weekend's check-ins recorded. The later
 * sessions are still ahead, for the check-in desk.
 */
import type { AttendanceEvent, Session } from '../../preload/contract';
import { insertEvent, writePerDiemRules } from '../../db/attendance';
import type { Db } from '../../db/connection';
import type { IdFactory } from '../../db/ids';
import { insertStatusChange, updatePersonFields } from '../../db/people';
import type { DemoAssembly } from '../domain/demo/generate';
import { instantOf } from '../domain/attendance/time';
import { createRandom, type Seed } from '../domain/random';
import { householdKey } from '../domain/recruitment/normalise';
import { buildInstance } from '../domain/selection/instance';
import { legacyDraw } from '../domain/selection/legacy';

export const DEMO_DEVICE = 'demo laptop';
const DIETS = ['vegetarian', 'halal', 'gluten-free', 'vegan'];

/** Minutes -> HH:MM. */
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function fillVenueStage(
  db: Db,
  input: {
    demo: DemoAssembly;
    seed: Seed;
    newId: IdFactory;
    at: string;
    operator: string;
    personIds: Map<string, string>;
    quotas: { feature: string; value: string; min: number; max: number }[];
    sessions: Session[];
  },
): { panel: string[]; checkIns: number } {
  const { demo, newId, at, operator } = input;
  const random = createRandom(`${input.seed}/venue`);
  const built = buildInstance({
    pool: demo.people.map((p) => ({ code: p.code, household: householdKey(p), features: p.features })),
    quotas: input.quotas,
    panelSize: demo.assembly.panelSize,
    onePerHousehold: true,
  });
  const panel = legacyDraw(built.instance, random);
  if (!panel) throw new Error('demo: the legacy draw found no panel for the demo quotas');

  for (const code of panel) {
    const id = input.personIds.get(code)!;
    insertStatusChange(db, { id: newId(), personId: id, from: 'pool', to: 'selected', date: null, reason: 'drawn for the demo', at, operator });
    insertStatusChange(db, { id: newId(), personId: id, from: 'selected', to: 'confirmed', date: null, reason: null, at, operator });
    const needs: Record<string, unknown> = { status: 'confirmed' };
    const r = random.next();
    if (r < 0.15) needs.needsDiet = DIETS[Math.floor(random.next() * DIETS.length)];
    if (r > 0.96) needs.needsAccessibility = 'wheelchair access';
    if (random.next() < 0.08) needs.needsChildcare = true;
    updatePersonFields(db, id, needs, at);
  }

  writePerDiemRules(db, { fullDayCents: 5000, halfDayCents: 2500, travelCents: 1000, childcareCents: 2000, thresholdMinutes: 30 });

  // The first weekend: most arrive between 09:00 and 09:40, a few late, a few excused or absent.
  const firstWeekend = [...input.sessions].sort((a, b) => a.date.localeCompare(b.date)).slice(0, 2);
  let checkIns = 0;
  for (const session of firstWeekend) {
    const start = Number(session.startTime.slice(0, 2)) * 60 + Number(session.startTime.slice(3));
    for (const code of panel) {
      const personId = input.personIds.get(code)!;
      const r = random.next();
      const event = (kind: AttendanceEvent['kind'], minutes: number, reason: string | null = null): AttendanceEvent => ({
        id: newId(),
        sessionId: session.id,
        personId,
        kind,
        at: instantOf(session.date, hhmm(minutes), 'Europe/Brussels'),
        operator,
        device: DEMO_DEVICE,
        source: 'desk',
        reason,
        undoes: null,
        recordedAt: at,
      });
      if (r < 0.04) {
        insertEvent(db, { ...event('excused', start - 24 * 60 < 0 ? 0 : start - 120, 'ill'), at: instantOf(session.date, '07:30', 'Europe/Brussels') });
        continue;
      }
      if (r < 0.07) continue; // did not come
      const late = r > 0.95;
      insertEvent(db, event('checkIn', late ? start + 35 + Math.floor(random.next() * 30) : start - 30 + Math.floor(random.next() * 40)));
      checkIns++;
      if (random.next() < 0.05) insertEvent(db, event('checkOut', start + 6 * 60));
    }
  }
  return { panel, checkIns };
}
