/**
 * The sentence for an event the host refused from a station, in the language of the screen that
 * shows it (the station's own, or the host's conflict list): from the refusal's i18n key and its
 * parameters, which the host sends with it. Where the general sentence of a key names nobody
 * ("This person…") and the list shows an event out of context, a station's own sentence names the
 * badge code. A conflict stored before parameters were sent keeps the host's English sentence.
 */
import type { TFunction } from 'i18next';

export interface ConflictReason {
  key: string;
  /** The host's sentence, in English. */
  reason: string;
  params?: Record<string, string | number>;
}

export function conflictText(t: TFunction, c: ConflictReason): string {
  const params: Record<string, string | number> = { ...(c.params ?? {}) };
  // The status is a value of the people list (withdrawn, in the pool…): shown in words.
  if (typeof params.status === 'string') params.status = t(`peoplePage.status.${params.status}`, { defaultValue: params.status });
  const general = t(c.key, { defaultValue: c.reason, ...params });
  const own = `station.reason.${c.key.replace(/^attendance\./, '')}`;
  // Station sentences need the code; without it (an old conflict) the general one reads better.
  return typeof params.code === 'string' ? t(own, { defaultValue: general, ...params }) : general;
}
