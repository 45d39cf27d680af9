/**
 * Tables (#/tables): small-group table plans per session and round. Choose the session and the
 * round; make a plan (tables.plan) with the form, or look at the round's current plan: its score,
 * the tables as cards, swaps and moves by hand (tables.swap, tables.move), the re-plan for the
 * people present (tables.replan), facilitators per table, and the printable lists.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contributor } from '../../../main/domain/agenda/types';
import type { Language } from '../../../preload/vocabulary';
import type { Session } from '../../../main/domain/sessions/types';
import type { SessionRoster } from '../../../main/domain/attendance/types';
import type { TablePlan } from '../../../main/domain/tables/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { PdfLanguagePanel } from '../../components/PdfLanguagePanel';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';
import { PlanForm } from './PlanForm';
import { ScorePanel } from './ScorePanel';
import { fullName, MAX_ROUNDS, memberIndex, type Person } from './shared';
import { SwapControls } from './SwapControls';
import { TableGrid } from './TableGrid';
import './tables.css';

export function TablesPage() {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  const features = useApiData(async () => (await call('quotas.overview', {})).features.map((f) => f.name), []);
  // Facilitators are optional: the page works without the agenda.
  const facilitators = useApiData(async () => {
    try {
      return (await call('agenda.overview', {})).contributors.filter((c) => c.role === 'facilitator' && c.status !== 'declined');
    } catch {
      return [] as Contributor[];
    }
  }, []);

  return (
    <>
      <PageHeading intro={t('tablesPage.intro')}>{t('tables.title')}</PageHeading>
      <LoadStatus loaded={sessions} />
      <ErrorNotice error={features.error} />
      {sessions.data && list.length === 0 && (
        <EmptyState title={t('tablesPage.empty.noSessions')}>
          <p>{t('tablesPage.empty.noSessionsNext')}</p>
          <p>
            <a href={hrefFor('sessions')}>{t('tablesPage.empty.toSessions')}</a>
          </p>
        </EmptyState>
      )}
      {session && (
        <>
          <SessionPicker id="tables-session" label={t('tablesPage.session')} className="tables-session-picker" list={list} session={session} onChoose={choose} />
          {features.data && (
            <SessionTables key={session.id} session={session} features={features.data} facilitators={facilitators.data ?? []} />
          )}
        </>
      )}
    </>
  );
}

function SessionTables({ session, features, facilitators }: { session: Session; features: string[]; facilitators: Contributor[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const roster = useApiData(() => call('attendance.roster', { sessionId: session.id }), [session.id]);
  const loaded = useApiData(() => call('tables.list', { sessionId: session.id }), [session.id]);
  const [plans, setPlans] = useState<TablePlan[] | null>(null);
  const [extraRounds, setExtraRounds] = useState<number[]>([]);
  const [round, setRound] = useState(1);
  const [formOpen, setFormOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  const [lastReplan, setLastReplan] = useState<{ planId: string; ms: number } | null>(null);

  useEffect(() => {
    if (loaded.data) setPlans(loaded.data);
  }, [loaded.data]);
  useEffect(() => {
    if (focusHeading) {
      planHeading.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading]);

  if (roster.error || loaded.error || !roster.data || !plans) {
    return (
      <>
        <LoadStatus loaded={roster} />
        <ErrorNotice error={loaded.error} />
      </>
    );
  }
  if (roster.data.expected === 0) {
    return (
      <EmptyState title={t('tablesPage.empty.noParticipants')}>
        <p>{t('tablesPage.empty.noParticipantsNext')}</p>
        <p>
          <a href={hrefFor('selection')}>{t('tablesPage.empty.toSelection')}</a>
        </p>
      </EmptyState>
    );
  }

  const rounds = [...new Set([1, ...plans.map((p) => p.round), ...extraRounds])].sort((a, b) => a - b);
  const current = plans.find((p) => p.round === round) ?? null;
  const people: Person[] = roster.data.rows
    .filter((r) => r.state !== 'excused')
    .sort((a, b) => a.lastName.localeCompare(b.lastName, lang) || a.firstName.localeCompare(b.firstName, lang));

  const replace = (plan: TablePlan) => setPlans((old) => [...(old ?? []).filter((p) => p.round !== plan.round), plan].sort((a, b) => a.round - b.round));

  const addRound = () => {
    const next = Math.max(...rounds) + 1;
    setExtraRounds([...extraRounds, next]);
    setRound(next);
    setFormOpen(false);
    setStatus(null);
  };

  return (
    <>
      <div className="tables-rounds" role="group" aria-label={t('tablesPage.rounds.label')}>
        <span className="tables-rounds-label" aria-hidden="true">
          {t('tablesPage.rounds.label')}
        </span>
        {rounds.map((r) => (
          <button
            key={r}
            type="button"
            className={`button button-small${r === round ? ' button-primary' : ''}`}
            aria-pressed={r === round}
            onClick={() => {
              setRound(r);
              setFormOpen(false);
              setStatus(null);
            }}
          >
            {t('tablesPage.rounds.round', { round: r })}
          </button>
        ))}
        {Math.max(...rounds) < MAX_ROUNDS && (
          <button type="button" className="button button-small" onClick={addRound}>
            {t('tablesPage.rounds.add')}
          </button>
        )}
      </div>

      <StatusLine message={status} />

      {(!current || formOpen) && (
        <>
          {!current && <p className="empty-inline tables-no-plan">{t('tablesPage.noPlan', { round })}</p>}
          <PlanForm
            key={`${round}-${current?.id ?? 'new'}`}
            sessionId={session.id}
            round={round}
            features={features}
            people={people}
            presentCount={roster.data.present}
            previous={current}
            onPlanned={(plan, ms) => {
              replace(plan);
              setFormOpen(false);
              setStatus(t('tablesPage.planned', { round: plan.round, tables: plan.tables.length, seconds: formatNumber(Math.round(ms / 100) / 10, lang) }));
              setFocusHeading(true);
            }}
            onCancel={current ? () => setFormOpen(false) : undefined}
          />
        </>
      )}

      {current && !formOpen && (
        <PlanView
          key={current.id}
          plan={current}
          roster={roster.data}
          facilitators={facilitators}
          headingRef={planHeading}
          replanTook={lastReplan?.planId === current.id ? lastReplan.ms : null}
          onChange={(plan, message, took) => {
            replace(plan);
            setStatus(message);
            if (took !== undefined) setLastReplan({ planId: plan.id, ms: took });
          }}
          onNewPlan={() => {
            setFormOpen(true);
            setStatus(null);
          }}
          onRosterStale={() => void roster.reload()}
        />
      )}
    </>
  );
}

interface PlanViewProps {
  plan: TablePlan;
  roster: SessionRoster;
  facilitators: Contributor[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** How long the re-plan that made this plan took (measured here), when it was made on this screen. */
  replanTook: number | null;
  onChange: (plan: TablePlan, message: string, replanTookMs?: number) => void;
  onNewPlan: () => void;
  onRosterStale: () => void;
}

