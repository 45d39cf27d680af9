import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowProblem } from '../../../main/domain/recruitment/types';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { problemReason, shortValue } from './ImportShared';

/** How many problems are listed before "Show all". */
export const FIRST_PROBLEMS = 10;

interface Props {
  problems: ImportRowProblem[];
  problemCount: number;
  header: string[];
  onFix: (problem: ImportRowProblem, index: number) => void;
  disabled?: boolean;
  /** Caption (visible): which list this is. */
  caption: string;
}

/** The rows that cannot be imported, with what is wrong and a button to correct the value. */
export function ImportProblems({ problems, problemCount, header, onFix, disabled, caption }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? problems : problems.slice(0, FIRST_PROBLEMS);
  const hidden = problems.length - shown.length;

  return (
    <>
      <DataTable
        className="import-problems"
        caption={caption}
        columns={[
          { label: t('importPage.problems.colRow'), num: true },
          t('importPage.problems.colColumn'),
          t('importPage.problems.colValue'),
          t('importPage.problems.colReason'),
          { label: t('importPage.problems.colActions'), hidden: true },
        ]}
      >
        {shown.map((p, index) => {
          const fixable = p.column !== null && header.includes(p.column);
          return (
            <tr key={`${p.row}-${p.column ?? ''}-${p.rule}-${index}`}>
              <th scope="row" className="num">
                {formatNumber(p.row, lang)}
              </th>
              <td>{p.column ?? <span className="muted">{t('importPage.problems.wholeRow')}</span>}</td>
              <td className="import-problem-value">
                {p.value.trim() === '' ? <span className="muted">{t('importPage.problems.emptyValue')}</span> : <code>{shortValue(p.value)}</code>}
              </td>
              <td>{problemReason(t, p)}</td>
              <td className="row-actions">
                {fixable ? (
                  <button
                    type="button"
                    className="button button-small"
                    data-fix-index={index}
                    disabled={disabled}
                    aria-label={t('importPage.problems.fixNamed', { row: p.row, column: p.column })}
                    onClick={() => onFix(p, index)}
                  >
                    {t('importPage.problems.fix')}
                  </button>
                ) : (
                  <span className="import-fix-hint">{t('importPage.problems.fixInFile')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {hidden > 0 && (
        <p>
          <button type="button" className="button button-small" onClick={() => setShowAll(true)}>
            {t('importPage.problems.showAll', { count: problems.length, n: formatNumber(problems.length, lang) })}
          </button>
        </p>
      )}
      {problemCount > problems.length && (showAll || hidden === 0) && (
        <p className="muted">
          {t('importPage.problems.truncated', { shown: formatNumber(problems.length, lang), total: formatNumber(problemCount, lang) })}
        </p>
      )}
    </>
  );
}

interface FixProps {
  problem: ImportRowProblem;
  busy: boolean;
  error: unknown;
  onSave: (value: string) => void;
  onCancel: () => void;
}

/** Corrects one cell of the file in memory (the file on disk is not changed), then checks again. */
export function FixCellDialog({ problem, busy, error, onSave, onCancel }: FixProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(problem.value);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(value);
  }
  return (
    <Dialog title={t('importPage.fix.title', { row: problem.row })} onClose={onCancel} describedBy="import-fix-reason">
      <form onSubmit={submit} noValidate>
        <p id="import-fix-reason" className="import-fix-reason">
          {problemReason(t, problem)}
        </p>
        <Field id="import-fix-value" label={t('importPage.fix.label', { column: problem.column ?? '' })} hint={t('importPage.fix.hint')}>
          {(p) => <input {...p} type="text" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} data-autofocus />}
        </Field>
        {typeof problem.params?.cleaned === 'string' && problem.rule === 'hiddenCharacter' ? (
          // The characters cannot be seen in the field above: removing them is one confirmed step.
          <p>
            <button type="button" className="button secondary" disabled={busy} onClick={() => onSave(String(problem.params!.cleaned))}>
              {t('importPage.fix.removeHidden')}
            </button>
          </p>
        ) : null}
        <ErrorNotice error={error} />
        <FormActions busy={busy} submitLabel={t('importPage.fix.save')} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
