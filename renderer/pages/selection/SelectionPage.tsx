/**
 * The Selection area: where the pool and the quotas stand, preparing a run (LEXIMIN or the legacy
 * method, in a worker with progress), the run's chances and lottery, the draw, and the record of
 * every run.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionRun } from '../../../main/domain/selection/runTypes';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { StatusLine } from '../../components/StatusLine';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { CompareMethods } from './CompareMethods';
import { OverviewPanel } from './OverviewPanel';
import { PrepareForm } from './PrepareForm';
import { RunHistory } from './RunHistory';
import { RunResult } from './RunResult';
import { SupersedeDialog } from './SupersedeDialog';
import './SelectionPage.css';

export function SelectionPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const overview = useApiData(() => call('selection.overview', {}), []);
  const quotas = useApiData(() => call('quotas.overview', {}), []);
  const runs = useApiData(() => call('selection.list', {}), []);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [version, setVersion] = useState(0);
  const [superseding, setSuperseding] = useState<SelectionRun | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = runs.data ?? [];
  const latestLive = [...list].filter((r) => r.status !== 'superseded').sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  const shownId = chosenId && list.some((r) => r.id === chosenId) ? chosenId : (latestLive?.id ?? null);

  const refresh = async () => {
    await Promise.all([overview.reload(), runs.reload(), quotas.reload()]);
  };

  function show(run: SelectionRun, focus: boolean) {
    setChosenId(run.id);
    setVersion((v) => v + 1);
    if (focus) setFocusRequest((n) => n + 1);
  }

  const o = overview.data;
  const quotaCount = quotas.data ? quotas.data.features.reduce((n, f) => n + f.values.filter((v) => v.min !== null || v.max !== null).length, 0) : null;
  const emptyPool = o !== undefined && o.candidates === 0 && o.seated === 0 && list.length === 0;

  return (
    <div className="sel-page">
      <PageHeading intro={t('sel.intro')}>{t('sel.title')}</PageHeading>
      <ErrorNotice error={overview.error} />
      {!o && overview.loading && <p className="muted">{t('app.loading')}</p>}

      {emptyPool && (
        <EmptyState title={t('sel.empty.title')}>
          <p>{t('sel.empty.text')}</p>
          <ol className="sel-empty-steps">
            <li>
              <a href={hrefFor('recruitment', 'import')}>{t('sel.empty.import')}</a>
            </li>
            <li>
              <a href={hrefFor('recruitment', 'quotas')}>{t('sel.empty.quotas')}</a>
            </li>
            <li>{t('sel.empty.back')}</li>
          </ol>
        </EmptyState>
      )}

      {o && !emptyPool && (
        <>
          <OverviewPanel overview={o} quotaCount={quotaCount} quotaErrors={quotas.data?.problems.filter((p) => p.severity === 'error').length ?? 0} onShowRun={(id) => {
            const run = list.find((r) => r.id === id);
            if (run) show(run, true);
          }} />
          <PrepareForm
            key={`${o.drawnPanelRunId ?? 'no-panel'}:${o.openSeats}`}
            overview={o}
            onPrepared={(run) => {
              setNotice(null);
              show(run, true);
              void refresh();
            }}
            onChanged={() => void refresh()}
          />
          <CompareMethods onChanged={() => void refresh()} />
          <StatusLine message={notice} />
          {shownId && (
            <RunResult
              runId={shownId}
              focusRequest={focusRequest}
              version={version}
              onDrawn={(run, seatsFilled) => {
                setNotice(
                  run.kind === 'replacement'
                    ? t('sel.drawnReplacementNotice', { count: seatsFilled, n: formatNumber(seatsFilled, lang) })
                    : t('sel.drawnNotice', { count: run.panel?.length ?? 0, n: formatNumber(run.panel?.length ?? 0, lang) }),
                );
                show(run, true);
                void refresh();
              }}
              onSupersede={setSuperseding}
            />
          )}
          <RunHistory runs={runs} shownId={shownId} onOpen={(run) => show(run, true)} onSupersede={setSuperseding} />
        </>
      )}

      {superseding && (
        <SupersedeDialog
          run={superseding}
          onClose={() => setSuperseding(null)}
          onDone={(run) => {
            setSuperseding(null);
            setNotice(t('sel.supersede.done'));
            show(run, true);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
