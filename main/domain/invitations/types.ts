/** Recruitment from the first letter, as it crosses the API. */
import type { PersonLanguage } from '../../../preload/vocabulary';
import type { Funnel } from './funnel';
import type { StratifyBy } from './groups';
export type { Funnel, StratifyBy };

/** One resident of the register extract as read from the file, before it is stored. */
export interface RegisterDraft {
  rowNumber: number;
  firstName: string;
  lastName: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  birthYear: number | null;
  gender: string | null;
  language: PersonLanguage | null;
  householdKey: string | null;
  /** Other mapped feature columns: name -> value. */
  features: Record<string, string>;
}

/** The parameters of an invitation lottery (main/domain/invitations/lottery.ts). */
export interface InvitationParams {
  size: number;
  stratifyBy: StratifyBy;
  /** Group -> factor (> 0); groups not named have factor 1. */
  oversampling: Record<string, number>;
  onePerAddress: boolean;
  /** The year ages are counted at (age bands). */
  referenceYear: number;
  /** Register positions left out: residents who already have a letter (an additional batch). */
  excluded?: number[];
}

/** One group's share of the letters. */
export interface GroupAllocation {
  group: string;
  /** Residents (or addresses) in the register in this group. */
  population: number;
  factor: number;
  /** population × factor / Σ, times N: the exact share before rounding. */
  exact: number;
  quota: number;
}

/** What is published about a run: enough, with the same extract, to draw it again. */
export interface InvitationRecord {
  algorithm: string;
  registerHash: string;
  registerSize: number;
  params: InvitationParams;
  seed: string;
  allocation: { group: string; population: number; factor: number; quota: number }[];
  letters: number;
  drawnHash: string;
}


/** What the lottery reads of each resident. `position` is the resident's place in the register. */
export interface RegisterResident {
  position: number;
  householdKey: string | null;
  city: string | null;
  postcode: string | null;
  birthYear: number | null;
  gender: string | null;
}


export interface RegisterSummary {
  /** The extract held, or null when none is (never imported, or removed at closing). */
  register: {
    id: string;
    at: string;
    operator: string;
    fileName: string;
    residents: number;
    addresses: number;
    registerHash: string;
    /** Group -> residents, per group the lottery can stratify by. */
    groups: Record<Exclude<StratifyBy, 'none'>, { group: string; residents: number }[]>;
    /** Whether letters were drawn from it (then a new file cannot replace it). */
    hasRuns: boolean;
  } | null;
}

export interface RegisterCheck {
  rowsTotal: number;
  validRows: number;
  rejectedRows: number;
  mappingProblems: { column: string | null; rule: string; message: string }[];
  problems: { row: number; column: string | null; rule: string; value: string; message: string; params?: Record<string, string | number> }[];
  problemCount: number;
}

export interface InvitationRun {
  id: string;
  at: string;
  operator: string;
  registerHash: string;
  params: InvitationParams;
  seed: string;
  allocation: GroupAllocation[];
  drawnHash: string;
  letters: number;
  status: 'drawn' | 'superseded';
  supersededReason: string | null;
  supersededAt: string | null;
  answered: number;
  /** The published record: with the same extract, anyone can draw again and compare. */
  record: InvitationRecord;
}

/** One addressee of a run, for the letters (db/invitations.ts listInvitees). */
export interface Invitee {
  code: string;
  position: number;
  firstName: string;
  lastName: string;
  /** "First Last". */
  name: string;
  /** The street line ("Kerkstraat 12"), then "1000 Brussel". */
  addressLines: string[];
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  municipality: string | null;
  /** From the register where known; null otherwise (the letter picks by municipality). */
  language: PersonLanguage | null;
  /** When an answer was recorded (null: not answered yet), for reminder letters. */
  answeredAt: string | null;
}

export type ResponseAnswer = 'yes' | 'no' | 'undeliverable';
export type Availability = 'all' | 'some' | 'none';

/** What the response screen shows for a code before the answer is recorded. */
export interface InvitationLookup {
  code: string;
  name: string;
  municipality: string | null;
  runAt: string;
  response: { answer: ResponseAnswer; at: string; operator: string; personCode: string | null } | null;
}

export interface ResponseResult {
  code: string;
  answer: ResponseAnswer;
  eligible: boolean;
  /** The pool code of the respondent a yes became (null otherwise). */
  personCode: string | null;
  /** Why an eligible-looking yes did not enter the pool, or a household note. */
  notes: string[];
}

export interface ResponseImportProblem {
  row: number;
  column: string | null;
  rule: 'unknownCode' | 'answeredTwice' | 'neverSent' | 'badAnswer' | 'reasonMissing' | 'badValue' | 'noCodeColumn' | 'supersededRun';
  value: string;
  message: string;
}

export interface ResponseImportResult {
  rowsTotal: number;
  recorded: number;
  yes: number;
  addedToPool: number;
  problems: ResponseImportProblem[];
}
