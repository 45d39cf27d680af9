/** Small helpers shared by the parts of the Import page. */
import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, type ImportField } from '../../../preload/vocabulary';
import type { ColumnTarget, ImportRowProblem } from '../../../main/domain/recruitment/types';

type T = TFunction;

export const isImportField = (value: string): value is ImportField => (IMPORT_FIELDS as readonly string[]).includes(value);

/** The value of the "use as" select for a target. */
export function selectValueOf(target: ColumnTarget): string {
  if (target.kind === 'field') return `field:${target.field}`;
  return target.kind;
}

/** A problem's reason in the UI language, by its rule; the server's English sentence otherwise. */
export function problemReason(t: T, problem: ImportRowProblem): string {
  return t(`importPage.rule.${problem.rule}`, {
    defaultValue: problem.message,
    ...(problem.params ?? {}),
    row: problem.row,
    column: problem.column ?? '',
    value: problem.value,
  });
}

/** A mapping problem in the UI language, by its rule. */
export function mappingProblemText(t: T, problem: { column: string | null; rule: string; message: string }): string {
  return t(`importPage.mappingRule.${problem.rule}`, { defaultValue: problem.message, column: problem.column ?? '' });
}

/** Up to three distinct, non-empty sample values of one column from the preview rows. */
export function samplesOf(preview: string[][], column: number, max = 3): string[] {
  const seen = new Set<string>();
  for (const row of preview) {
    const value = (row[column] ?? '').replace(/\s+/g, ' ').trim();
    if (value !== '' && !seen.has(value)) seen.add(value);
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** A value shown in a cell: long pasted paragraphs are cut. */
export function shortValue(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
