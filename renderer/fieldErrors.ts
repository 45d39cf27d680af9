/**
 * The server names each field's problem with a stable rule (`details.fields[].rule`, see
 * FieldRule in the contract) and an English sentence. The UI shows the rule in its own
 * language; a rule it has no words for ('invalid') shows the server's sentence rather than
 * hiding it. Pure (no i18next): callers pass their `t`.
 */
import type { FieldProblem } from '../preload/contract';

export type Translate = (key: string, params: Record<string, unknown>) => string;

/** The translation key of a rule, or null for problems best shown as the server wrote them. */
export function fieldErrorKey(problem: FieldProblem): string | null {
  return problem.rule === 'invalid' ? null : `fieldErrors.${problem.rule}`;
}

/** The problem in the UI language. */
export function fieldErrorText(t: Translate, problem: FieldProblem): string {
  const key = fieldErrorKey(problem);
  return key ? t(key, problem.params ?? {}) : problem.message;
}
