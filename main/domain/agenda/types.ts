/** Experts, guests and the agenda, as they cross the API. */
import type { ContributorRole, PersonLanguage, SlotKind } from '../../../preload/vocabulary';
import type { Session } from '../sessions/types';

export type ContributorStatus = 'invited' | 'confirmed' | 'declined';

/** A perspective the assembly defines ("in favour of public funding", "critical", "neutral / academic"). */
export interface Perspective {
  id: string;
  name: string;
  position: number;
}

export interface AvailabilityWindow {
  date: string;
  startTime: string;
  endTime: string;
}

/** Someone who is not a panel member: expert, facilitator, party leader, observer, staff... */
export interface Contributor {
  id: string;
  name: string;
  role: ContributorRole;
  organisation: string;
  topics: string[];
  perspectiveId: string | null;
  /** Languages spoken: nl, fr, de, en. */
  languages: PersonLanguage[];
  email: string | null;
  phone: string | null;
  /** Availability windows; empty = no constraint given. */
  availability: AvailabilityWindow[];
  feeCents: number;
  travelCents: number;
  /** Their name may be published (programme, report). */
  consentPublish: boolean;
  status: ContributorStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type ContributorInput = Omit<Contributor, 'id' | 'createdAt' | 'updatedAt'>;

export interface Room {
  id: string;
  name: string;
  capacity: number;
}

export interface AgendaSlot {
  id: string;
  sessionId: string;
  startTime: string;
  endTime: string;
  kind: SlotKind;
  title: string;
  topic: string;
  roomId: string | null;
  speakerIds: string[];
  facilitatorIds: string[];
  /** Languages the slot is held in. */
  languages: PersonLanguage[];
  /** Interpretation booked into these languages. */
  interpretation: PersonLanguage[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type AgendaSlotInput = Omit<AgendaSlot, 'id' | 'createdAt' | 'updatedAt'>;

export type AgendaWarningKind =
  | 'speakerDoubleBooked'
  | 'speakerUnavailable'
  | 'roomDoubleBooked'
  | 'roomTooSmall'
  | 'outsideSession'
  | 'roomOverlap'
  | 'languageGap'
  | 'speakerWithoutSlot'
  | 'oneSidedTopic';

/** A planning problem, with a sentence and the slots (and people) it is about. */
export interface AgendaWarning {
  kind: AgendaWarningKind;
  message: string;
  slotIds: string[];
  contributorIds: string[];
  /** Named figures for the translated sentence. */
  params: Record<string, string | number>;
}

export interface TopicBalance {
  topic: string;
  /** Minutes of speaking time per perspective (null: speakers without a perspective). */
  perspectives: { perspectiveId: string | null; name: string; minutes: number }[];
  totalMinutes: number;
  /** True when the topic hears one perspective only. */
  oneSided: boolean;
}

export interface LeaderEngagement {
  contributorId: string;
  name: string;
  organisation: string;
  status: ContributorStatus;
  /** The sessions (stages) they take part in, with their slots there. */
  sessions: { sessionId: string; sessionName: string; date: string; slotIds: string[] }[];
}

export interface AgendaOverview {
  sessions: Session[];
  slots: AgendaSlot[];
  contributors: Contributor[];
  perspectives: Perspective[];
  rooms: Room[];
  warnings: AgendaWarning[];
  balance: TopicBalance[];
  leaders: LeaderEngagement[];
  /** Confirmed participants: the expected attendance of plenary slots. */
  expectedAttendance: number;
}
