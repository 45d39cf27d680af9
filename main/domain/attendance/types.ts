/** Attendance, as it crosses the API: the check-in desk, paper sign-in sheets, the live dashboard, per-diem. */
import type { PersonLanguage } from '../../../preload/vocabulary';
import type { Session } from '../sessions/types';

/**
 * One fact recorded at the desk. Events are never changed: an undo is a new event naming the one
 * it cancels. The id is a UUIDv7 made where the event happened, so events merged from another
 * laptop are recognised (merging the same event twice adds nothing).
 */
export type AttendanceEventKind = 'checkIn' | 'checkOut' | 'excused' | 'undo';

export interface AttendanceEvent {
  id: string;
  sessionId: string;
  personId: string;
  kind: AttendanceEventKind;
  /** When it happened (ISO instant): the arrival or departure time, or when the excuse was noted. */
  at: string;
  operator: string;
  device: string;
  /** desk: typed or scanned at the desk; paper: entered afterwards from a sign-in sheet; merge: from another laptop. */
  source: 'desk' | 'paper' | 'merge';
  /** excused: the reason. */
  reason: string | null;
  /** undo: the id of the event it cancels. */
  undoes: string | null;
  /** When this laptop stored it. */
  recordedAt: string;
}

/** expected: not (yet) arrived; present: checked in; left: checked out; excused: absence excused. */
export type AttendanceState = 'expected' | 'present' | 'left' | 'excused';

export interface RosterEntry {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  /** Accent- and case-free "first last code", for the desk's instant search. */
  searchKey: string;
  language: PersonLanguage | null;
  /** The person's table in this session (small-group tables; null until they exist). */
  table: string | null;
  phone: string | null;
  needs: { accessibility: string; diet: string; childcare: boolean; travel: string };
  state: AttendanceState;
  /** Local wall-clock HH:MM at the venue (the assembly's time zone). */
  arrivedAt: string | null;
  departedAt: string | null;
  /** The standing arrival as an instant (ISO): a station judges a check-out time against it before the host does. */
  arrivedInstant: string | null;
  /** Minutes after the session's start (arrival) or before its end (departure); null when on time or unknown. */
  lateMinutes: number | null;
  earlyMinutes: number | null;
  excuseReason: string | null;
  /** The events that made the current state, newest first (what "undo" cancels). */
  undoable: { eventId: string; kind: Exclude<AttendanceEventKind, 'undo'>; at: string }[];
  /** HH:MM of a check-in on the session's day that was undone, while the person is not here: offered again at the desk. */
  undoneArrivedAt: string | null;
}

export interface SessionRoster {
  session: Session;
  /** The venue's time zone (IANA): a station turns a time of day at the venue into an instant with it. */
  timeZone: string;
  /** Confirmed participants: the people expected at every session. */
  expected: number;
  present: number;
  left: number;
  excused: number;
  rows: RosterEntry[];
}

/** What a merge added and skipped (already recorded); a merge with a refused event adds nothing. */
export interface MergeResult {
  added: number;
  skipped: number;
}

/**
 * An event of a merge that the desk's rules refuse (listed in the VALIDATION error's
 * `details.refused`, with the reason in words and its i18n key; nothing of the batch is written).
 */
export interface MergeRefusal {
  /** 1-based position in the batch. */
  index: number;
  eventId: string;
  sessionId: string;
  personId: string;
  kind: AttendanceEventKind;
  at: string;
  key: string;
  reason: string;
  /**
   * The parameters of the sentence under `key` (times, a badge code, a status), so that a station
   * shows the reason in its own language. Never a name: a station may keep its conflicts on the device.
   */
  params?: Record<string, string | number>;
}

/**
 * What the host did with a station's queued events (attendance.submitQueued): the ids it recorded
 * (or had already recorded from this device), and the ones it refused, each with its reason.
 */
export interface QueuedResult {
  accepted: string[];
  refused: MergeRefusal[];
}

/** A session's figures: expected (not excused), present, left, excused. */
export interface RosterTotals {
  expected: number;
  present: number;
  left: number;
  excused: number;
}

export interface AttendanceResult {
  person: RosterEntry;
  event: AttendanceEvent;
  /** The session's figures after this event (the desk shows them as they are). */
  totals: RosterTotals;
}

export interface SessionDashboard {
  session: Session;
  expected: number;
  present: number;
  left: number;
  excused: number;
  /** Cumulative arrivals per 5 minutes, local HH:MM, from the first arrival. */
  arrivals: { time: string; arrived: number }[];
  /** Per quota feature and value: the panel's quota, the confirmed members, and who is here now. */
  composition: { feature: string; value: string; min: number | null; max: number | null; confirmed: number; present: number }[];
}

/** Per-diem rules of the assembly: amounts in integer cents. */
export interface PerDiemRules {
  fullDayCents: number;
  halfDayCents: number;
  /** Per day attended, for everyone. */
  travelCents: number;
  /** Per day attended, for people who need childcare. */
  childcareCents: number;
  /** Arriving later or leaving earlier than this many minutes makes the day a half day. */
  thresholdMinutes: number;
}

export interface PaymentRow {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  fullDays: number;
  halfDays: number;
  /** Per day: the date, full or half, and why a half day. */
  days: { date: string; kind: 'full' | 'half'; reason: 'late' | 'early' | 'partial' | null }[];
  perDiemCents: number;
  travelCents: number;
  childcareCents: number;
  totalCents: number;
}

export interface PaymentsList {
  rules: PerDiemRules;
  rows: PaymentRow[];
  totalCents: number;
}

/** A person by id, or by the code on their badge (exactly one of the two). */
export interface PersonRef {
  personId?: string;
  code?: string;
}