function PlanView({ plan: initial, roster, facilitators, headingRef, replanTook, onChange, onNewPlan, onRosterStale }: PlanViewProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // Swaps and moves keep the plan's id: the view follows the plan it was given, then its edits.
  const [plan, setPlan] = useState(initial);
  const [selected, setSelected] = useState<string[]>([]);
  const [previousTotal, setPreviousTotal] = useState<number | null>(null);
  const [focusPerson, setFocusPerson] = useState<string | null>(null);
  const swapRef = useRef<HTMLButtonElement>(null);
  const n = (x: number) => formatNumber(x, lang);

  useEffect(() => setPlan(initial), [initial]);
  useEffect(() => {
    if (selected.length === 2) swapRef.current?.focus();
  }, [selected]);
  // Escape cancels a pick wherever the focus is (after a refusal it may be on the page itself).
  useEffect(() => {
    if (selected.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      cancelRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected.length]);
  useEffect(() => {
    if (!focusPerson) return;
    document.querySelector<HTMLElement>(`[data-person="${CSS.escape(focusPerson)}"]`)?.focus();
    setFocusPerson(null);
  }, [focusPerson, plan]);

  const changed = (next: TablePlan, message: string) => {
    setPreviousTotal(plan.score.total);
    setPlan(next);
    onChange(next, message);
  };

  const edit = useAction(async (kind: 'swap' | 'move', table?: number) => {
    const [a, b] = selected;
    if (!a) return;
    const before = memberIndex(plan);
    const next =
      kind === 'swap' && b
        ? await call('tables.swap', { planId: plan.id, personA: a, personB: b })
        : await call('tables.move', { planId: plan.id, personId: a, table: table ?? 0 });
    const after = memberIndex(next);
    const score = t('tablesPage.swap.scoreChange', { before: n(plan.score.total), after: n(next.score.total) });
    const message =
      kind === 'swap' && b
        ? t('tablesPage.swap.done', { a: fullName(before.get(a)!.member), b: fullName(before.get(b)!.member), tableA: after.get(a)?.table, tableB: after.get(b)?.table, score })
        : t('tablesPage.swap.moved', { a: fullName(before.get(a)!.member), table: after.get(a)?.table, score });
    setSelected([]);
    changed(next, message);
    setFocusPerson(a);
  });

  const facilitator = useAction(async (table: number, contributorId: string | null) => {
    const next = await call('tables.setFacilitator', { planId: plan.id, table, contributorId });
    const name = facilitators.find((f) => f.id === contributorId)?.name;
    setPlan(next);
    onChange(next, name ? t('tablesPage.grid.facilitatorSet', { table, name }) : t('tablesPage.grid.facilitatorCleared', { table }));
  });

  const replan = useAction(async () => {
    const started = performance.now();
    const next = await call('tables.replan', { planId: plan.id });
    const took = performance.now() - started;
    onRosterStale();
    onChange(next, t('tablesPage.replan.done', { count: next.moved.length, seconds: n(Math.round(took / 100) / 10) }), took);
  });

  const pick = (personId: string) => {
    edit.clearError();
    const [a, b] = selected;
    if (a === personId) setSelected([]);
    else if (!a) setSelected([personId]);
    else if (b === personId) setSelected([a]);
    else setSelected([a, personId]);
  };

  const cancel = () => {
    const a = selected[0];
    setSelected([]);
    edit.clearError();
    if (a) setFocusPerson(a);
  };

  const cancelRef = useRef(cancel);
  cancelRef.current = cancel;
  const moved = new Set(plan.moved);
  const busy = edit.busy || replan.busy || facilitator.busy;

  return (
    <section aria-labelledby="tables-plan-title" className="tables-plan">
      <div className="tables-plan-head">
        <h2 id="tables-plan-title" ref={headingRef} tabIndex={-1}>
          {t('tablesPage.planTitle', { round: plan.round })}
        </h2>
        <p className="muted tables-plan-meta">
          {t(plan.settings.source === 'present' ? 'tablesPage.metaPresent' : 'tablesPage.metaConfirmed', {
            size: plan.settings.tableSize,
            seed: plan.seed,
            operator: plan.operator,
          })}
        </p>
      </div>

      {plan.basedOn && (
        <p className="notice tables-replanned">
          {t('tablesPage.replan.banner', { count: plan.moved.length })}
          {replanTook !== null && ` ${t('tablesPage.replan.took', { seconds: n(Math.round(replanTook / 100) / 10) })}`}
        </p>
      )}

      <ScorePanel plan={plan} previousTotal={previousTotal} />

      <div className="tables-actions">
        <div className="tables-actions-buttons">
          <button type="button" className="button" onClick={() => void replan.run()} disabled={busy || roster.present === 0} aria-describedby="tables-replan-hint">
            {replan.busy ? t('common.busy') : t('tablesPage.replan.button')}
          </button>
          <button type="button" className="button" onClick={onNewPlan} disabled={busy}>
            {t('tablesPage.newPlan')}
          </button>
        </div>
        <p className="field-hint" id="tables-replan-hint">
          {roster.present === 0 ? t('tablesPage.replan.nobody') : t('tablesPage.replan.hint', { count: roster.present })}
        </p>
      </div>
      <ErrorNotice error={replan.error} />
      <ErrorNotice error={facilitator.error} />

      <div className="tables-board">
        <SwapControls
          plan={plan}
          selected={selected}
          busy={busy}
          error={edit.error}
          swapRef={swapRef}
          onSwap={() => void edit.run('swap')}
          onMove={(table) => void edit.run('move', table)}
          onCancel={cancel}
        />
        {facilitators.length === 0 && (
          <p className="muted tables-no-facilitators">
            {t('tablesPage.grid.noFacilitators')} <a href={hrefFor('agenda', 'people')}>{t('tablesPage.grid.toAgendaPeople')}</a>
          </p>
        )}
        <TableGrid
          plan={plan}
          facilitators={facilitators}
          selected={selected}
          moved={moved}
          busy={busy}
          onPick={pick}
          onFacilitator={(table, id) => void facilitator.run(table, id)}
        />
      </div>

      <Exports plan={plan} />
    </section>
  );
}

function Exports({ plan }: { plan: TablePlan }) {
  const { t } = useTranslation();
  const pdf = (kind: 'facilitators' | 'wall') => ({ key: kind, label: t(`tablesPage.exports.${kind}`), make: (lang: Language) => call('tables.exportPdf', { planId: plan.id, kind, lang }) });
  return (
    <PdfLanguagePanel
      titleId="tables-exports-title"
      title={t('tablesPage.exports.title')}
      selectId="tables-export-lang"
      languageLabel={t('tablesPage.exports.language')}
      className="tables-exports"
      rowClassName="tables-exports-row"
      documents={[pdf('facilitators'), pdf('wall'), { key: 'xlsx', label: t('tablesPage.exports.xlsx'), make: (lang) => call('tables.exportXlsx', { planId: plan.id, lang }) }]}
    />
  );
}
