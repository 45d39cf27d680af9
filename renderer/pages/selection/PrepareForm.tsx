/**
 * Preparing a run: what to draw (a new panel, or replacements for the open seats), how
 * (LEXIMIN or the legacy greedy method), and the lottery's settings. While selection.prepare
 * works (seconds to minutes), selection.progress is polled every half second.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf } from '../../../main/apiTypes';
import type { PublicNumberSourceName, SelectionOverview, SelectionProgress, SelectionRun } from '../../../main/domain/selection/runTypes';
import type { SelectionAlgorithm } from '../../../preload/vocabulary';
import { call, isApiCallError, type ApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { InfeasibleNotice, isPlanProblem } from './InfeasibleNotice';
import { ProgressPanel } from './ProgressPanel';

const POLL_MS = 500;
const DEFAULT_MINUTES = 10;
const DEFAULT_TICKETS = 1000;

type Kind = 'panel' | 'replacement';

interface Props {
  overview: SelectionOverview;
  /** A run was stored: show it. */
  onPrepared: (run: SelectionRun) => void;
  /** Something may have changed (a computation another window started has ended). */
  onChanged: () => void;
}

interface Values {
  kind: Kind;
  algorithm: SelectionAlgorithm;
  panelSize: string;
  minutes: string;
  tickets: string;
  source: PublicNumberSourceName;
}

type Problems = Partial<Record<'panelSize' | 'minutes' | 'tickets', string>>;

