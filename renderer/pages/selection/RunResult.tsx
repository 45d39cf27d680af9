/**
 * One run: what was computed (the chances of selection, the certificate, the comparison with the
 * legacy method, the published lottery), then either the draw form or what was drawn.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateMargin, isProvenOptimal } from '../../../main/domain/selection/claims';
import type { SelectionRun, SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { LoadStatus } from '../../components/StatusLine';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { ComparisonTable } from './ComparisonTable';
import { DrawForm } from './DrawForm';
import { DrawnResult } from './DrawnResult';
import { LotteryPanel } from './LotteryPanel';
import { ProbabilityHistogram, scaleEndFor } from './ProbabilityHistogram';
import { formatGini, gapPercent, pct } from './selectionShared';

interface Props {
  runId: string;
  /** Changes when the heading should take the focus (after a computation or a draw). */
  focusRequest: number;
  /** Changes when the run should be read again. */
  version: number;
  onDrawn: (run: SelectionRun, seatsFilled: number) => void;
  onSupersede: (run: SelectionRun) => void;
}

export function RunResult({ runId, focusRequest, version, onDrawn, onSupersede }: Props) {
  const { t } = useTranslation();
  const detail = useApiData(() => call('selection.get', { id: runId }), [runId, version]);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(0);
  const run = detail.data?.id === runId ? detail.data : undefined;

  useEffect(() => {
    if (run && !detail.loading && focusRequest !== focused.current) {
      focused.current = focusRequest;
      if (focusRequest > 0) {
        heading.current?.focus();
        heading.current?.scrollIntoView({ block: 'start' });
      }
    }
  }, [run, detail.loading, focusRequest]);

  return (
    <section className="panel sel-result" aria-labelledby="sel-result-title">
      <h2 id="sel-result-title" ref={heading} tabIndex={-1}>
        {run ? t(`sel.result.title.${run.status}`) : t('sel.result.titleLoading')}
      </h2>
      <LoadStatus loaded={detail} />
      {run && <RunBody run={run} onDrawn={onDrawn} onSupersede={onSupersede} />}
    </section>
  );
}

function RunBody({ run, onDrawn, onSupersede }: { run: SelectionRunDetail; onDrawn: (run: SelectionRun, seatsFilled: number) => void; onSupersede: (run: SelectionRun) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const s = run.summary;
  const values = Object.values(run.probabilities);

  return (
    <>
      <dl className="facts sel-facts">
        <div>
          <dt>{t('sel.result.status')}</dt>
          <dd>
            <span className={`sel-status sel-status-${run.status}`}>{t(`sel.status.${run.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('sel.result.what')}</dt>
          <dd>
            {t(`sel.kind.${run.kind}`)} · {t(`sel.algorithm.${run.algorithm}`)}
          </dd>
        </div>
        <div>
          <dt>{t('sel.result.panelSize')}</dt>
          <dd>{formatNumber(run.panelSize, lang)}</dd>
        </div>
        <div>
          <dt>{t('sel.result.candidates')}</dt>
          <dd>{formatNumber(s.count, lang)}</dd>
        </div>
        <div>
          <dt>{t('sel.result.prepared')}</dt>
          <dd>{t('sel.result.preparedBy', { at: formatInstant(run.at, lang), by: run.operator })}</dd>
        </div>
        <div>
          <dt>{t('sel.result.household')}</dt>
          <dd>{run.onePerHousehold ? t('sel.overview.householdOn') : t('sel.overview.householdOff')}</dd>
        </div>
      </dl>

      {run.status === 'superseded' && (
        <p className="notice sel-notice-warn">
          {t('sel.result.supersededText', { at: run.supersededAt ? formatInstant(run.supersededAt, lang) : '', reason: run.supersededReason ?? '' })}
        </p>
      )}

      <section aria-labelledby="sel-chances-title">
        <h3 id="sel-chances-title">{t('sel.result.chancesTitle')}</h3>
        <dl className="sel-stats">
          <div>
            <dt>{t('sel.result.min')}</dt>
            <dd>{pct(s.min, lang)}</dd>
          </div>
          <div>
            <dt>{t('sel.result.mean')}</dt>
            <dd>{pct(s.mean, lang)}</dd>
          </div>
          <div>
            <dt>{t('sel.result.max')}</dt>
            <dd>{pct(s.max, lang)}</dd>
          </div>
          <div>
            <dt>
              <abbr title={t('sel.result.giniTitle')}>{t('sel.result.gini')}</abbr>
            </dt>
            <dd>{formatGini(s.gini, lang)}</dd>
          </div>
        </dl>
        <p className="sel-certificate">
          {run.algorithm === 'legacy'
            ? t('sel.result.certificateLegacy', { count: run.simulatedDraws ?? 0, draws: formatNumber(run.simulatedDraws ?? 0, lang), margin: pct(estimateMargin(s.min, run.simulatedDraws ?? 0) ?? 0, lang) })
            : run.certificate
              ? run.complete
                ? // "Optimal" only when no gap is left; otherwise how far from the best possible.
                  isProvenOptimal(run.certificate)
                  ? t('sel.result.certificate', { min: pct(s.min, lang), bound: pct(run.certificate.upperBound, lang) })
                  : t('sel.result.certificateWithin', { min: pct(s.min, lang), bound: pct(run.certificate.upperBound, lang), gap: gapPercent(run.certificate.gap, lang) })
                : t('sel.result.certificateEarly', { min: pct(s.min, lang), bound: pct(run.certificate.upperBound, lang) })
              : run.complete
                ? t('sel.result.certificateNone', { min: pct(s.min, lang) })
                : t('sel.result.certificateEarlyNoBound', { min: pct(s.min, lang) })}
        </p>
        {run.objectiveCertificate && <p className="sel-certificate">{objectiveText(run, t, lang)}</p>}
        <p className="muted sel-note">{t('sel.result.giniText')}</p>
        {!run.legacyComparison && <ProbabilityHistogram values={values} end={scaleEndFor(s.max)} label={t(`sel.algorithm.${run.algorithm}`)} tone={run.algorithm === 'legacy' ? 'legacy' : 'leximin'} />}
      </section>

      <ComparisonTable run={run} />
      <LotteryPanel run={run} />
      {run.status === 'prepared' && <DrawForm run={run} onDrawn={onDrawn} />}
      {run.panel && <DrawnResult run={run} />}
      {run.status !== 'superseded' && (
        <div className="form-actions sel-supersede-action">
          <button type="button" className="button button-danger-outline" onClick={() => onSupersede(run)}>
            {t('sel.supersede.open')}
          </button>
        </div>
      )}
    </>
  );
}

/** Maximin, Nash, Goldilocks: what the objective achieved, in words, with its proven gap. */
function objectiveText(run: SelectionRunDetail, t: ReturnType<typeof useTranslation>['t'], lang: string): string {
  const c = run.objectiveCertificate!;
  const gap = gapPercent(c.relativeGap, lang);
  const number = (x: number) => formatNumber(Math.round(x * 1000) / 1000, lang);
  const s = run.summary;
  return t(`sel.result.objective.${run.algorithm}`, {
    gap,
    gamma: number(Number(run.objective?.params.gamma ?? 1)),
    high: number(s.mean > 0 ? s.max / s.mean : 0),
    low: number(s.min > 0 ? s.mean / s.min : 0),
    value: number(c.value),
    bound: number(c.bound),
  });
}
