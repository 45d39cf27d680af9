/**
 * iCalendar (RFC 5545) files: a speaker's slots for their own calendar. Times are written in
 * UTC (…Z), converted from the venue's wall-clock time with its time zone, so every calendar
 * shows them right without a VTIMEZONE block, across daylight-saving changes too.
 */
import { instantOf } from '../domain/attendance/time';

export interface IcsEvent {
  uid: string;
  date: string;
  startTime: string;
  endTime: string;
  summary: string;
  location: string;
  description: string;
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character, continuing with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export function calendar(events: readonly IcsEvent[], options: { name: string; timeZone: string; stamp: Date }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Assembly Desk//Agenda//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(options.name)}`];
  const stamp = utc(options.stamp.toISOString());
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(instantOf(e.date, e.startTime, options.timeZone))}`,
      `DTEND:${utc(instantOf(e.date, e.endTime, options.timeZone))}`,
      `SUMMARY:${icsText(e.summary)}`,
      ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
