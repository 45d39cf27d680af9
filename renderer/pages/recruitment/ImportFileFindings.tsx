/**
 * What the check found in the file itself, beyond row problems: rows read as Windows-1252 in a
 * UTF-8 file (confirmed by the officer before the import), rows that repeat or look like each
 * other, and the needs read from needs columns.
 */
import { useTranslation } from 'react-i18next';
import type { ImportCheck, StagedImport } from '../../../main/domain/recruitment/types';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { shortValue } from './ImportShared';

/** The cells whose accents the officer checks: those with letters beyond ASCII (else the first three). */
function cellsToCheck(cells: string[]): string[] {
  const accented = cells.filter((c) => /[^\x00-\x7f]/.test(c));
  return accented.length > 0 ? accented : cells.filter((c) => c.trim() !== '').slice(0, 3);
}

/** The rows of a mixed-encoding file that were read as Windows-1252, each as read, and the confirmation. */
export function LegacyRowsNotice({ staged, confirmed, onConfirm, disabled }: { staged: StagedImport; confirmed: boolean; onConfirm: (yes: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (staged.legacyRowCount === 0) return null;
  const rows = staged.legacyRows.map((r) => r.row).join(', ');
  return (
    <div className="notice notice-warning import-legacy-rows" id="import-legacy-rows" role="region" aria-labelledby="import-legacy-title">
      <p className="notice-title" id="import-legacy-title">
        {t('importPage.legacy.title', { count: staged.legacyRowCount, n: formatNumber(staged.legacyRowCount, lang), rows })}
      </p>
      <p>{t('importPage.legacy.text')}</p>
      <ul className="import-legacy-list">
        {staged.legacyRows.map((r) => (
          <li key={r.row}>
            <strong>{t('importPage.legacy.row', { row: r.row })}</strong> {shortValue(cellsToCheck(r.cells).join(' · '), 120)}
          </li>
        ))}
      </ul>
      <label className="checkbox">
        <input type="checkbox" id="import-legacy-confirm" checked={confirmed} disabled={disabled} onChange={(e) => onConfirm(e.target.checked)} />{' '}
        {t('importPage.legacy.confirm', { count: staged.legacyRowCount })}
      </label>
    </div>
  );
}

/** Rows repeated in the file (skipped) and rows that look like each other (imported, flagged). */
export function FileRepeats({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  if (check.repeatedInFile.length === 0 && check.fileDuplicates.length === 0) return null;
  return (
    <div className="import-file-repeats">
      <h3>{t('importPage.repeats.title')}</h3>
      <ul>
        {check.repeatedInFile.map((r) => (
          <li key={`r${r.row}`}>{t('importPage.repeats.same', { row: r.row, sameAs: r.sameAs })}</li>
        ))}
        {check.fileDuplicates.map((d) => (
          <li key={`d${d.row}-${d.otherRow}`}>
            {t('importPage.repeats.alike', {
              row: d.row,
              otherRow: d.otherRow,
              reasons: d.reasons.map((reason) => t(`importPage.repeats.reason.${reason}`)).join(', '),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How many new people have each need, and the needs parts that named none. */
export function NeedsFound({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const counts = check.needsCounts;
  const kinds = (['accessibility', 'diet', 'childcare', 'travel'] as const).filter((k) => counts[k] > 0);
  if (kinds.length === 0 && check.unrecognisedNeeds.length === 0) return null;
  return (
    <div className="import-needs-found">
      <h3>{t('importPage.needs.title')}</h3>
      <p>
        {kinds.map((k) => t(`importPage.needs.count.${k}`, { count: counts[k], n: formatNumber(counts[k], lang) })).join(' · ')}
      </p>
      {check.unrecognisedNeeds.length > 0 && (
        <>
          <p className="muted">{t('importPage.needs.unrecognised')}</p>
          <ul>
            {check.unrecognisedNeeds.map((u, i) => (
              <li key={i}>{t('importPage.needs.part', { row: u.row, text: u.text })}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
