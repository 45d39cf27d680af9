/**
 * Small helpers shared by the parts of the Agenda page: times as minutes, euros as cents, the
 * overview handed down from the page, and server field problems in words.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_LANGUAGES, type PersonLanguage } from '../../../preload/vocabulary';
import type { AgendaOverview, AgendaSlot, Contributor } from '../../../main/domain/agenda/types';
import { isApiCallError } from '../../api';
import type { Loaded } from '../../components/AppState';
import { fieldErrorText } from '../../fieldErrors';

export const SLOT_LANGUAGES: readonly PersonLanguage[] = PERSON_LANGUAGES;

/** What every part of the page reads: the overview, and where the focus should land next. */
export interface AgendaContextValue {
  overview: Loaded<AgendaOverview>;
  /** The session chosen in the day view (kept when moving between parts). */
  sessionId: string | null;
  setSessionId: (id: string) => void;
  /** A contributor to focus when the People part opens (from a warning's link). */
  focusContributorId: string | null;
  setFocusContributorId: (id: string | null) => void;
}

export const AgendaContext = createContext<AgendaContextValue | null>(null);

export function useAgenda(): AgendaContextValue {
  const value = useContext(AgendaContext);
  if (!value) throw new Error('useAgenda outside the Agenda page');
  return value;
}

export function toMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

export function fromMinutes(minutes: number): string {
  const m = Math.max(0, Math.min(23 * 60 + 59, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const slotMinutes = (s: Pick<AgendaSlot, 'startTime' | 'endTime'>) => toMinutes(s.endTime) - toMinutes(s.startTime);

export const byTime = (a: AgendaSlot, b: AgendaSlot) => a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime) || a.id.localeCompare(b.id);

/** Cents as an amount to type: "12.50" (en) or "12,50" (nl, fr); 0 is empty. */
export function centsToInput(cents: number, lang: string): string {
  if (!cents) return '';
  const text = (cents / 100).toFixed(2);
  return lang === 'en' ? text : text.replace('.', ',');
}

/** "12,5" / "12.50" / "1 250,00" -> cents; null when it is not an amount. */
export function inputToCents(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '');
  if (cleaned === '') return 0;
  // One decimal separator at most two digits from the end; anything else is a thousands mark.
  const m = /^(\d+(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const whole = Number(m[1]!.replace(/[.,]/g, ''));
  const fraction = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  return whole * 100 + fraction;
}

export function formatEuros(cents: number, lang: string): string {
  const locale = lang === 'fr' ? 'fr-BE' : lang === 'nl' ? 'nl-BE' : 'en-GB';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export const contributorMap = (list: Contributor[]) => new Map(list.map((c) => [c.id, c]));

/**
 * The server's problem with one field in the UI language. Rules the contract names are
 * translated as everywhere; problems it sends as 'invalid' (a room that is gone, a slot that
 * would end after midnight, a name listed twice...) are recognised by field and sentence.
 */
export function useProblemText(error: unknown): (field: string) => string | null {
  const { t } = useTranslation();
  return (field) => {
    if (!isApiCallError(error)) return null;
    const problem = error.fieldProblem(field);
    if (!problem) return null;
    if (problem.rule !== 'invalid') return fieldErrorText((key, params) => t(key, params), problem);
    const msg = problem.message;
    const key = /midnight/.test(msg)
      ? 'pastMidnight'
      : /HH:MM/.test(msg)
        ? 'notATime'
        : /YYYY-MM-DD/.test(msg)
          ? 'notADate'
          : /e-mail/.test(msg)
            ? 'email'
            : /twice/.test(msg)
              ? 'twice'
              : /ends before it starts/.test(msg)
                ? 'endAfterStart'
                : /not a room/.test(msg)
                  ? 'roomGone'
                  : /unknown contributor/.test(msg)
                    ? 'contributorGone'
                    : /not a perspective/.test(msg)
                      ? 'perspectiveGone'
                      : /not a session/.test(msg)
                        ? 'sessionGone'
                        : /whole number/.test(msg)
                          ? 'wholeNumber'
                          : /too large/.test(msg)
                            ? 'tooLarge'
                            : null;
    return key ? t(`agendaPage.problems.${key}`) : msg;
  };
}
