import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUSES, type PersonStatus } from '../../../preload/vocabulary';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { BulkStatusBar } from './BulkStatusBar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { PersonDialog } from './PersonDialog';
import { StatusBadge, listName, personIdFromHash } from './PersonShared';
import './PeoplePage.css';

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 150;

/** The text of the search box, settled: changes only after typing pauses. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Removes `?person=…` from the address without a page change (the card was closed). */
function clearPersonFromHash() {
  if (!window.location.hash.includes('?')) return;
  const base = window.location.hash.split('?')[0]!;
  window.history.replaceState(window.history.state, '', base);
}

export function PeoplePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [valueId, setValueId] = useState('');
  const [duplicatesOnly, setDuplicatesOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(() => personIdFromHash());
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const [pageTurns, setPageTurns] = useState(0);
  /** People ticked for a status change together (BulkStatusBar), across pages. */
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const togglePick = (id: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const settledQuery = useDebounced(query.trim(), SEARCH_DELAY_MS);

  // A link such as #/recruitment?person=… while this part is already shown.
  useEffect(() => {
    const onHash = () => {
      const id = personIdFromHash();
      if (id) setOpenId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const summary = useApiData(() => call('pool.summary', {}), []);
  const overview = useApiData(() => call('quotas.overview', {}), []);
  // A new search or filter starts again at the first page.
  const filterKey = JSON.stringify([settledQuery, status, valueId, duplicatesOnly]);
  const [paging, setPaging] = useState({ key: filterKey, offset: 0 });
  const offset = paging.key === filterKey ? paging.offset : 0;
  const list = useApiData(
    () =>
      call('people.list', {
        ...(settledQuery ? { query: settledQuery } : {}),
        ...(status ? { status } : {}),
        ...(valueId ? { valueId } : {}),
        ...(duplicatesOnly ? { duplicatesOnly } : {}),
        limit: PAGE_SIZE,
        offset,
      }),
    [settledQuery, status, valueId, duplicatesOnly, offset],
  );

  // After turning a page the buttons stay where they are; the reader continues at the table.
  useEffect(() => {
    if (pageTurns > 0) tableHeading.current?.focus();
  }, [pageTurns]);

  const filtered = Boolean(settledQuery || status || valueId || duplicatesOnly);
  const data = list.data;
  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  const poolEmpty = summary.data !== undefined && summary.data.people === 0 && !filtered;

  function turnPage(delta: number) {
    setPaging({ key: filterKey, offset: Math.max(0, offset + delta * PAGE_SIZE) });
    setPageTurns((n) => n + 1);
  }

  function clearFilters() {
    setQuery('');
    setStatus('');
    setValueId('');
    setDuplicatesOnly(false);
    document.getElementById(`${ids}-search`)?.focus();
  }

  function personChanged() {
    void list.reload();
    void summary.reload();
  }

  function closePerson() {
    setOpenId(null);
    clearPersonFromHash();
  }

  if (poolEmpty) {
    return (
      <section aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('peoplePage.title')}</h2>
        <EmptyState title={t('peoplePage.emptyTitle')}>
          <p>{t('peoplePage.emptyText')}</p>
          <p className="empty-state-next">
            <a className="button button-primary" href={hrefFor('recruitment', 'import')}>
              {t('peoplePage.emptyAction')}
            </a>
          </p>
        </EmptyState>
      </section>
    );
  }

  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + rows.length, total);

  return (
    <section aria-labelledby={`${ids}-title`} className="people-part">
      <h2 id={`${ids}-title`}>{t('peoplePage.title')}</h2>
      <ErrorNotice error={summary.error} />
      {summary.data && (
        <p className="people-summary">
          <strong>{t('peoplePage.summaryPeople', { count: summary.data.people, n: formatNumber(summary.data.people, lang) })}</strong>{' '}
          {summary.data.households > 0 && t('peoplePage.summaryHouseholds', { count: summary.data.households, n: formatNumber(summary.data.households, lang) })}
        </p>
      )}

      <form className="people-filters panel" role="search" aria-label={t('peoplePage.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field people-search">
          <label htmlFor={`${ids}-search`}>{t('peoplePage.searchLabel')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${ids}-search-hint`}
          />
          <p className="field-hint" id={`${ids}-search-hint`}>
            {t('peoplePage.searchHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-status`}>{t('peoplePage.statusFilter')}</label>
          <select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value as PersonStatus | '')}>
            <option value="">{t('peoplePage.allStatuses')}</option>
            {PERSON_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`peoplePage.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-value`}>{t('peoplePage.valueFilter')}</label>
          <select id={`${ids}-value`} value={valueId} onChange={(e) => setValueId(e.target.value)} disabled={!overview.data}>
            <option value="">{t('peoplePage.allValues')}</option>
            {overview.data?.features.map((f) => (
              <optgroup key={f.id} label={f.name}>
                {f.values.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('peoplePage.valueOption', { feature: f.name, value: v.value, n: formatNumber(v.poolCount, lang) })}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="people-check">
          <label className="people-checkbox">
            <input type="checkbox" checked={duplicatesOnly} onChange={(e) => setDuplicatesOnly(e.target.checked)} />
            <span>{t('peoplePage.duplicatesOnly')}</span>
          </label>
          {filtered && (
            <button type="button" className="button button-small" onClick={clearFilters}>
              {t('peoplePage.clearFilters')}
            </button>
          )}
        </div>
      </form>
      <ErrorNotice error={overview.error} title={t('peoplePage.valuesUnavailable')} />

      <p role="status" className="people-count">
        {filtered && data ? t('peoplePage.matches', { count: total, n: formatNumber(total, lang) }) : ''}
      </p>
      <ErrorNotice error={list.error} />

      <div className="panel people-results">
        <h3 id={`${ids}-table-title`} ref={tableHeading} tabIndex={-1} className="people-table-title">
          {t('peoplePage.tableTitle')}
          {data && total > 0 && (
            <span className="count"> · {t('peoplePage.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}</span>
          )}
          {list.loading && data && <span className="people-loading muted"> · {t('app.loading')}</span>}
        </h3>
        {list.loading && !data && <p className="muted">{t('app.loading')}</p>}
        {data && total === 0 && (
          <div className="empty-inline">
            <p>{t('peoplePage.noMatch')}</p>
            {filtered && (
              <button type="button" className="button button-small" onClick={clearFilters}>
                {t('peoplePage.clearFilters')}
              </button>
            )}
          </div>
        )}
        {rows.length > 0 && (
          <p className="people-pick-all">
            <button
              type="button"
              className="button button-small"
              onClick={() => setPicked((s) => new Set([...s, ...rows.filter((r) => !r.erased).map((r) => r.id)]))}
            >
              {t('peoplePage.bulk.pickPage', { count: rows.length, n: rows.length })}
            </button>
          </p>
        )}
        {picked.size > 0 && <BulkStatusBar selected={[...picked]} onDone={() => { setPicked(new Set()); personChanged(); }} onClear={() => setPicked(new Set())} />}
        {rows.length > 0 && (
          <DataTable
            className="people-table"
            caption={t('peoplePage.caption')}
            columns={[
              { label: t('peoplePage.col.pick'), hidden: true },
              t('peoplePage.col.code'),
              t('peoplePage.col.name'),
              t('peoplePage.col.city'),
              { label: t('peoplePage.col.birthYear'), num: true },
              t('peoplePage.col.language'),
              t('peoplePage.col.status'),
              t('peoplePage.col.duplicates'),
            ]}
          >
            {rows.map((p) => (
              <tr key={p.id} className={p.erased ? 'person-erased' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    className="people-pick"
                    checked={picked.has(p.id)}
                    disabled={p.erased}
                    aria-label={t('peoplePage.bulk.pick', { code: p.code })}
                    onChange={(e) => togglePick(p.id, e.target.checked)}
                  />
                </td>
                <td className="nowrap people-mono">{p.code}</td>
                <th scope="row">
                  <button type="button" className="people-link" onClick={() => setOpenId(p.id)} aria-label={p.erased ? t('peoplePage.openErased', { code: p.code }) : undefined}>
                    {p.erased ? t('peoplePage.erasedName') : listName(p)}
                  </button>
                </th>
                <td>{p.city ?? ''}</td>
                <td className="num">{p.birthYear ?? ''}</td>
                <td>{p.language ? <abbr title={t(`peoplePage.language.${p.language}`)}>{p.language.toUpperCase()}</abbr> : ''}</td>
                <td className="nowrap">
                  <StatusBadge status={p.status} />
                </td>
                <td>
                  {p.openDuplicates > 0 && (
                    <span className="dup-marker">{t('peoplePage.possibleDuplicates', { count: p.openDuplicates, n: p.openDuplicates })}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {data && total > PAGE_SIZE && (
          <nav className="people-pager" aria-label={t('peoplePage.pagerLabel')}>
            <button type="button" className="button button-small" disabled={offset === 0 || list.loading} onClick={() => turnPage(-1)}>
              {t('peoplePage.previous')}
            </button>
            <span>{t('peoplePage.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}</span>
            <button type="button" className="button button-small" disabled={offset + PAGE_SIZE >= total || list.loading} onClick={() => turnPage(1)}>
              {t('peoplePage.next')}
            </button>
          </nav>
        )}
      </div>

      {openId && <PersonDialog personId={openId} onOpen={setOpenId} onClose={closePerson} onChanged={personChanged} />}
    </section>
  );
}
