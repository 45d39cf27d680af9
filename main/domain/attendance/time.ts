/**
 * Wall-clock time at the venue. Sessions are stored as a local date and HH:MM times; events as
 * instants (ISO, UTC). These convert between the two in the assembly's IANA time zone with
 * Intl, so daylight-saving changes (last Sundays of March and October in Europe/Brussels) are
 * handled by the platform's time-zone data, not by us.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date (YYYY-MM-DD) and minutes since local midnight of an instant. */
export function localParts(instant: string | number | Date, timeZone: string): { date: string; minutes: number; time: string } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + minute,
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  };
}

/** Minutes of an HH:MM text. */
export function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Offset of the zone from UTC at an instant, in minutes (Brussels: 60 in winter, 120 in summer). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant of a local date and HH:MM. A time skipped by the spring change (02:30 on the last
 * Sunday of March in Brussels) is read with the offset from before the change, so it lands an
 * hour later, as a wall clock would show it; a time that occurs twice in autumn is the first one.
 */
export function instantOf(date: string, hhmm: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = minutesOf(hhmm);
  const wall = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  // Two passes settle the offset on either side of a change.
  const before = offsetAt(wall - 12 * 3600_000, timeZone);
  let guess = wall - before * 60_000;
  const after = offsetAt(guess, timeZone);
  if (after !== before) {
    // Keep the readings that give the wall time back: both in autumn's repeated hour (take the
    // first), none in spring's skipped hour (keep the offset from before the change).
    const readsBack = (t: number) => localParts(t, timeZone).minutes === minutes;
    const fits = [guess, wall - after * 60_000].filter(readsBack);
    if (fits.length > 0) guess = Math.min(...fits);
  }
  return new Date(guess).toISOString();
}

/** True when the zone is known to this platform's Intl. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical IANA name ("europe/brussels" -> "Europe/Brussels"), or null when this
 * platform's Intl does not know it. Offsets ("+01:00") are refused: a fixed offset ignores
 * summer time, so half the year's times would be an hour off.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(timeZone)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
