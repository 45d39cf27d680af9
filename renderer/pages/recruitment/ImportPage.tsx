import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BYTES } from '../../../preload/contract';
import type {
  ColumnTarget,
  ImportCheck,
  ImportMode,
  ImportResult,
  ImportRowProblem,
  StagedImport,
} from '../../../main/domain/recruitment/types';
import { ApiCallError, call, isApiCallError } from '../../api';
import { useApiData } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { readFileAsBase64, saveTextFile } from '../../files';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { FileRepeats, LegacyRowsNotice, NeedsFound } from './ImportFileFindings';
import { ImportHistory } from './ImportHistory';
import { ImportMapping, ImportPreview } from './ImportMapping';
import { FixCellDialog, ImportProblems } from './ImportProblems';
import { mappingProblemText } from './ImportShared';
import './ImportPage.css';

type Step = 1 | 2 | 3 | 4 | 'done';

interface Done {
  result: ImportResult;
  fileName: string;
}

interface Fixing {
  problem: ImportRowProblem;
  index: number;
}

/** Where focus goes after an action; the counter makes the same target count again. */
interface FocusRequest {
  selector: string;
  fallback?: string;
  n: number;
}

const ID = {
  step1: 'import-step-1',
  step2: 'import-step-2',
  step3: 'import-step-3',
  step4: 'import-step-4',
  done: 'import-done',
  refusal: 'import-refusal',
  file: 'import-file',
};

