/**
 * The draw of a prepared run: with numbers drawn in public in the room (the published document's
 * rule turns them into a ticket, shown here before anything is stored), or with a random seed
 * that is recorded. A confirmation says how many people become "selected".
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionDrawArgs, SelectionRun, SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { parseNumbers, publicRule, readPublicNumbers, SOURCES } from './selectionShared';

interface Props {
  run: SelectionRunDetail;
  /** seatsFilled: the people the draw added (a replacement run: the open seats; a panel: all of it). */
  onDrawn: (run: SelectionRun, seatsFilled: number) => void;
}

export function DrawForm({ run, onDrawn }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const [mode, setMode] = useState<'public' | 'random'>('public');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<SelectionDrawArgs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const lottery = run.lottery;
  const parsed = parseNumbers(text);
  const reading = lottery && parsed.invalid.length === 0 && parsed.numbers.length > 0 ? readPublicNumbers(parsed.numbers, lottery.size, lottery.source) : null;
  const rule = lottery ? publicRule(lottery.size, lottery.source) : null;
  const newMembers = Math.max(0, run.panelSize - run.fixed.length);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (mode === 'random') {
      setProblem(null);
      setConfirming({ runId: run.id, mode: 'random' });
      return;
    }
    let found: string | null = null;
    if (parsed.numbers.length === 0 && parsed.invalid.length === 0) found = t('sel.draw.numbersRequired');
    else if (parsed.invalid.length > 0) found = t('sel.draw.numbersInvalid', { items: parsed.invalid.slice(0, 5).join(' ') });
    else if (lottery && rule && reading) {
      if (reading.outOfRange.length > 0) found = t('sel.draw.numbersRange', { lowest: rule.lowest, highest: rule.highest });
      else if (reading.ticket === null) found = t('sel.draw.numbersMore', { count: rule.group });
    }
    setProblem(found);
    if (found) {
      document.getElementById('sel-numbers')?.focus();
      return;
    }
    setConfirming({ runId: run.id, mode: 'public', numbers: parsed.numbers, ...(lottery ? { source: lottery.source } : {}) });
  }

  async function draw() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const drawn = await call('selection.draw', confirming);
      setConfirming(null);
      onDrawn(drawn, (drawn.panel?.length ?? 0) - run.fixed.length);
    } catch (e) {
      setConfirming(null);
      setError(e);
      if (isApiCallError(e) && e.fieldProblem('numbers')) {
        setProblem(fieldText(e.fieldProblem('numbers')));
        requestAnimationFrame(() => document.getElementById('sel-numbers')?.focus());
      } else {
        requestAnimationFrame(() => errorRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sel-draw" aria-labelledby="sel-draw-title">
      <h3 id="sel-draw-title">{t('sel.draw.title')}</h3>
      <form onSubmit={submit} noValidate aria-labelledby="sel-draw-title">
        <fieldset className="sel-choice">
          <legend>{t('sel.draw.mode')}</legend>
          <div className="sel-choice-list">
            <label className="radio">
              <input type="radio" name="sel-draw-mode" checked={mode === 'public'} onChange={() => setMode('public')} />
              {t('sel.draw.modePublic')}
            </label>
            <label className="radio">
              <input type="radio" name="sel-draw-mode" checked={mode === 'random'} onChange={() => setMode('random')} />
              {t('sel.draw.modeRandom')}
            </label>
          </div>
        </fieldset>
        {mode === 'public' ? (
          <>
            {lottery && rule ? (
              <div className="sel-rule">
                <p>
                  {t(`sel.draw.howMany.${lottery.source}`, {
                    count: rule.group,
                    lowest: SOURCES[lottery.source].lowest,
                    highest: SOURCES[lottery.source].highest,
                    tickets: formatNumber(lottery.size, lang),
                    last: formatNumber(lottery.size - 1, lang),
                  })}
                </p>
                <p className="muted">
                  {rule.limit === rule.span
                    ? t('sel.draw.noDiscard')
                    : t('sel.draw.discard', { count: rule.group })}
                </p>
              </div>
            ) : (
              <p className="sel-rule">{t('sel.draw.legacySeed')}</p>
            )}
            <Field id="sel-numbers" label={t('sel.draw.numbers')} error={problem} hint={t('sel.draw.numbersHint')}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  className="sel-numbers-input"
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    setProblem(null);
                  }}
                />
              )}
            </Field>
            {lottery && reading && reading.outOfRange.length === 0 && (
              <p className="sel-ticket-preview" aria-live="polite">
                {reading.ticket !== null
                  ? `${t('sel.draw.preview', { ticket: reading.ticket })}${
                      parsed.numbers.length > reading.used
                        ? ` ${t('sel.draw.previewUnused', { count: parsed.numbers.length - reading.used, n: parsed.numbers.length - reading.used })}`
                        : ''
                    }`
                  : t('sel.draw.previewNone', { count: rule!.group - (parsed.numbers.length % rule!.group) })}
              </p>
            )}
          </>
        ) : (
          <p className="sel-rule">{t('sel.draw.randomText')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('sel.draw.submit')}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} ref={errorRef} />

      {confirming && (
        <Dialog title={t('sel.draw.confirmTitle')} onClose={() => setConfirming(null)} role="alertdialog" describedBy="sel-draw-confirm-text">
          <div id="sel-draw-confirm-text">
            <p>{t('sel.draw.confirmText', { count: newMembers, n: formatNumber(newMembers, lang) })}</p>
            {confirming.mode === 'public' ? (
              <p>
                {t('sel.draw.confirmNumbers', { numbers: confirming.numbers.join(' ') })}
                {lottery && reading?.ticket !== null && reading ? ` ${t('sel.draw.confirmTicket', { ticket: reading.ticket })}` : ''}
              </p>
            ) : (
              <p>{t('sel.draw.confirmRandom')}</p>
            )}
            <p className="muted">{t('sel.draw.confirmFinal')}</p>
          </div>
          <FormActions busy={busy} submitLabel={t('sel.draw.confirm')} onConfirm={() => void draw()} onCancel={() => setConfirming(null)} cancelFirst />
        </Dialog>
      )}
    </section>
  );
}
