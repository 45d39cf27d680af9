/**
 * The double entry of a ballot's counts (`#/voting/count?ballot=ID`): who is at the keyboard
 * (and switching to the second operator), entry 1 and entry 2 with who made them, the grid,
 * the differences once both are in, and Finalise when they agree. A finalised ballot is locked:
 * its result, "Correct…" with a reason, and the history of corrections.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotCounts, BallotDetail, BallotResult } from '../../../main/domain/voting/types';
import { call, isApiCallError } from '../../api';
import { useApiData, useAppState } from '../../components/AppState';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { NoSessions, statusText } from './BallotsPart';
import { CountGrid } from './CountEntry';
import { Differences } from './Differences';
import { ResultTable } from './ResultTable';
import { sameName } from '../../../main/domain/text';
import {
  countHref,
  countLabels,
  roomHref,
  countProblemsOf,
  countsOf,
  currentCounts,
  dependencyText,
  draftOf,
  emptyDraft,
  methodText,
  notHeldText,
  paperText,
  useHashParam,
  type CountsDraft,
} from './shared';
import { rememberSession, sessionLabel, useSessionChoice } from '../../components/SessionPicker';

export function CountPart() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const param = useHashParam('ballot');
  const { sessions, list, session } = useSessionChoice();
  const ballots = useApiData(() => call('voting.list', {}), []);
  const all = ballots.data ?? [];
  const chosen = all.find((b) => b.id === param) ?? all.find((b) => b.sessionId === session?.id && b.status === 'open') ?? all.find((b) => b.sessionId === session?.id) ?? null;
  const selectId = useId();

  if (sessions.data && list.length === 0) return <NoSessions />;

  return (
    <>
      <h2>{t('votingPage.parts.count')}</h2>
      <LoadStatus loaded={ballots} />
      {ballots.data && all.length === 0 && (
        <EmptyState title={t('votingPage.empty.noBallots')}>
          <p>{t('votingPage.empty.noBallotsText')}</p>
          <p>
            <a className="button button-primary" href={hrefFor('voting')}>
              {t('votingPage.empty.toBallots')}
            </a>
          </p>
        </EmptyState>
      )}
      {all.length > 0 && (
        <div className="field vote-picker vote-ballot-picker">
          <label htmlFor={selectId}>{t('votingPage.count.ballot')}</label>
          <select
            id={selectId}
            value={chosen?.id ?? ''}
            onChange={(e) => {
              const b = all.find((x) => x.id === e.target.value);
              if (b) rememberSession(b.sessionId);
              window.location.hash = countHref(e.target.value);
            }}
          >
            {list
              .filter((s) => all.some((b) => b.sessionId === s.id))
              .map((s) => (
                <optgroup key={s.id} label={sessionLabel(s, lang)}>
                  {all
                    .filter((b) => b.sessionId === s.id)
                    .map((b) => (
                      <option key={b.id} value={b.id}>
                        {`${b.title} (${t(`votingPage.status.short.${b.status}`)})`}
                      </option>
                    ))}
                </optgroup>
              ))}
          </select>
        </div>
      )}
      {chosen && <BallotCount key={chosen.id} ballotId={chosen.id} sessionName={list.find((s) => s.id === chosen.sessionId)?.name ?? ''} onChanged={() => void ballots.reload()} />}
    </>
  );
}

function BallotCount({ ballotId, sessionName, onChanged }: { ballotId: string; sessionName: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { status, station } = useAppState();
  const loaded = useApiData(() => call('voting.get', { id: ballotId }), [ballotId]);
  const [fresh, setFresh] = useState<BallotDetail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const detail = fresh ?? loaded.data;
  const [justFinalised, setJustFinalised] = useState(false);
  // Finalising locks the counts for good (a later change is a correction with a reason): asked once more.
  const [confirmingFinalise, setConfirmingFinalise] = useState(false);
  // The chair's casting vote on a tie (when the ballot's rule says so): name, and per tied item or the option.
  const [casting, setCasting] = useState<CastingDraft>({ chair: '', items: {}, option: '' });
  const finalise = useAction(async () => {
    const result = (fresh ?? loaded.data)?.result;
    const castingVote = result?.outcome === 'castingVoteNeeded' ? castingVoteOf(tiesOfResult(result), casting) : undefined;
    const d = await call('voting.finalise', { ballotId, ...(castingVote ? { castingVote } : {}) });
    setConfirmingFinalise(false);
    setFresh(d);
    setMessage(t('votingPage.count.finalisedMessage'));
    setJustFinalised(true);
    onChanged();
  });

  if (!detail) return <LoadStatus loaded={loaded} />;
  const { ballot, entries, present, panelSize } = detail;
  // A tie under the casting-vote rule: the chair's name and a decision on every tie before "Yes, finalise".
  const castingReady = detail.result?.outcome !== 'castingVoteNeeded' || castingComplete(tiesOfResult(detail.result), casting);
  const update = (d: BallotDetail) => {
    setFresh(d);
    onChanged();
  };
  const both = entries.length === 2;
  const agree = both && detail.differences.length === 0;

  return (
    <section className="vote-ballot" aria-labelledby="vote-ballot-title">
      <h3 id="vote-ballot-title" className="vote-ballot-title">
        {ballot.title}
      </h3>
      <dl className="facts vote-facts">
        <div>
          <dt>{t('votingPage.session')}</dt>
          <dd>{sessionName}</dd>
        </div>
        <div>
          <dt>{t('votingPage.ballots.method')}</dt>
          <dd>{methodText(t, ballot)}</dd>
        </div>
        <div>
          <dt>{t('votingPage.count.eligible')}</dt>
          <dd>
            <strong>{t('votingPage.count.eligibleValue', { present: formatNumber(present, lang), panel: formatNumber(panelSize, lang) })}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('votingPage.ballots.status')}</dt>
          <dd>{statusText(t, detail)}</dd>
        </div>
        {detail.dependency && (
          <div>
            <dt>{t('votingPage.form.dependency')}</dt>
            <dd className="vote-dependency-fact">
              {dependencyText(t, detail.dependency)} ({t(`votingPage.dependency.state.${detail.dependency.state}`)})
            </dd>
          </div>
        )}
        <div>
          <dt>{t('votingPage.result.tieRule')}</dt>
          <dd>{t(`votingPage.form.tieRules.${ballot.tieRule}`)}</dd>
        </div>
      </dl>
      {detail.dependents.length > 0 && <p className="muted">{t('votingPage.dependency.dependents', { titles: detail.dependents.map((d) => `“${d.title}”`).join(', ') })}</p>}
      <StatusLine message={message} />
      {ballot.status === 'notHeld' ? (
        <p className="notice vote-not-held" role="note">
          {notHeldText(t, detail.dependency)}
        </p>
      ) : detail.dependency?.state === 'waiting' && ballot.status === 'open' ? (
        <p className="notice vote-waiting" role="note">
          {t('votingPage.dependency.waitingText', { title: detail.dependency.ballotTitle })}
        </p>
      ) : ballot.status === 'finalised' ? (
        <Finalised detail={detail} onCorrected={(d) => { update(d); setMessage(t('votingPage.correct.done')); }} focusHeading={justFinalised} />
      ) : (
        <>
          {/* A station's person is fixed at pairing: there is no operator to change. */}
          {!station && <OperatorBar />}
          <EntryEditor key={`${status.operator ?? ''}|${entries.length}`} detail={detail} onSaved={(d, slot) => { update(d); setMessage(t('votingPage.count.savedMessage', { slot, operator: status.operator ?? '' })); }} />
          {both && <Differences detail={detail} />}
          <section className="panel vote-finalise" aria-labelledby="vote-finalise-title">
            <h3 id="vote-finalise-title">{t('votingPage.count.finaliseTitle')}</h3>
            {agree && detail.result && <ResultTable ballot={ballot} result={detail.result} headingLevel={3} />}
            <p className={agree ? 'vote-ok' : 'muted'} id="vote-finalise-hint">
              {!both ? t('votingPage.count.needBoth') : agree ? t('votingPage.count.agree') : t('votingPage.count.disagree')}
            </p>
            <ErrorNotice error={finalise.error} />
            {station?.role === 'counting' ? (
              // Finalising is the host's (main/roles.ts): the counting station is told so.
              <p className="muted">{t('votingPage.count.hostFinalises')}</p>
            ) : (
              <button type="button" className="button button-primary" disabled={!agree || finalise.busy} aria-describedby="vote-finalise-hint" onClick={() => setConfirmingFinalise(true)}>
                {t('votingPage.count.finalise')}
              </button>
            )}
          </section>
          {confirmingFinalise && (
            <Dialog title={t('votingPage.count.confirmTitle')} onClose={() => !finalise.busy && setConfirmingFinalise(false)} role="alertdialog" describedBy="vote-finalise-confirm-text">
              <p id="vote-finalise-confirm-text">{t('votingPage.count.confirmText', { title: ballot.title })}</p>
              {detail.result?.outcome === 'newVoteNeeded' && <p className="notice">{t('votingPage.tie.newVoteIntro')}</p>}
              {detail.result?.outcome === 'castingVoteNeeded' && <CastingVoteFields ballot={ballot} ties={tiesOfResult(detail.result)} value={casting} onChange={setCasting} />}
              <ErrorNotice error={finalise.error} />
              <div className="form-actions">
                <button type="button" className="button button-primary" disabled={finalise.busy || !castingReady} onClick={() => void finalise.run()}>
                  {finalise.busy ? t('common.busy') : t('votingPage.count.confirmSubmit')}
                </button>
                <button type="button" className="button" data-autofocus disabled={finalise.busy} onClick={() => setConfirmingFinalise(false)}>
                  {t('votingPage.count.confirmCancel')}
                </button>
              </div>
            </Dialog>
          )}
        </>
      )}
    </section>
  );
}