/**
 * Recruitment › Import: the respondent pool from a CSV or Excel file, in four steps. Nothing is
 * written before step 4; the file stays in main's memory until it is imported or discarded.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang);
  const imports = useApiData(() => call('imports.list', {}), []);
  const pool = useApiData(() => call('pool.summary', {}), []);
  const knownFeatures = (pool.data?.features ?? []).map((f) => f.name);

  const [staged, setStaged] = useState<StagedImport | null>(null);
  const [columns, setColumns] = useState<ColumnTarget[]>([]);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [mode, setMode] = useState<ImportMode>('allOrNothing');
  const [refusal, setRefusal] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [fixing, setFixing] = useState<Fixing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** After a check the column choices fold away to a summary, so that the check's result comes next. */
  const [mappingOpen, setMappingOpen] = useState(true);
  /** The officer has checked the rows of a mixed-encoding file read as Windows-1252. */
  const [legacyConfirmed, setLegacyConfirmed] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  // A file left in main's memory when the officer leaves the page is discarded.
  const uploadRef = useRef<string | null>(null);
  uploadRef.current = staged?.uploadId ?? null;
  useEffect(
    () => () => {
      if (uploadRef.current) void call('imports.discard', { uploadId: uploadRef.current }).catch(() => undefined);
    },
    [],
  );

  useEffect(() => {
    if (!focus) return;
    const target = document.querySelector<HTMLElement>(focus.selector) ?? (focus.fallback ? document.querySelector<HTMLElement>(focus.fallback) : null);
    target?.focus();
  }, [focus]);
  const focusOn = (selector: string, fallback?: string) => setFocus((f) => ({ selector, fallback, n: (f?.n ?? 0) + 1 }));

  // The current step is where the officer's next action is: wrong column choices send them back to step 2.
  const step: Step = done ? 'done' : !staged ? 1 : !check || check.mappingProblems.length > 0 ? 2 : check.problemCount > 0 ? 3 : 4;

  function resetWork() {
    setStaged(null);
    setColumns([]);
    setCheck(null);
    setRefusal(null);
    setFixing(null);
    setNotice(null);
    setMode('allOrNothing');
    setMappingOpen(true);
    setLegacyConfirmed(false);
  }

  function takeStaged(s: StagedImport) {
    setStaged(s);
    setMappingOpen(true);
    setColumns(s.mapping.columns);
    setCheck(null);
    setRefusal(null);
  }

  const stageAction = useAction(async (file: File) => {
    const previous = staged?.uploadId;
    resetWork();
    setDone(null);
    if (previous) await call('imports.discard', { uploadId: previous }).catch(() => undefined);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      throw new ApiCallError('imports.stage', {
        code: 'VALIDATION',
        message: `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`,
        i18nKey: 'importFile.TOO_LARGE',
        details: { params: { bytes: file.size, maxBytes: MAX_IMPORT_FILE_BYTES } },
      });
    }
    const s = await call('imports.stage', { fileName: file.name, contentBase64: await readFileAsBase64(file) });
    takeStaged(s);
    focusOn(`#${ID.step2}`);
  });

  const sheetAction = useAction(async (sheet: string) => {
    if (!staged) return;
    takeStaged(await call('imports.selectSheet', { uploadId: staged.uploadId, sheet }));
  });

  const checkAction = useAction(async () => {
    if (!staged) return;
    const c = await call('imports.check', { uploadId: staged.uploadId, mapping: { columns } });
    setCheck(c);
    setRefusal(null);
    setNotice(null);
    // Wrong column choices must be corrected, so they stay in view.
    setMappingOpen(c.mappingProblems.length > 0);
    focusOn(`#${ID.step3}`);
  });

  const fixAction = useAction(async (value: string) => {
    if (!staged || !fixing) return;
    const { problem, index } = fixing;
    const column = problem.column === null ? -1 : staged.header.indexOf(problem.column);
    if (column < 0) return;
    const s = await call('imports.editCell', { uploadId: staged.uploadId, row: problem.row, column, value });
    // The officer's own mapping stays: editCell answers with the saved or guessed one.
    setStaged({ ...s, mapping: { columns } });
    const c = await call('imports.check', { uploadId: staged.uploadId, mapping: { columns } });
    setCheck(c);
    setRefusal(null);
    setFixing(null);
    setNotice(
      c.problemCount === 0
        ? t('importPage.fix.doneAllClear', { row: problem.row })
        : t('importPage.fix.done', { row: problem.row, count: c.problemCount, n: n(c.problemCount) }),
    );
    // Continue with the next problem, which is now where the fixed one was.
    if (c.problemCount > 0) focusOn(`[data-fix-index="${Math.min(index, c.problems.length - 1)}"]`, `#${ID.step3}`);
    else focusOn(`#${ID.step4}`);
  });

  const commitAction = useAction(async () => {
    if (!staged) return;
    try {
      const result = await call('imports.commit', { uploadId: staged.uploadId, mapping: { columns }, mode, confirmLegacyRows: legacyConfirmed });
      const fileName = staged.fileName;
      resetWork();
      setDone({ result, fileName });
      if (result.rejectedFile) saveTextFile(result.rejectedFile.fileName, result.rejectedFile.content);
      void imports.reload();
      void pool.reload();
      focusOn(`#${ID.done}`);
    } catch (e) {
      if (isApiCallError(e) && e.i18nKey === 'errors.importRejected') {
        setRefusal(e);
        const problems = Array.isArray(e.details.problems) ? (e.details.problems as ImportRowProblem[]) : null;
        if (problems && check) {
          const problemCount = typeof e.details.problemCount === 'number' ? e.details.problemCount : problems.length;
          const rejectedRows = typeof e.details.rejectedRows === 'number' ? e.details.rejectedRows : check.rejectedRows;
          setCheck({ ...check, problems, problemCount, rejectedRows });
        }
        focusOn(`#${ID.refusal}`);
        return;
      }
      throw e;
    }
  });

  const discardAction = useAction(async () => {
    const previous = staged?.uploadId;
    resetWork();
    setDone(null);
    if (previous) await call('imports.discard', { uploadId: previous }).catch(() => undefined);
    focusOn(`#${ID.file}`, `#${ID.step1}`);
  });

  function changeColumn(index: number, target: ColumnTarget) {
    setColumns((cols) => cols.map((c, i) => (i === index ? target : c)));
    // The check was for the old choices: check again before importing.
    if (check) {
      setCheck(null);
      setRefusal(null);
      setNotice(t('importPage.mapping.changed'));
    }
  }

  function chooseFile(files: FileList | null) {
    const file = files?.[0];
    if (file) void stageAction.run(file);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!staged && !anyBusy) chooseFile(event.dataTransfer.files);
  }

  const anyBusy = stageAction.busy || sheetAction.busy || checkAction.busy || fixAction.busy || commitAction.busy || discardAction.busy;
  const stepLabels: [Step, string][] = [
    [1, t('importPage.steps.choose')],
    [2, t('importPage.steps.map')],
    [3, t('importPage.steps.check')],
    [4, t('importPage.steps.import')],
  ];
  const stepNumber = step === 'done' ? 5 : step;

  return (
    <div
      className="import-page"
      // A file dropped anywhere on the page (not only on the drop zone) must not make the window open it.
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <p className="page-intro">{t('importPage.intro')}</p>

      <ol className="import-steps" aria-label={t('importPage.steps.label')}>
        {stepLabels.map(([s, label]) => {
          const num = s as number;
          const state = num < stepNumber ? 'done' : num === stepNumber ? 'current' : 'todo';
          return (
            <li key={num} className={`import-steps-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="import-steps-number" aria-hidden="true">
                {state === 'done' ? '✓' : num}
              </span>
              <span>{label}</span>
              {state === 'done' && <span className="visually-hidden"> ({t('importPage.steps.completed')})</span>}
            </li>
          );
        })}
      </ol>

      <StatusLine message={notice} />

      {done ? (
        <DoneSection done={done} onAgain={() => void discardAction.run()} />
      ) : (
        <>
          {/* ---------- Step 1 ---------- */}
          <section className={`panel import-step${step === 1 ? ' import-step-current' : ''}`} aria-labelledby={ID.step1}>
            <h2 id={ID.step1} tabIndex={-1}>
              <span className="import-step-number">{t('importPage.stepN', { n: 1 })}</span> {t('importPage.choose.title')}
            </h2>
            {!staged ? (
              <>
                <p>{t('importPage.choose.text')}</p>
                <div
                  className={`import-drop${dragging ? ' import-drop-active' : ''}`}
                  onDragOver={(e) => {
                    e.preventDefault();
                    setDragging(true);
                  }}
                  onDragLeave={() => setDragging(false)}
                >
                  <Field id={ID.file} label={t('importPage.choose.label')} hint={t('importPage.choose.hint')}>
                    {(p) => (
                      <input
                        {...p}
                        type="file"
                        accept=".csv,.txt,.xlsx"
                        disabled={stageAction.busy}
                        onChange={(e) => {
                          chooseFile(e.target.files);
                          e.target.value = '';
                        }}
                      />
                    )}
                  </Field>
                  <p className="import-drop-text" aria-hidden="true">
                    {t('importPage.choose.drop')}
                  </p>
                </div>
                {stageAction.busy && (
                  <p className="busy">
                    <span className="spinner" aria-hidden="true" />
                    {t('importPage.choose.reading')}
                  </p>
                )}
                <ErrorNotice error={stageAction.error} title={t('importPage.choose.failed')} />
              </>
            ) : (
              <>
                <Detected staged={staged} />
                <LegacyRowsNotice staged={staged} confirmed={legacyConfirmed} onConfirm={setLegacyConfirmed} disabled={anyBusy} />
                {staged.kind === 'xlsx' && staged.sheets.length > 1 && (
                  <div className="import-sheet">
                    <Field id="import-sheet" label={t('importPage.choose.sheet')} hint={t('importPage.choose.sheetHint', { count: staged.sheets.length, n: staged.sheets.length })}>
                      {(p) => (
                        <select {...p} value={staged.sheet ?? ''} disabled={anyBusy} onChange={(e) => void sheetAction.run(e.target.value)}>
                          {staged.sheets.map((s) => (
                            <option key={s} value={s}>
                              {s}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <ErrorNotice error={sheetAction.error} />
                  </div>
                )}
                <div className="form-actions">
                  <button type="button" className="button" onClick={() => void discardAction.run()} disabled={anyBusy}>
                    {discardAction.busy ? t('common.busy') : t('importPage.choose.again')}
                  </button>
                </div>
              </>
            )}
          </section>

          {/* ---------- Step 2 ---------- */}
          {staged && (
            <section className={`panel import-step${step === 2 ? ' import-step-current' : ''}`} aria-labelledby={ID.step2}>
              <h2 id={ID.step2} tabIndex={-1}>
                <span className="import-step-number">{t('importPage.stepN', { n: 2 })}</span> {t('importPage.mapping.title')}
              </h2>
              {check && !mappingOpen ? (
                <div className="import-mapping-summary">
                  <p>{mappingSummary(t, columns)}</p>
                  <button
                    type="button"
                    className="button"
                    disabled={anyBusy}
                    onClick={() => {
                      setMappingOpen(true);
                      focusOn('#import-map-0');
                    }}
                  >
                    {t('importPage.mapping.change')}
                  </button>
                </div>
              ) : (
                <>
                  <p>
                    <span className={`badge import-source-${staged.mappingSource}`}>{t(`importPage.mapping.source.${staged.mappingSource}`)}</span>{' '}
                    {t(`importPage.mapping.sourceText.${staged.mappingSource}`)}
                  </p>
                  <p className="muted">{t('importPage.mapping.help')}</p>
                  <ImportMapping staged={staged} columns={columns} onChange={changeColumn} disabled={anyBusy} knownFeatures={knownFeatures} />
                  <details className="import-preview-details">
                    <summary>{t('importPage.preview.show', { count: staged.preview.length, n: staged.preview.length })}</summary>
                    <ImportPreview staged={staged} columns={columns} />
                  </details>
                  <div className="form-actions">
                    <button
                      type="button"
                      className={`button${step === 2 ? ' button-primary' : ''}`}
                      onClick={() => void checkAction.run()}
                      disabled={anyBusy}
                    >
                      {checkAction.busy ? t('importPage.mapping.checking') : check ? t('importPage.mapping.checkAgain') : t('importPage.mapping.check')}
                    </button>
                  </div>
                </>
              )}
              <ErrorNotice error={checkAction.error} />
            </section>
          )}

          {/* ---------- Step 3 ---------- */}
          {staged && check && (
            <section className={`panel import-step${step === 3 ? ' import-step-current' : ''}`} aria-labelledby={ID.step3}>
              <h2 id={ID.step3} tabIndex={-1}>
                <span className="import-step-number">{t('importPage.stepN', { n: 3 })}</span> {t('importPage.check.title')}
              </h2>
              <CheckSummary check={check} />
              <FileRepeats check={check} />
              <NeedsFound check={check} />
              {check.mappingProblems.length > 0 && (
                <div className="notice notice-error">
                  <p className="notice-title">{t('importPage.check.mappingProblems')}</p>
                  <ul>
                    {check.mappingProblems.map((m, i) => (
                      <li key={i}>{mappingProblemText(t, m)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {check.newFeatureValues.length > 0 && (
                <div className="import-new-values">
                  <h3>{t('importPage.check.newValuesTitle')}</h3>
                  <p className="muted">{t('importPage.check.newValuesText')}</p>
                  <ul className="import-new-values-list">
                    {check.newFeatureValues.map((f) => (
                      <li key={f.feature}>
                        <strong>{f.feature}:</strong> {f.values.join(', ')}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {check.problemCount > 0 && (
                <>
                  <h3>{t('importPage.problems.title', { count: check.problemCount, n: n(check.problemCount) })}</h3>
                  <p className="muted">{t('importPage.problems.text')}</p>
                  <ImportProblems
                    problems={check.problems}
                    problemCount={check.problemCount}
                    header={staged.header}
                    disabled={anyBusy}
                    caption={t('importPage.problems.caption')}
                    onFix={(problem, index) => setFixing({ problem, index })}
                  />
                </>
              )}
            </section>
          )}

          {/* ---------- Step 4 ---------- */}
          {staged && check && check.mappingProblems.length === 0 && (
            <section className={`panel import-step${step === 4 ? ' import-step-current' : ''}`} aria-labelledby={ID.step4}>
              <h2 id={ID.step4} tabIndex={-1}>
                <span className="import-step-number">{t('importPage.stepN', { n: 4 })}</span> {t('importPage.commit.title')}
              </h2>
              <fieldset className="import-modes" disabled={anyBusy}>
                <legend>{t('importPage.commit.modeLegend')}</legend>
                {(['allOrNothing', 'validOnly'] as const).map((m) => (
                  <label key={m} className="radio import-mode">
                    <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => {
                        setMode(m);
                        setRefusal(null);
                      }} aria-describedby={`import-mode-${m}`} />
                    <span>
                      <span className="import-mode-title">{t(`importPage.commit.mode.${m}`)}</span>
                      <span className="import-mode-text" id={`import-mode-${m}`}>
                        {t(`importPage.commit.modeText.${m}`)}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
              {check.problemCount > 0 && mode === 'allOrNothing' && !refusal && (
                <p className="import-warning">{t('importPage.commit.willRefuse', { count: check.rejectedRows, n: n(check.rejectedRows) })}</p>
              )}
              {check.newRows === 0 && check.problemCount === 0 && <p className="import-warning">{t('importPage.commit.nothingNew')}</p>}
              {staged.legacyRowCount > 0 && !legacyConfirmed && (
                <p className="import-warning">
                  <a href="#import-legacy-rows">{t('importPage.legacy.confirmFirst', { count: staged.legacyRowCount })}</a>
                </p>
              )}
              {refusal && (
                <div className="notice notice-error" role="alert" id={ID.refusal} tabIndex={-1}>
                  <p className="notice-title">{t('importPage.commit.refusedTitle')}</p>
                  <p>
                    {t('importPage.commit.refusedText', {
                      count: check.rejectedRows,
                      n: n(check.rejectedRows),
                      total: n(check.rowsTotal),
                    })}
                  </p>
                  <p>
                    <a href={`#${ID.step3}`} onClick={(e) => {
                      e.preventDefault();
                      focusOn(`#${ID.step3}`);
                      document.getElementById(ID.step3)?.scrollIntoView();
                    }}>
                      {t('importPage.commit.seeProblems')}
                    </a>
                  </p>
                </div>
              )}
              <div className="form-actions">
                <button
                  type="button"
                  className={`button${(step === 4 || mode === 'validOnly') && check.newRows > 0 ? ' button-primary' : ''}`}
                  onClick={() => void commitAction.run()}
                  disabled={anyBusy || (staged.legacyRowCount > 0 && !legacyConfirmed)}
                >
                  {commitAction.busy
                    ? t('importPage.commit.busy')
                    : mode === 'validOnly'
                      ? t('importPage.commit.submitValid', { count: check.newRows, n: n(check.newRows) })
                      : check.problemCount > 0
                        ? t('importPage.commit.submitPlain')
                        : t('importPage.commit.submit', { count: check.newRows, n: n(check.newRows) })}
                </button>
              </div>
              <ErrorNotice error={commitAction.error} />
            </section>
          )}
        </>
      )}

      {fixing && (
        <FixCellDialog
          problem={fixing.problem}
          busy={fixAction.busy}
          error={fixAction.error}
          onSave={(value) => void fixAction.run(value)}
          onCancel={() => setFixing(null)}
        />
      )}

      <ImportHistory imports={imports} />
    </div>
  );
}

