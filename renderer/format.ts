/**
 * Locale-aware formatting of dates, times and numbers. Pure and DOM-free (Intl only), so
 * the unit tests run in Node.
 *
 * A session date is a calendar date ("2026-03-14"), not an instant: `new Date("2026-03-14")`
 * would read it as midnight UTC and show the 13th west of Greenwich. It is checked as a local
 * calendar date and formatted as that same day in UTC, so neither the computer's time zone
 * nor a change of it (a formatter remembers the zone it was made in) can move it a day.
 */
import type { Language } from '../preload/vocabulary';

export const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export function localeFor(language: Language | string): string {
  return LOCALES[language as Language] ?? LOCALES.en;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD string as a local Date (at noon), or null if it is not a real calendar date. */
export function parseCalendarDate(value: string): Date | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d, 12, 0, 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

export type DateStyle = 'long' | 'short';

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * "2026-03-14" -> "Sat 14 March 2026" (en-GB), "za 14 maart 2026" (nl-BE), "sam. 14 mars 2026" (fr-BE).
 * A value that is not a calendar date is returned as written rather than hidden.
 */
export function formatCalendarDate(value: string, language: Language | string, style: DateStyle = 'long'): string {
  const date = parseCalendarDate(value);
  if (!date) return value;
  const sameDayUtc = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), 12));
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(localeFor(language), options).format(sameDayUtc);
}

let displayTimeZone: string | undefined;

/**
 * The zone instants are shown in when a caller names none: the open assembly's (set from the
 * app's status by App and StationApp whenever it changes), so every screen shows the venue's
 * clock, as the reports do, whatever zone the computer is set to. Undefined: the computer's own
 * (no assembly open).
 */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

/**
 * An ISO-8601 instant (audit log, file times) in the given locale and time zone (default: the
 * open assembly's, see setDisplayTimeZone): "14/03/2026, 09:05" in en-GB.
 */
export function formatInstant(iso: string, language: Language | string, zone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = zone ?? displayTimeZone;
  // Not cached without an explicit zone: a formatter keeps the zone of its creation.
  const make = timeZone ? dateTimeFormat : (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, o);
  return make(localeFor(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** Wall-clock "HH:MM" stays as written: 24-hour times read the same in all three languages. */
export function formatTimeRange(start: string, end: string): string {
  return `${start}–${end}`;
}

export function formatNumber(n: number, language: Language | string): string {
  return new Intl.NumberFormat(localeFor(language)).format(n);
}

/** One decimal always, so that a column of shares lines up (36.0 %, not 36 %). */
export function formatPercent(fraction: number, language: Language | string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
}

/** Today's date as YYYY-MM-DD in local time (the default for a new session's date field). */
export function todayCalendarDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
