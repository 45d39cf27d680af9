/**
 * The server explains each field's problem in English (`details.fields[].message`, for
 * example "is required"). The common messages are translated here; anything else is shown
 * as the server wrote it rather than hidden. Pure (no i18next): callers pass their `t`.
 */
export interface FieldErrorKey {
  key: string;
  params: Record<string, unknown>;
}

const RULES: { pattern: RegExp; key: string; params?: (m: RegExpExecArray) => Record<string, unknown> }[] = [
  { pattern: /^is required$/i, key: 'fieldErrors.required' },
  { pattern: /must be after the start time/i, key: 'fieldErrors.endAfterStart' },
  { pattern: /is not a date/i, key: 'fieldErrors.notADate' },
  { pattern: /is not a time/i, key: 'fieldErrors.notATime' },
  { pattern: /is already used/i, key: 'fieldErrors.nameTaken' },
  { pattern: /must be at most (\d+) characters/i, key: 'fieldErrors.tooLong', params: (m) => ({ max: m[1] }) },
  { pattern: /must be a whole number/i, key: 'fieldErrors.wholeNumber' },
  { pattern: /must be at least (\d+)$/i, key: 'fieldErrors.atLeast', params: (m) => ({ min: m[1] }) },
  { pattern: /must be at most (\d+)$/i, key: 'fieldErrors.atMost', params: (m) => ({ max: m[1] }) },
  // zod's own wording when a value has the wrong type (an empty number field, for example).
  { pattern: /^Invalid input: expected number/i, key: 'fieldErrors.wholeNumber' },
];

/** The translation key for a server's field message, or null when it is not a known one. */
export function fieldErrorKey(message: string): FieldErrorKey | null {
  for (const rule of RULES) {
    const m = rule.pattern.exec(message);
    if (m) return { key: rule.key, params: rule.params?.(m) ?? {} };
  }
  return null;
}

/** The message in the UI language; unknown messages as the server wrote them. */
export function fieldErrorText(t: (key: string, params: Record<string, unknown>) => string, message: string): string {
  const known = fieldErrorKey(message);
  return known ? t(known.key, known.params) : message;
}