/** What was found in the chosen file. */
function Detected({ staged }: { staged: StagedImport }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <dl className="facts import-detected">
      <div>
        <dt>{t('importPage.detected.file')}</dt>
        <dd className="import-file-name">{staged.fileName}</dd>
      </div>
      <div>
        <dt>{t('importPage.detected.kind')}</dt>
        <dd>{t(`importPage.kind.${staged.kind}`)}</dd>
      </div>
      {staged.kind === 'csv' && (
        <>
          <div>
            <dt>{t('importPage.detected.encoding')}</dt>
            <dd>{staged.encoding ? t(`importPage.encoding.${staged.encoding}`, { defaultValue: staged.encoding }) : '—'}</dd>
          </div>
          <div>
            <dt>{t('importPage.detected.delimiter')}</dt>
            <dd>{staged.delimiter ? t(`importPage.delimiter.${delimiterName(staged.delimiter)}`) : '—'}</dd>
          </div>
        </>
      )}
      {staged.kind === 'xlsx' && staged.sheet && staged.sheets.length <= 1 && (
        <div>
          <dt>{t('importPage.detected.sheet')}</dt>
          <dd>{staged.sheet}</dd>
        </div>
      )}
      <div>
        <dt>{t('importPage.detected.rows')}</dt>
        <dd>
          {t('importPage.detected.rowCount', { count: staged.rowCount, n: formatNumber(staged.rowCount, lang) })}
          {', '}
          {t('importPage.detected.columnCount', { count: staged.header.length, n: formatNumber(staged.header.length, lang) })}
        </dd>
      </div>
    </dl>
  );
}

