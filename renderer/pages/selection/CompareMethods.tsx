/**
 * Two methods side by side on the same pool and quotas (selection.compare): the smallest and
 * largest chance, how many people get less than half or more than twice the average, the Gini
 * coefficient, and both histograms on the same scales. Nothing is stored: the operator then
 * prepares a draw with the method they choose. While it runs, the progress is polled like a
 * preparation's, with the same stop buttons.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedMethod, SelectionComparison, SelectionProgress } from '../../../main/domain/selection/runTypes';
import { SELECTION_ALGORITHMS, type SelectionAlgorithm } from '../../../preload/vocabulary';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { probabilityHistogram } from '../../../main/domain/selection/histogram';
import { ProbabilityHistogram, scaleEndFor } from './ProbabilityHistogram';
import { ProgressPanel } from './ProgressPanel';
import { finePercent, formatGini, pct } from './selectionShared';

const POLL_MS = 500;

export function CompareMethods({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const firstId = useId();
  const secondId = useId();
  const minutesId = useId();
  const [methods, setMethods] = useState<[SelectionAlgorithm, SelectionAlgorithm]>(['leximin', 'goldilocks']);
  const [minutes, setMinutes] = useState('5');
  const [running, setRunning] = useState<{ at: number; timeLimitMs: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [progress, setProgress] = useState<SelectionProgress | null>(null);
  const [stopping, setStopping] = useState<'keep' | 'cancel' | null>(null);
  const [stopError, setStopError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SelectionComparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!running) return;
    let alive = true;
    const tick = async () => {
      setNow(Date.now());
      try {
        const p = await call('selection.progress', {});
        if (alive) setProgress(p);
      } catch {
        // The progress is a nicety: the comparison goes on without it.
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [running]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProblem(null);
    if (methods[0] === methods[1]) {
      setProblem(t('sel.compare.sameMethod'));
      return;
    }
    const m = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(m) || m < 1 || m > 60) {
      setProblem(t('sel.prepare.minutesRange'));
      return;
    }
    const timeLimitMs = Math.round(m * 60_000);
    setRunning({ at: Date.now(), timeLimitMs: timeLimitMs * 2 });
    setProgress(null);
    setStopping(null);
    setStopError(null);
    try {
      setResult(await call('selection.compare', { algorithms: methods, timeLimitMs }));
    } catch (e) {
      if (!(isApiCallError(e) && e.code === 'CANCELLED')) setError(e);
    } finally {
      setRunning(null);
      setStopping(null);
      onChanged();
    }
  }

  async function stop(keep: boolean) {
    setStopError(null);
    try {
      const answer = await call('selection.stop', { keep });
      if (answer.stopping) setStopping(keep ? 'keep' : 'cancel');
    } catch (e) {
      setStopError(e);
    }
  }

  const select = (index: 0 | 1, id: string) => (
    <select
      id={id}
      value={methods[index]}
      onChange={(e) => setMethods((m) => (index === 0 ? [e.target.value as SelectionAlgorithm, m[1]] : [m[0], e.target.value as SelectionAlgorithm]))}
    >
      {SELECTION_ALGORITHMS.map((a) => (
        <option key={a} value={a}>
          {t(`sel.algorithm.${a}`)}
        </option>
      ))}
    </select>
  );

  return (
    <section className="panel sel-compare" aria-labelledby="sel-compare-title">
      <h2 id="sel-compare-title">{t('sel.compare.title')}</h2>
      <p className="muted">{t('sel.compare.intro')}</p>
      <form className="sel-compare-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={running !== null} className="sel-compare-fields">
          <div className="field">
            <label htmlFor={firstId}>{t('sel.compare.first')}</label>
            {select(0, firstId)}
          </div>
          <div className="field">
            <label htmlFor={secondId}>{t('sel.compare.second')}</label>
            {select(1, secondId)}
          </div>
          <div className="field">
            <label htmlFor={minutesId}>{t('sel.compare.minutes')}</label>
            <input id={minutesId} type="text" inputMode="decimal" className="input-short" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {running ? t('sel.prepare.computing') : t('sel.compare.run')}
            </button>
          </div>
        </fieldset>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {methods.includes('goldilocks') && <p className="muted sel-note">{t('sel.objective.goldilocksWords', { gamma: formatNumber(1, lang) })}</p>}
      {running && (
        <ProgressPanel
          progress={progress}
          fallback={{ algorithm: methods[0], elapsedMs: now - running.at, timeLimitMs: running.timeLimitMs }}
          stopping={stopping}
          busy={false}
          stopError={stopError}
          onStop={(keep) => void stop(keep)}
        />
      )}
      <ErrorNotice error={error} />
      {result && !running && <ComparisonResult comparison={result} />}
    </section>
  );
}

function ComparisonResult({ comparison }: { comparison: SelectionComparison }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const results = comparison.results;
  if (results.length === 0) return <p className="muted">{t('sel.compare.nothing')}</p>;
  const end = scaleEndFor(Math.max(...results.map((r) => r.figures.max)));
  const countMax = Math.max(0, ...results.flatMap((r) => probabilityHistogram(r.figures.values).map((b) => b.count)));
  const rows: { key: string; cells: string[]; better: number | null }[] = [];
  const add = (key: string, values: number[], format: (x: number) => string, higherIsBetter: boolean | null) => {
    let better: number | null = null;
    if (higherIsBetter !== null && values.length === 2 && Math.abs(values[0]! - values[1]!) > 1e-9) better = (values[0]! > values[1]!) === higherIsBetter ? 0 : 1;
    rows.push({ key, cells: values.map(format), better });
  };
  const f = results.map((r) => r.figures);
  add('min', f.map((x) => x.min), (x) => pct(x, lang), true);
  add('max', f.map((x) => x.max), (x) => pct(x, lang), false);
  add('belowHalf', f.map((x) => x.belowHalf), (x) => formatNumber(x, lang), false);
  add('aboveTwice', f.map((x) => x.aboveTwice), (x) => formatNumber(x, lang), false);
  add('gini', f.map((x) => x.gini), (x) => formatGini(x, lang), false);
  const mean = f[0]!.mean;

  return (
    <div className="sel-compare-result">
      <p className="sel-lead">
        {t('sel.compare.lead', { n: formatNumber(comparison.candidates, lang), k: formatNumber(comparison.panelSize, lang), mean: pct(mean, lang) })}
      </p>
      <div className="table-wrap">
        <table className="data-table compact sel-comparison-table" data-testid="sel-compare-table">
          <caption className="visually-hidden">{t('sel.compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sel.comparison.colMeasure')}</th>
              {results.map((r) => (
                <th key={r.algorithm} scope="col" className="num">
                  {t(`sel.algorithm.${r.algorithm}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`sel.compare.row.${row.key}`, { half: pct(mean / 2, lang), twice: pct(mean * 2, lang) })}</th>
                {row.cells.map((text, i) => (
                  <td key={i} className={row.better === i ? 'num sel-better' : 'num'}>
                    {text}
                    {row.better === i && <span className="visually-hidden"> ({t('sel.comparison.better')})</span>}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('sel.compare.row.proof')}</th>
              {results.map((r) => (
                <td key={r.algorithm} className="num">
                  {proofText(r, t, lang)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('sel.compare.row.time')}</th>
              {results.map((r) => (
                <td key={r.algorithm} className="num">
                  {t('sel.compare.seconds', { s: formatNumber(Math.round(r.elapsedMs / 100) / 10, lang) })}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted sel-note">{t('sel.comparison.betterNote')}</p>
      <div className="sel-histogram-pair">
        {results.map((r) => (
          <div key={r.algorithm}>
            <h4>{t(`sel.algorithm.${r.algorithm}`)}</h4>
            <ProbabilityHistogram values={r.figures.values} end={end} countMax={countMax} label={t(`sel.algorithm.${r.algorithm}`)} tone={r.algorithm === 'legacy' ? 'legacy' : 'leximin'} />
          </div>
        ))}
      </div>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** How sure each figure is: a proven gap, an estimate from simulated draws, or stopped early. */
function proofText(r: ComparedMethod, t: T, lang: string): string {
  if (r.simulatedDraws !== null) return t('sel.compare.proof.estimated', { n: formatNumber(r.simulatedDraws, lang) });
  if (!r.certificate || !Number.isFinite(r.certificate.relativeGap)) return t('sel.compare.proof.none');
  // Gaps under 0.01 % print as "< 0.01 %" rather than a misleading 0.00 %.
  const gap = r.certificate.relativeGap < 1e-4 ? `< ${finePercent(1e-4, lang)}` : finePercent(r.certificate.relativeGap, lang);
  if (!r.complete) return t('sel.compare.proof.early', { gap });
  return r.certificate.relativeGap <= 0 ? t('sel.compare.proof.optimal') : t('sel.compare.proof.within', { gap });
}
