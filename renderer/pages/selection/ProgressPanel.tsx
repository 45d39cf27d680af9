/**
 * A run being computed: time used against the time limit (a real <progress>), what LEXIMIN has
 * reached so far or how many legacy draws are done, and the two ways to end it early.
 */
import { useTranslation } from 'react-i18next';
import type { SelectionAlgorithm } from '../../../preload/vocabulary';
import type { SelectionProgress } from '../../../main/domain/selection/runTypes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { pct } from './selectionShared';

/** 75 seconds -> "1:15". */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

interface Props {
  progress: SelectionProgress | null;
  /** What the page knows when the server has not answered selection.progress (yet). */
  fallback: { algorithm: SelectionAlgorithm; elapsedMs: number; timeLimitMs: number } | null;
  /** The user pressed one of the buttons and the server agreed. */
  stopping: 'keep' | 'cancel' | null;
  busy: boolean;
  stopError: unknown;
  onStop: (keep: boolean) => void;
}

export function ProgressPanel({ progress, fallback, stopping, busy, stopError, onStop }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const algorithm = progress?.algorithm ?? fallback?.algorithm ?? 'leximin';
  const elapsed = progress?.elapsedMs ?? fallback?.elapsedMs ?? 0;
  const limit = progress?.timeLimitMs ?? fallback?.timeLimitMs ?? 0;
  const stage = progress?.stage ?? null;
  const state = progress?.stopping ?? stopping;

  return (
    <section className="sel-progress" aria-labelledby="sel-progress-title">
      <h3 id="sel-progress-title">
        {progress?.comparing
          ? t('sel.progress.comparing', {
              algorithm: t(`sel.algorithm.${algorithm}`),
              index: progress.comparing.index + 1,
              first: t(`sel.algorithm.${progress.comparing.algorithms[0]}`),
              second: t(`sel.algorithm.${progress.comparing.algorithms[1]}`),
            })
          : t('sel.progress.title', { algorithm: t(`sel.algorithm.${algorithm}`) })}
      </h3>
      <div className="sel-progress-row">
        <label htmlFor="sel-progress-bar">{t('sel.progress.time')}</label>
        {limit > 0 ? (
          <progress id="sel-progress-bar" max={limit} value={Math.min(elapsed, limit)} />
        ) : (
          <progress id="sel-progress-bar" />
        )}
        <span className="sel-progress-figure">{limit > 0 ? t('sel.progress.timeOf', { elapsed: clock(elapsed), limit: clock(limit) }) : clock(elapsed)}</span>
      </div>
      {progress?.done !== null && progress?.done !== undefined && progress.total ? (
        <div className="sel-progress-row">
          <label htmlFor="sel-progress-draws">{t('sel.progress.draws')}</label>
          <progress id="sel-progress-draws" max={progress.total} value={progress.done} />
          <span className="sel-progress-figure">
            {t('sel.progress.drawsOf', { done: formatNumber(progress.done, lang), total: formatNumber(progress.total, lang) })}
          </span>
        </div>
      ) : null}
      <div role="status" className="sel-progress-status">
        <p>{state ? t(`sel.progress.stopping.${state}`) : stage ? t(`sel.progress.stage.${stage}`) : t('sel.progress.starting')}</p>
      </div>
      {progress && progress.minProbability !== null && (
        <p className="sel-progress-best">
          {progress.stage === 'objective' && progress.maxProbability !== null && progress.maxProbability !== undefined
            ? t('sel.progress.bestObjective', { min: pct(progress.minProbability, lang), max: pct(progress.maxProbability, lang) })
            : progress.upperBound !== null
            ? t('sel.progress.best', { min: pct(progress.minProbability, lang), bound: pct(progress.upperBound, lang) })
            : t('sel.progress.bestNoBound', { min: pct(progress.minProbability, lang) })}
        </p>
      )}
      <p className="muted sel-note">{algorithm !== 'legacy' ? t('sel.progress.hintLeximin') : t('sel.progress.hintLegacy')}</p>
      <ErrorNotice error={stopError} />
      <div className="form-actions">
        {algorithm !== 'legacy' && (
          <button type="button" className="button button-primary" disabled={busy || state !== null} onClick={() => onStop(true)}>
            {t('sel.progress.keep')}
          </button>
        )}
        <button type="button" className="button button-danger-outline" disabled={busy || state !== null} onClick={() => onStop(false)}>
          {t('sel.progress.cancel')}
        </button>
      </div>
    </section>
  );
}
