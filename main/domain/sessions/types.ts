/** Sessions (the days of the assembly), as they cross the API. */
import type { SessionKind } from '../../../preload/vocabulary';

export interface Session {
  id: string;
  name: string;
  /** Calendar date of the session, YYYY-MM-DD (local to the venue). */
  date: string;
  /** Local wall-clock times, HH:MM, 24 h. */
  startTime: string;
  endTime: string;
  location: string;
  kind: SessionKind;
  createdAt: string;
  updatedAt: string;
  /** Set when soft-deleted; null otherwise. */
  deletedAt: string | null;
}

export interface SessionInput {
  name: string;
  date: string;
  startTime: string;
  endTime: string;
  location?: string;
  kind: SessionKind;
}