/** A replacement run fills open seats around a panel already drawn. */
export const canReplace = (o: SelectionOverview): boolean => o.openSeats > 0 && (o.drawnPanelRunId !== null || o.seated > 0);

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export function PrepareForm({ overview, onPrepared, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const replaceable = canReplace(overview);
  const [values, setValues] = useState<Values>({
    kind: replaceable ? 'replacement' : 'panel',
    algorithm: 'leximin',
    panelSize: String(overview.panelSize),
    minutes: String(DEFAULT_MINUTES),
    tickets: String(DEFAULT_TICKETS),
    source: 'digits',
  });
  const [problems, setProblems] = useState<Problems>({});
  // 'own': this page waits for selection.prepare; 'other': a computation started elsewhere.
  const [watching, setWatching] = useState<'own' | 'other' | null>(overview.computing ? 'other' : null);
  const [progress, setProgress] = useState<SelectionProgress | null>(null);
  const [started, setStarted] = useState<{ at: number; algorithm: SelectionAlgorithm; timeLimitMs: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [stopping, setStopping] = useState<'keep' | 'cancel' | null>(null);
  const [stopBusy, setStopBusy] = useState(false);
  const [stopError, setStopError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  // With a panel drawn and no open seat, preparing is rare: the form waits behind a button.
  const [expanded, setExpanded] = useState(!(overview.drawnPanelRunId !== null && !replaceable) || overview.computing);
  const problemRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  const kind: Kind = replaceable ? values.kind : 'panel';
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  // Poll the progress while a computation runs.
  useEffect(() => {
    if (!watching) return;
    let alive = true;
    let seenRunning = false;
    const tick = async () => {
      setNow(Date.now());
      try {
        const p = await call('selection.progress', {});
        if (!alive) return;
        setProgress(p);
        if (p) seenRunning = true;
        if (!p && watching === 'other') {
          // The computation another window started has ended: show what it stored.
          setWatching(null);
          onChangedRef.current();
        }
      } catch {
        // The progress is a nicety: the computation goes on without it.
        if (!alive) return;
        if (watching === 'other' && !seenRunning) setWatching(null);
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [watching]);

  // After a refusal or a cancellation, the keyboard user lands on the explanation.
  useEffect(() => {
    if (!error) return;
    (problemRef.current ?? errorRef.current)?.focus();
  }, [error]);

  function check(): { problems: Problems; panelSize?: number; timeLimitMs: number; lotterySize?: number } | null {
    const found: Problems = {};
    const minutes = Number(values.minutes.replace(',', '.'));
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 60) found.minutes = t('sel.prepare.minutesRange');
    let panelSize: number | undefined;
    if (kind === 'panel') {
      const n = wholeNumber(values.panelSize);
      if (n === null || n < 1) found.panelSize = t('sel.prepare.panelSizeWhole');
      else if (n > overview.candidates) found.panelSize = t('sel.prepare.panelSizeTooBig', { n: formatNumber(overview.candidates, lang) });
      else panelSize = n;
    }
    let lotterySize: number | undefined;
    if (values.algorithm !== 'legacy') {
      const n = wholeNumber(values.tickets);
      if (n === null || n < 2 || n > 100_000) found.tickets = t('sel.prepare.ticketsRange');
      else lotterySize = n;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return null;
    return { problems: found, panelSize, timeLimitMs: Math.round(minutes * 60_000), lotterySize };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    setStopError(null);
    const checked = check();
    if (!checked) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.sel-prepare-form [aria-invalid="true"]')?.focus());
      return;
    }
    const args: ArgsOf<'selection.prepare'> = { algorithm: values.algorithm, timeLimitMs: checked.timeLimitMs };
    if (kind === 'replacement') args.kind = 'replacement';
    else args.panelSize = checked.panelSize;
    if (values.algorithm !== 'legacy') {
      args.lotterySize = checked.lotterySize;
      args.source = values.source;
    }
    setStarted({ at: Date.now(), algorithm: values.algorithm, timeLimitMs: checked.timeLimitMs });
    setProgress(null);
    setStopping(null);
    setWatching('own');
    try {
      const run = await call('selection.prepare', args);
      setWatching(null);
      setStatus(run.complete ? t('sel.prepare.done') : t('sel.prepare.doneEarly'));
      onPrepared(run);
    } catch (e) {
      setWatching(null);
      if (isApiCallError(e) && e.code === 'CANCELLED') {
        setStatus(t('sel.prepare.cancelled'));
        requestAnimationFrame(() => statusRef.current?.focus());
      } else {
        if (isApiCallError(e)) {
          setProblems({
            panelSize: fieldText(e.fieldProblem('panelSize')) ?? undefined,
            minutes: fieldText(e.fieldProblem('timeLimitMs')) ?? undefined,
            tickets: fieldText(e.fieldProblem('lotterySize')) ?? undefined,
          });
        }
        setError(e);
      }
      onChanged();
    } finally {
      setStopping(null);
    }
  }

  async function stop(keep: boolean) {
    setStopBusy(true);
    setStopError(null);
    try {
      const answer = await call('selection.stop', { keep });
      if (answer.stopping) setStopping(keep ? 'keep' : 'cancel');
    } catch (e) {
      setStopError(e);
    } finally {
      setStopBusy(false);
    }
  }

  const computing = watching !== null;
  const planProblem = isApiCallError(error) && isPlanProblem(error) ? (error as ApiCallError) : null;
  const fallback = started && watching === 'own' ? { algorithm: started.algorithm, elapsedMs: now - started.at, timeLimitMs: started.timeLimitMs } : null;

  return (
    <section className="panel sel-prepare" aria-labelledby="sel-prepare-title">
      <h2 id="sel-prepare-title">{t('sel.prepare.title')}</h2>
      {overview.drawnPanelRunId && kind === 'panel' && <p className="notice sel-notice-info">{t('sel.prepare.panelAlreadyDrawn')}</p>}
      {!expanded && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            aria-expanded={false}
            onClick={() => {
              setExpanded(true);
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.sel-prepare-form input')?.focus());
            }}
          >
            {t('sel.prepare.expand')}
          </button>
        </div>
      )}
      {expanded && (
        <form className="sel-prepare-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sel-prepare-title">
          <fieldset disabled={computing} className="sel-prepare-fields">
            {replaceable && (
              <fieldset className="sel-choice">
                <legend>{t('sel.prepare.kind')}</legend>
                <div className="sel-choice-list">
                  <Choice name="sel-kind" checked={values.kind === 'replacement'} onChange={() => set('kind', 'replacement')} label={t('sel.prepare.kindReplacement', { count: overview.openSeats, n: formatNumber(overview.openSeats, lang) })} hint={t('sel.prepare.kindReplacementHint')} />
                  <Choice name="sel-kind" checked={values.kind === 'panel'} onChange={() => set('kind', 'panel')} label={t('sel.prepare.kindPanel')} hint={t('sel.prepare.kindPanelHint')} />
                </div>
              </fieldset>
            )}
            <fieldset className="sel-choice">
              <legend>{t('sel.prepare.algorithm')}</legend>
              <div className="sel-choice-list">
                <Choice name="sel-algorithm" checked={values.algorithm === 'leximin'} onChange={() => set('algorithm', 'leximin')} label={t('sel.prepare.leximin')} hint={t('sel.prepare.leximinHint')} />
                {(['maximin', 'nash', 'goldilocks'] as const).map((a) => (
                  <Choice key={a} name="sel-algorithm" checked={values.algorithm === a} onChange={() => set('algorithm', a)} label={t(`sel.algorithm.${a}`)} hint={t(`sel.prepare.${a}Hint`)} />
                ))}
                <Choice name="sel-algorithm" checked={values.algorithm === 'legacy'} onChange={() => set('algorithm', 'legacy')} label={t('sel.prepare.legacy')} hint={t('sel.prepare.legacyHint')} />
              </div>
            </fieldset>
            <div className="sel-prepare-grid">
              {kind === 'panel' && (
                <Field id="sel-panel-size" label={t('sel.prepare.panelSize')} error={problems.panelSize} hint={t('sel.prepare.panelSizeHint', { n: formatNumber(overview.panelSize, lang) })}>
                  {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={values.panelSize} onChange={(e) => set('panelSize', e.target.value)} />}
                </Field>
              )}
              <Field id="sel-minutes" label={t('sel.prepare.minutes')} error={problems.minutes} hint={values.algorithm !== 'legacy' ? t('sel.prepare.minutesHint') : t('sel.prepare.minutesHintLegacy')}>
                {(control) => <input {...control} type="text" inputMode="decimal" className="input-short" value={values.minutes} onChange={(e) => set('minutes', e.target.value)} />}
              </Field>
              {values.algorithm !== 'legacy' && (
                <Field id="sel-tickets" label={t('sel.prepare.tickets')} error={problems.tickets} hint={t('sel.prepare.ticketsHint')}>
                  {(control) => <input {...control} type="text" inputMode="numeric" className="input-short" value={values.tickets} onChange={(e) => set('tickets', e.target.value)} />}
                </Field>
              )}
            </div>
            {values.algorithm !== 'legacy' && (
              <fieldset className="sel-choice">
                <legend>{t('sel.prepare.source')}</legend>
                <div className="sel-choice-list">
                  <Choice name="sel-source" checked={values.source === 'digits'} onChange={() => set('source', 'digits')} label={t('sel.source.digits')} hint={t('sel.source.digitsHint')} />
                  <Choice name="sel-source" checked={values.source === 'die'} onChange={() => set('source', 'die')} label={t('sel.source.die')} hint={t('sel.source.dieHint')} />
                </div>
              </fieldset>
            )}
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {computing ? t('sel.prepare.computing') : t('sel.prepare.compute')}
              </button>
            </div>
          </fieldset>
        </form>
      )}

      {computing && (
        <ProgressPanel
          progress={progress}
          fallback={fallback}
          stopping={stopping}
          busy={stopBusy}
          stopError={stopError}
          onStop={(keep) => void stop(keep)}
        />
      )}
      {watching === 'other' && <p className="muted">{t('sel.prepare.otherWindow')}</p>}

      <div role="status" className="status-line">
        {status && (
          <p className="notice notice-success" tabIndex={-1} ref={statusRef}>
            {status}
          </p>
        )}
      </div>
      {planProblem ? <InfeasibleNotice error={planProblem} ref={problemRef} /> : <ErrorNotice error={error} ref={errorRef} />}
    </section>
  );
}

function Choice({ name, checked, onChange, label, hint }: { name: string; checked: boolean; onChange: () => void; label: string; hint: string }) {
  const id = useId();
  return (
    <div className="radio sel-radio">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} aria-describedby={`${id}-hint`} />
      <label htmlFor={id} className="sel-radio-label">
        {label}
      </label>
      <span id={`${id}-hint`} className="sel-radio-hint">
        {hint}
      </span>
    </div>
  );
}
