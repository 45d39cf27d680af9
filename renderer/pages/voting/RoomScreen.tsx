/**
 * The room screen (`#/voting/room`) for the projector: one item at a time in huge type, a bar of
 * the votes with their percentages, ADOPTED or NOT ADOPTED; Left and Right (or the buttons) go
 * through the items. It is a modal <dialog> over the whole window (the app's navigation is
 * inert behind it), with a full-screen button; Escape or "Leave" goes back to the results.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotResult, ItemResult } from '../../../main/domain/voting/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber, formatPercent } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { countLabels, useHashParam } from './shared';
import { useContent } from '../../components/content';

const leave = () => {
  window.location.hash = hrefFor('voting', 'results');
};

export function RoomScreen() {
  const { t } = useTranslation();
  const content = useContent();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const param = useHashParam('ballot');
  const results = useApiData(() => call('voting.results', {}), []);
  const list = results.data ?? [];
  const latest = [...list].sort((a, b) => (b.ballot.finalisedAt ?? '').localeCompare(a.ballot.finalisedAt ?? ''))[0];
  const [chosenId, setChosenId] = useState<string | null>(param);
  const current = list.find((r) => r.ballot.id === chosenId) ?? latest;
  const slides = current ? (current.result.items.length > 0 ? current.result.items.length : 1) : 0;
  const [index, setIndex] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const selectId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    headingRef.current?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      leave();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const go = useCallback((by: number) => setIndex((i) => Math.max(0, Math.min(slides - 1, i + by))), [slides]);

  // The heading that replaced "Loading…" takes the focus (the element that had it is gone).
  const loaded = results.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    // On the window, capturing: Left/Right go through the items wherever the focus is, even on
    // the ballot list (the rest of the page is inert behind the modal dialog).
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(Math.max(0, slides - 1));
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, slides]);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  const lang = currentLanguage();
  const item = current?.result.items[index];
  return (
    <dialog ref={ref} className="vote-room" aria-labelledby="page-heading">
      <div className="vote-room-bar-top">
        <p className="vote-room-ballot">{current ? content('ballot', current.ballot.id, 'title', current.ballot.title) : t('votingPage.room.title')}</p>
        {list.length > 1 && (
          <div className="vote-room-choose">
            <label htmlFor={selectId}>{t('votingPage.room.ballot')}</label>
            <select
              id={selectId}
              value={current?.ballot.id ?? ''}
              onChange={(e) => {
                setChosenId(e.target.value);
                setIndex(0);
              }}
            >
              {list.map((r) => (
                <option key={r.ballot.id} value={r.ballot.id}>
                  {content('ballot', r.ballot.id, 'title', r.ballot.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="vote-room-controls">
          <button type="button" className="vote-room-button" onClick={() => go(-1)} disabled={index === 0} aria-label={t('votingPage.room.previous')}>
            <span aria-hidden="true">←</span>
          </button>
          <span className="vote-room-position">{slides > 0 ? t('votingPage.room.position', { n: formatNumber(index + 1, lang), of: formatNumber(slides, lang) }) : ''}</span>
          <button type="button" className="vote-room-button" onClick={() => go(1)} disabled={index >= slides - 1} aria-label={t('votingPage.room.next')}>
            <span aria-hidden="true">→</span>
          </button>
          <button type="button" className="vote-room-button vote-room-text-button" onClick={toggleFullscreen}>
            {fullscreen ? t('votingPage.room.exitFullscreen') : t('votingPage.room.fullscreen')}
          </button>
          <button type="button" className="vote-room-button vote-room-text-button" onClick={leave}>
            {t('votingPage.room.leave')}
          </button>
        </div>
      </div>
      <ErrorNotice error={results.error} />
      {results.data && !current && (
        <div className="vote-room-stage">
          <h1 id="page-heading" ref={headingRef} tabIndex={-1} className="vote-room-title">
            {t('votingPage.room.none')}
          </h1>
        </div>
      )}
      {!results.data && (
        <h1 id="page-heading" ref={headingRef} tabIndex={-1} className="vote-room-loading">
          {t('app.loading')}
        </h1>
      )}
      {current && item && <ItemSlide ballot={current.ballot} result={current.result} item={item} headingRef={headingRef} />}
      {current && !item && current.result.ranking && <RankingSlide ballot={current.ballot} result={current.result} headingRef={headingRef} />}
      <p className="visually-hidden">{t('votingPage.room.keys')}</p>
    </dialog>
  );
}

function thresholdOf(ballot: Ballot): number | null {
  const r = ballot.rule;
  if (r.method === 'scale') return r.numerator / r.denominator;
  if (r.method !== 'yesNo') return null;
  if (r.threshold === 'simpleMajority' || r.threshold === 'majorityOfPresent') return 0.5;
  if (r.threshold === 'twoThirds') return 2 / 3;
  if (r.threshold === 'eightyPercent') return 0.8;
  return (r.numerator ?? 1) / (r.denominator ?? 2);
}

function ItemSlide({ ballot, result, item, headingRef }: { ballot: Ballot; result: BallotResult; item: ItemResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = countLabels(t, ballot);
  const content = useContent();
  const text = ballot.items.find((i) => i.id === item.itemId)?.text[lang];
  const title = content('ballotItem', item.itemId, 'title', item.title);
  // The bar is the base: for/against of the votes cast (abstentions beside it), or everything of
  // those present or of the valid papers.
  const inBar = item.counts.map((_, k) => !(item.baseKind === 'cast' && k === 2));
  const threshold = thresholdOf(ballot);
  const verdict = item.adopted ? 'adopted' : item.tie ? 'tie' : 'notAdopted';
  const summary = item.counts.map((c, k) => `${labels[k]} ${formatNumber(c, lang)} (${formatPercent(item.percentages[k] ?? 0, lang)})`).join(', ');
  return (
    <div className="vote-room-stage" aria-live="polite">
      <p className="vote-room-number">{item.number}</p>
      <h1 id="page-heading" ref={headingRef} tabIndex={-1} className="vote-room-title">
        {title}
      </h1>
      {text && text !== title && <p className="vote-room-text">{text}</p>}
      <div className="vote-room-meter" role="img" aria-label={summary}>
        {item.counts.map((c, k) =>
          inBar[k] && (item.percentages[k] ?? 0) > 0 ? (
            <span key={k} className={`vote-room-segment vote-seg-${ballot.rule.method === 'yesNo' ? k : `level-${k}`}`} style={{ width: `${(item.percentages[k] ?? 0) * 100}%` }}>
              {(item.percentages[k] ?? 0) >= 0.08 ? formatPercent(item.percentages[k] ?? 0, lang) : ''}
            </span>
          ) : null,
        )}
        {threshold !== null && <span className="vote-room-threshold" style={{ left: `${threshold * 100}%` }} aria-hidden="true" />}
      </div>
      <ul className="vote-room-legend">
        {item.counts.map((c, k) => (
          <li key={k} className={inBar[k] ? undefined : 'vote-room-aside'}>
            <span className={`vote-room-swatch vote-seg-${ballot.rule.method === 'yesNo' ? k : `level-${k}`}`} aria-hidden="true" />
            <span className="vote-room-label">{labels[k]}</span> <strong>{formatNumber(c, lang)}</strong> <span className="vote-room-pct">{formatPercent(item.percentages[k] ?? 0, lang)}</span>
          </li>
        ))}
      </ul>
      <p className={`vote-room-verdict vote-room-${verdict}`}>
        <span aria-hidden="true">{item.adopted ? '✓ ' : item.tie ? '= ' : '✗ '}</span>
        {t(`votingPage.room.${verdict}`)}
      </p>
      {!result.quorumMet && <p className="vote-room-note">{t('votingPage.room.quorumNotMet')}</p>}
      {item.tie && item.settled === 'castingVote' && <p className="vote-room-note vote-room-casting">{t('votingPage.room.castingVote')}</p>}
      {item.tie && item.settled === 'newVote' && <p className="vote-room-note vote-room-casting">{t('votingPage.room.newVote')}</p>}
      <p className="vote-room-note">
        {t(`votingPage.base.${item.baseKind}`)}
        {threshold !== null && ` ${t('votingPage.room.thresholdLine', { threshold: formatPercent(threshold, lang) })}`}
      </p>
    </div>
  );
}

function RankingSlide({ ballot, result, headingRef }: { ballot: Ballot; result: BallotResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ranking = result.ranking!;
  const content = useContent();
  let place = 1;
  return (
    <div className="vote-room-stage">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1} className="vote-room-title">
        {content('ballot', ballot.id, 'title', ballot.title)}
      </h1>
      <ol className="vote-room-ranking">
        {ranking.order.map((group) => {
          const p = place;
          place += group.length;
          return group.map((id) => {
            const item = ballot.items.find((i) => i.id === id);
            return (
              <li key={id} className={ranking.winners.includes(id) ? 'vote-room-winner' : undefined}>
                <span className="vote-room-place">{group.length > 1 ? `${p} =` : p}</span>
                <span>
                  {item?.number} {item ? content('ballotItem', item.id, 'title', item.title) : null}
                </span>
                <span className="vote-room-score">{formatNumber(ranking.scores[id] ?? 0, lang)}</span>
              </li>
            );
          });
        })}
      </ol>
      {ranking.settled === 'castingVote' && <p className="vote-room-note vote-room-casting">{t('votingPage.room.castingVote')}</p>}
      {ranking.settled === 'newVote' && <p className="vote-room-note vote-room-casting">{t('votingPage.room.newVote')}</p>}
      {!result.quorumMet && <p className="vote-room-note">{t('votingPage.room.quorumNotMet')}</p>}
    </div>
  );
}