/** The chair's casting vote on a tie: the chair's name, then per tied item adopted or not, or the tied option chosen. */
/** The ties of a result (or as a refusal named them): tied item ids, and the options tied for first place. */
function tiesOfResult(result: BallotResult): { items: string[]; first: string[] } {
  return { items: result.items.filter((i) => i.tie).map((i) => i.itemId), first: result.ranking?.tie ? result.ranking.tiedFirst : [] };
}

interface CastingDraft {
  chair: string;
  items: Record<string, boolean>;
  option: string;
}

const castingComplete = (ties: { items: string[]; first: string[] }, c: CastingDraft) => c.chair.trim() !== '' && ties.items.every((id) => c.items[id] !== undefined) && (ties.first.length === 0 || c.option !== '');

const castingVoteOf = (ties: { items: string[]; first: string[] }, c: CastingDraft) => ({
  chair: c.chair.trim(),
  items: ties.items.map((itemId) => ({ itemId, adopt: c.items[itemId]! })),
  option: ties.first.length > 0 ? c.option || null : null,
});

function CastingVoteFields({
  ballot,
  ties,
  value,
  onChange,
}: {
  ballot: Ballot;
  ties: { items: string[]; first: string[] };
  value: CastingDraft;
  onChange: (v: CastingDraft) => void;
}) {
  const { t } = useTranslation();
  const tiedItems = ties.items.map((id) => ballot.items.find((i) => i.id === id)).filter((i) => i !== undefined).map((i) => ({ itemId: i.id, number: i.number, title: i.title }));
  const tiedFirst = ties.first;
  const label = (id: string) => {
    const i = ballot.items.find((x) => x.id === id);
    return i ? `${i.number} ${i.title}` : id;
  };
  return (
    <fieldset className="vote-casting-vote">
      <legend>{t('votingPage.tie.title')}</legend>
      <p>{t('votingPage.tie.intro')}</p>
      <Field id="vote-casting-chair" label={t('votingPage.tie.chair')}>
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} value={value.chair} onChange={(e) => onChange({ ...value, chair: e.target.value })} />}
      </Field>
      {tiedItems.map((item) => (
        <fieldset key={item.itemId} className="vote-casting-item">
          <legend>{t('votingPage.tie.item', { number: item.number, title: item.title })}</legend>
          <div className="radio-row">
            {([true, false] as const).map((adopt) => (
              <label key={String(adopt)} className="radio">
                <input
                  type="radio"
                  name={`vote-casting-${item.itemId}`}
                  checked={value.items[item.itemId] === adopt}
                  onChange={() => onChange({ ...value, items: { ...value.items, [item.itemId]: adopt } })}
                />
                {t(adopt ? 'votingPage.tie.adopt' : 'votingPage.tie.reject')}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {tiedFirst.length > 0 && (
        <Field id="vote-casting-option" label={t('votingPage.tie.option')}>
          {(p) => (
            <select {...p} value={value.option} onChange={(e) => onChange({ ...value, option: e.target.value })}>
              <option value="" />
              {tiedFirst.map((id) => (
                <option key={id} value={id}>
                  {label(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** After a tie whose rule is a new vote: the offer to create the new ballot, with the tied items copied. */
function NewVoteOffer({ detail }: { detail: BallotDetail }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<Ballot | null>(null);
  const { ballot, result } = detail;
  const create = useAction(async () => {
    const tied = new Set(result!.items.filter((i) => i.settled === 'newVote').map((i) => i.itemId));
    // Yes/no and scale: the tied items again; approval and ranking: all the options again.
    const items = ballot.items.filter((i) => tied.size === 0 || tied.has(i.id)).map(({ id: _id, ...item }) => item);
    const rule = ballot.rule.method === 'approval' ? { ...ballot.rule, maxPicks: Math.min(ballot.rule.maxPicks, items.length) } : ballot.rule;
    setCreated(
      await call('voting.createBallot', {
        sessionId: ballot.sessionId,
        title: t('votingPage.result.newVoteTitle', { title: ballot.title }),
        rule,
        quorum: ballot.quorum,
        tieRule: ballot.tieRule,
        items,
      }),
    );
  });
  return (
    <div className="notice vote-new-vote" role="note">
      <p>{t('votingPage.result.newVoteNeeded')}</p>
      {created ? (
        <p>
          {t('votingPage.result.newVoteCreated', { title: created.title })} <a href={countHref(created.id)}>{t('votingPage.ballots.toCount')}</a>
        </p>
      ) : (
        <>
          <ErrorNotice error={create.error} />
          <button type="button" className="button button-primary" disabled={create.busy} onClick={() => void create.run()}>
            {t('votingPage.result.createNewVote')}
          </button>
        </>
      )}
    </div>
  );
}

/** Who is at the keyboard, and a quick way to hand over to the second operator. */
function OperatorBar() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { status, setStatus } = useAppState();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const openButton = useRef<HTMLButtonElement>(null);
  const save = useAction(async () => {
    setStatus(await call('app.setOperator', { name: name.trim() }));
    setOpen(false);
    setName('');
    setTimeout(() => openButton.current?.focus(), 0);
  }, 'vote-operator-name');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const fieldError = isApiCallError(save.error) ? save.error.fieldProblem('name') : undefined;
  return (
    <div className="vote-operator">
      <p>
        {t('votingPage.operator.now')} <strong className="vote-operator-name">{status.operator}</strong>
        {!open && (
          <>
            {' '}
            <button ref={openButton} type="button" className="button button-small" onClick={() => setOpen(true)}>
              {t('votingPage.operator.change')}
            </button>
          </>
        )}
      </p>
      {open && (
        <form className="inline-form vote-operator-form" onSubmit={submit} noValidate>
          <Field id="vote-operator-name" label={t('votingPage.operator.newName')} hint={t('votingPage.operator.hint')} error={fieldText(fieldError)}>
            {(p) => <input {...p} type="text" autoComplete="off" autoFocus maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {!fieldError && <ErrorNotice error={save.error} />}
          <FormActions busy={save.busy} submitLabel={t('votingPage.operator.save')} disabled={name.trim() === ''} onCancel={() => { setOpen(false); setTimeout(() => openButton.current?.focus(), 0); }} />
        </form>
      )}
    </div>
  );
}

function defaultSlot(detail: BallotDetail, operator: string | null): 1 | 2 {
  const e1 = detail.entries.find((e) => e.slot === 1);
  const e2 = detail.entries.find((e) => e.slot === 2);
  if (!e1) return e2 && e2.operator === operator ? 2 : 1;
  if (!e2) return e1.operator === operator ? 1 : 2;
  return e2.operator === operator ? 2 : 1;
}

/** One operator's entry: the slot, the grid (their own earlier entry prefilled), Save. */
function EntryEditor({ detail, onSaved }: { detail: BallotDetail; onSaved: (d: BallotDetail, slot: 1 | 2) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { status } = useAppState();
  const operator = status.operator;
  const { ballot, entries } = detail;
  // A counting station approved for one count enters that one only.
  const fixedSlot = useAppState().station?.slot ?? null;
  const [slot, setSlot] = useState<1 | 2>(() => fixedSlot ?? defaultSlot(detail, operator));
  const both = entries.length === 2;
  // An entry is shown to the one who made it, or once both are in; until then the second
  // operator counts without seeing the first's numbers.
  const initial = (s: 1 | 2): CountsDraft => {
    const e = entries.find((x) => x.slot === s);
    return e && (e.operator === operator || both) ? draftOf(ballot, e.counts) : emptyDraft(ballot);
  };
  const [drafts, setDrafts] = useState<Record<1 | 2, CountsDraft>>(() => ({ 1: initial(1), 2: initial(2) }));
  // More papers than members present are accepted only with a reason (asked for once the server says so).
  const [excessReason, setExcessReason] = useState('');
  const save = useAction(async () => {
    const reason = excessReason.trim();
    const d = await call('voting.enterCounts', { ballotId: ballot.id, slot, counts: countsOf(ballot, drafts[slot]), ...(reason ? { reason } : {}) });
    onSaved(d, slot);
  });
  const problems = countProblemsOf(save.error);
  const needsReason = isApiCallError(save.error) && save.error.details.needsReason === true;
  const gridRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (save.error) (gridRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? gridRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [save.error]);

  const entry = entries.find((e) => e.slot === slot);
  const other = entries.find((e) => e.slot !== slot);
  const hiddenOther = entry && entry.operator !== operator && !both;
  // As the server compares them: capitals, accents and spaces aside ("Mallory" is "mallory").
  const sameAsOther = other && operator !== null && sameName(other.operator, operator);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };

  return (
    <form className="panel vote-entry" onSubmit={submit} noValidate aria-labelledby="vote-entry-title">
      <h3 id="vote-entry-title">{t('votingPage.count.entryTitle', { slot })}</h3>
      <fieldset className="vote-slots">
        <legend>{t('votingPage.count.slot')}</legend>
        <div className="radio-row">
          {([1, 2] as const).filter((s) => fixedSlot === null || s === fixedSlot).map((s) => {
            const e = entries.find((x) => x.slot === s);
            return (
              <label key={s} className="radio vote-slot">
                <input type="radio" name="vote-slot" checked={slot === s} onChange={() => { setSlot(s); save.clearError(); }} />
                <span>
                  <strong>{t('votingPage.count.slotN', { slot: s })}</strong>
                  <span className="vote-slot-who">{e ? t('votingPage.count.madeBy', { operator: e.operator, at: formatInstant(e.enteredAt, lang) }) : t('votingPage.count.notYet')}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {sameAsOther && (
        <p className="notice notice-error vote-same-operator" role="note">
          {t('votingPage.count.sameOperatorHint', { slot: other.slot, operator })}
        </p>
      )}
      {hiddenOther && <p className="muted">{t('votingPage.count.replaceHint', { operator: entry.operator })}</p>}
      <div ref={gridRef}>
        <CountGrid
          ballot={ballot}
          draft={drafts[slot]}
          onChange={(d) => setDrafts((old) => ({ ...old, [slot]: d }))}
          present={detail.present}
          idPrefix={`vote-entry${slot}`}
          problems={problems}
          differences={both ? detail.differences : []}
        />
      </div>
      {(needsReason || excessReason !== '') && (
        <Field id="vote-excess-reason" label={t('votingPage.count.excessReason')} hint={t('votingPage.count.excessReasonHint')}>
          {(p) => <textarea {...p} rows={2} maxLength={1000} value={excessReason} onChange={(e) => setExcessReason(e.target.value)} />}
        </Field>
      )}
      {(problems.length === 0 || !isApiCallError(save.error) || save.error.i18nKey !== 'voting.badCounts') && <ErrorNotice error={save.error} />}
      {problems.length > 0 && isApiCallError(save.error) && save.error.i18nKey === 'voting.badCounts' && (
        <p className="field-error" role="alert">
          {t('voting.badCounts')}
        </p>
      )}
      <FormActions busy={save.busy} submitLabel={entry ? t('votingPage.count.saveAgain', { slot }) : t('votingPage.count.save', { slot })} />
    </form>
  );
}

function Finalised({ detail, onCorrected, focusHeading }: { detail: BallotDetail; onCorrected: (d: BallotDetail) => void; focusHeading: boolean }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Just finalised here: the focus was on the Finalise button, which is gone.
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, []);
  const lang = currentLanguage();
  const [correcting, setCorrecting] = useState(false);
  const { ballot } = detail;
  return (
    <>
      <section className="panel vote-finalised" aria-labelledby="vote-finalised-title">
        <h3 id="vote-finalised-title" ref={headingRef} tabIndex={-1}>
          {t('votingPage.count.finalisedTitle')}
        </h3>
        <p>{t('votingPage.count.finalisedBy', { operator: ballot.finalisedBy ?? '', at: ballot.finalisedAt ? formatInstant(ballot.finalisedAt, lang) : '' })}</p>
        {detail.result && <ResultTable ballot={ballot} result={detail.result} />}
        {detail.result?.outcome === 'newVoteNeeded' && <NewVoteOffer detail={detail} />}
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setCorrecting(true)}>
            {t('votingPage.correct.open')}
          </button>
          <a className="button" href={roomHref(ballot.id)}>
            {t('votingPage.count.toRoom')}
          </a>
        </div>
      </section>
      <Corrections detail={detail} />
      {correcting && (
        <CorrectDialog
          detail={detail}
          onClose={() => setCorrecting(false)}
          onDone={(d) => {
            setCorrecting(false);
            onCorrected(d);
          }}
        />
      )}
    </>
  );
}

function CorrectDialog({ detail, onClose, onDone }: { detail: BallotDetail; onClose: () => void; onDone: (d: BallotDetail) => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { ballot } = detail;
  const [draft, setDraft] = useState<CountsDraft>(() => draftOf(ballot, currentCounts(detail)));
  const [reason, setReason] = useState('');
  // Corrected counts that make a tie under the casting-vote rule: the server names the ties, the chair decides.
  const [ties, setTies] = useState<{ items: string[]; first: string[] } | null>(null);
  const [casting, setCasting] = useState<CastingDraft>({ chair: '', items: {}, option: '' });
  const save = useAction(async () => {
    try {
      const castingVote = ties && castingComplete(ties, casting) ? castingVoteOf(ties, casting) : undefined;
      onDone(await call('voting.correct', { ballotId: ballot.id, counts: countsOf(ballot, draft), reason: reason.trim(), ...(castingVote ? { castingVote } : {}) }));
    } catch (e) {
      if (isApiCallError(e) && e.i18nKey === 'voting.castingVoteMissing') {
        const named = e.details.ties as { items?: unknown; first?: unknown } | undefined;
        const ids = (x: unknown) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);
        setTies({ items: ids(named?.items), first: ids(named?.first) });
      }
      throw e;
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const reasonError = isApiCallError(save.error) ? save.error.fieldProblem('reason') : undefined;
  return (
    <Dialog title={t('votingPage.correct.title', { title: ballot.title })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="vote-correct-form">
        <p>{t('votingPage.correct.intro')}</p>
        <CountGrid ballot={ballot} draft={draft} onChange={setDraft} present={detail.present} idPrefix="vote-correct" problems={countProblemsOf(save.error)} />
        <Field id="vote-correct-reason" label={t('votingPage.correct.reason')} hint={t('votingPage.correct.reasonHint')} error={fieldText(reasonError)}>
          {(p) => <textarea {...p} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        {ties && <CastingVoteFields ballot={ballot} ties={ties} value={casting} onChange={setCasting} />}
        <ErrorNotice error={save.error} />
        <FormActions busy={save.busy} submitLabel={t('votingPage.correct.save')} disabled={reason.trim() === '' || (ties !== null && !castingComplete(ties, casting))} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** "R2 For: 30 → 35" for each count a correction changed. */
function changesOf(t: TFunction, ballot: Ballot, before: BallotCounts, after: BallotCounts): string[] {
  const labels = countLabels(t, ballot);
  const out: string[] = [];
  if (before.kind === 'perItem' && after.kind === 'perItem') {
    for (const item of ballot.items) {
      const a = before.items.find((i) => i.itemId === item.id);
      const b = after.items.find((i) => i.itemId === item.id);
      if (!a || !b) continue;
      b.counts.forEach((c, k) => {
        if (a.counts[k] !== c) out.push(`${item.number} ${labels[k] ?? k}: ${a.counts[k] ?? '—'} → ${c}`);
      });
      if (a.blank !== b.blank) out.push(`${item.number} ${t('votingPage.count.blank')}: ${a.blank} → ${b.blank}`);
      if (a.spoilt !== b.spoilt) out.push(`${item.number} ${t('votingPage.count.spoilt')}: ${a.spoilt} → ${b.spoilt}`);
    }
  } else if (before.kind === 'papers' && after.kind === 'papers') {
    const n = Math.max(before.papers.length, after.papers.length);
    for (let p = 0; p < n; p++) {
      const x = (before.papers[p] ?? []).join(' ');
      const y = (after.papers[p] ?? []).join(' ');
      if (x !== y) out.push(`${t('votingPage.diff.paper', { n: p + 1 })}: ${paperText(x, ballot)} → ${paperText(y, ballot)}`);
    }
    if (before.blank !== after.blank) out.push(`${t('votingPage.count.blank')}: ${before.blank} → ${after.blank}`);
    if (before.spoilt !== after.spoilt) out.push(`${t('votingPage.count.spoilt')}: ${before.spoilt} → ${after.spoilt}`);
  }
  return out;
}

function Corrections({ detail }: { detail: BallotDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (detail.corrections.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="vote-corrections-title">
      <h3 id="vote-corrections-title">{t('votingPage.correct.history')}</h3>
      <div className="table-wrap">
        <table className="data-table compact">
          <caption className="visually-hidden">{t('votingPage.correct.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votingPage.correct.when')}</th>
              <th scope="col">{t('votingPage.correct.who')}</th>
              <th scope="col">{t('votingPage.correct.reason')}</th>
              <th scope="col">{t('votingPage.correct.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {[...detail.corrections].reverse().map((c) => {
              const changes = changesOf(t, detail.ballot, c.before, c.after);
              return (
                <tr key={c.at + c.operator}>
                  <th scope="row" className="nowrap">
                    {formatInstant(c.at, lang)}
                  </th>
                  <td>{c.operator}</td>
                  <td>{c.reason}</td>
                  <td>
                    {changes.length === 0 ? (
                      <span className="muted">{t('votingPage.correct.noChange')}</span>
                    ) : (
                      <ul className="vote-changes">
                        {changes.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