/** "12 columns: 10 person details, 2 features (Geslacht, Provincie), 0 ignored." */
function mappingSummary(t: TFunction, columns: ColumnTarget[]): string {
  const fields = columns.filter((c) => c.kind === 'field').length;
  const features = columns.flatMap((c) => (c.kind !== 'ignore' && c.feature !== undefined ? [c.feature.trim()] : []));
  const ignored = columns.filter((c) => c.kind === 'ignore').length;
  const lang = currentLanguage();
  return t('importPage.mapping.summary', {
    columns: t('importPage.mapping.summaryColumns', { count: columns.length, n: formatNumber(columns.length, lang) }),
    fields: t('importPage.mapping.summaryFields', { count: fields, n: formatNumber(fields, lang) }),
    features:
      features.length === 0
        ? t('importPage.mapping.summaryNoFeatures')
        : t('importPage.mapping.summaryFeatures', { count: features.length, n: formatNumber(features.length, lang), names: features.join(', ') }),
    ignored: t('importPage.mapping.summaryIgnored', { count: ignored, n: formatNumber(ignored, lang) }),
  });
}

const delimiterName = (d: string): string => (d === ';' ? 'semicolon' : d === ',' ? 'comma' : 'tab');

/** The counts of a check, and one sentence that says what they mean. */
function CheckSummary({ check }: { check: ImportCheck }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang);
  let verdict: string;
  if (check.mappingProblems.length > 0) verdict = t('importPage.check.verdictMapping');
  else if (check.rejectedRows > 0) verdict = t('importPage.check.verdictProblems', { count: check.rejectedRows, n: n(check.rejectedRows), total: n(check.rowsTotal) });
  else if (check.newRows === 0) verdict = t('importPage.check.verdictNothingNew', { count: check.rowsTotal, n: n(check.rowsTotal) });
  else verdict = t('importPage.check.verdictOk', { count: check.newRows, n: n(check.newRows) });
  const ok = check.mappingProblems.length === 0 && check.rejectedRows === 0;
  const stats: [string, number, string?][] = [
    ['rowsTotal', check.rowsTotal],
    ['newRows', check.newRows, check.newRows > 0 ? 'import-stat-good' : undefined],
    ['alreadyInPool', check.alreadyInPool],
    ['repeatedInFile', check.repeatedInFile.length, check.repeatedInFile.length > 0 ? 'import-stat-warn' : undefined],
    ['rejectedRows', check.rejectedRows, check.rejectedRows > 0 ? 'import-stat-bad' : undefined],
    ['duplicatesFlagged', check.duplicatesFlagged, check.duplicatesFlagged > 0 ? 'import-stat-warn' : undefined],
  ];
  return (
    <>
      <p className={`import-verdict ${ok ? 'import-verdict-ok' : 'import-verdict-bad'}`}>{verdict}</p>
      {check.mappingProblems.length === 0 && (
        <dl className="import-stats">
          {stats.map(([key, value, className]) => (
            <div key={key} className={className}>
              <dt>{t(`importPage.check.stat.${key}`)}</dt>
              <dd>{n(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {check.duplicatesFlagged > 0 && <p>{t('importPage.check.duplicatesText', { count: check.duplicatesFlagged, n: n(check.duplicatesFlagged) })}</p>}
    </>
  );
}

/** The outcome of an import, with where to go next. */
function DoneSection({ done, onAgain }: { done: Done; onAgain: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang);
  const { result, fileName } = done;
  return (
    <section className="panel import-step import-step-current" aria-labelledby={ID.done}>
      <h2 id={ID.done} tabIndex={-1}>
        {t('importPage.done.title')}
      </h2>
      <div role="status" className="notice notice-success import-done-summary">
        <p>
          <strong>{t('importPage.done.summary', { count: result.imported, n: n(result.imported), file: fileName })}</strong>
        </p>
        <ul>
          <li>{t('importPage.done.imported', { count: result.imported, n: n(result.imported) })}</li>
          <li>{t('importPage.done.alreadyInPool', { count: result.alreadyInPool, n: n(result.alreadyInPool) })}</li>
          {result.repeatedInFile > 0 && <li>{t('importPage.done.repeatedInFile', { count: result.repeatedInFile, n: n(result.repeatedInFile) })}</li>}
          <li>{t('importPage.done.rejected', { count: result.rejected, n: n(result.rejected) })}</li>
          <li>
            {t('importPage.done.duplicates', { count: result.duplicatesFlagged, n: n(result.duplicatesFlagged) })}
            {result.duplicatesFlagged > 0 && (
              <>
                {' '}
                <a href={hrefFor('recruitment', 'duplicates')}>{t('importPage.done.reviewDuplicates')}</a>
              </>
            )}
          </li>
        </ul>
      </div>
      {result.rejectedFile && (
        <div className="import-rejected-file">
          <p>{t('importPage.done.rejectedSaved', { file: result.rejectedFile.fileName })}</p>
          <button type="button" className="button" onClick={() => saveTextFile(result.rejectedFile!.fileName, result.rejectedFile!.content)}>
            {t('importPage.done.saveAgain')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <a className="button button-primary" href={hrefFor('recruitment')}>
          {t('importPage.done.seePeople')}
        </a>
        <button type="button" className="button" onClick={onAgain}>
          {t('importPage.done.again')}
        </button>
      </div>
    </section>
  );
}
