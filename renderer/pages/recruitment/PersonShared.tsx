/** Small pieces shared by the People and Duplicates parts of Recruitment. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DuplicateFlag, PersonListItem } from '../../../main/domain/recruitment/types';
import type { FieldProblem } from '../../../preload/contract';
import type { PersonStatus } from '../../../preload/vocabulary';
import { isApiCallError } from '../../api';
import { fieldErrorText } from '../../fieldErrors';
import { hrefFor } from '../../router';
import './PeoplePage.css';

type T = TFunction;

/** The status as a coloured badge with its name in words (the colour is never the only cue). */
export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}`}>{t(`peoplePage.status.${status}`)}</span>;
}

/** "Emma Aerts", or the code for someone whose personal data was erased. */
export function fullName(p: Pick<PersonListItem, 'firstName' | 'lastName' | 'code'>): string {
  return `${p.firstName} ${p.lastName}`.trim() || p.code;
}

/** "Aerts, Emma": the list is sorted by last name. */
export function listName(p: Pick<PersonListItem, 'firstName' | 'lastName' | 'code'>): string {
  if (!p.firstName) return p.lastName || p.code;
  if (!p.lastName) return p.firstName;
  return `${p.lastName}, ${p.firstName}`;
}

/** The reasons of a duplicate flag in words: "same e-mail address, same phone number". */
export function reasonsText(t: T, reasons: DuplicateFlag['reasons']): string {
  return reasons.map((r) => t(`peoplePage.dup.reason.${r}`)).join(t('peoplePage.dup.reasonSeparator'));
}

/** The address of the people list with one person's card open (links from the Duplicates part). */
export const personHref = (id: string): string => `${hrefFor('recruitment')}?person=${encodeURIComponent(id)}`;

/** The id in `#/recruitment?person=<id>`, if any. */
export function personIdFromHash(hash: string = window.location.hash): string | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  return new URLSearchParams(query).get('person');
}

/**
 * Field problems of a failed call, in words, per field name. Problems the server could only
 * describe as "invalid" get this page's own sentence when it has one (e.g. an e-mail address).
 */
export function fieldErrorsOf(t: T, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiCallError(error)) return out;
  for (const f of error.fields) {
    if (out[f.field]) continue;
    out[f.field] = problemText(t, f);
  }
  return out;
}

function problemText(t: T, problem: FieldProblem): string {
  if (problem.rule === 'invalid') {
    const own = t(`peoplePage.invalid.${problem.field}`, { defaultValue: '' });
    if (own) return own;
  }
  return fieldErrorText((key, params) => t(key, params), problem);
}
