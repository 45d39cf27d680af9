import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonListItem } from '../../../main/domain/recruitment/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { StatusBadge, fullName } from './PersonShared';

const SHOWN = 25;
const BATCH = 1000;
/** Enough to rank a whole pool of the usual size by how well each candidate matches. */
const MAX_CANDIDATES = 5000;

interface Candidate {
  person: PersonListItem;
  matches: number;
  /** Features on which the candidate differs: name, their value. */
  differs: { feature: string; value: string }[];
}

/** Everyone with the status (reserve or pool) who matches the search, in batches. */
async function candidatesWith(status: 'reserve' | 'pool', query: string): Promise<{ rows: PersonListItem[]; total: number }> {
  const rows: PersonListItem[] = [];
  let total = 0;
  for (let offset = 0; offset < MAX_CANDIDATES; offset += BATCH) {
    const page = await call('people.list', { status, ...(query ? { query } : {}), limit: BATCH, offset });
    rows.push(...page.rows);
    total = page.total;
    if (offset + BATCH >= page.total) break;
  }
  return { rows, total };
}

function rank(person: PersonDetail, rows: PersonListItem[]): Candidate[] {
  const own = Object.entries(person.features);
  return rows
    .filter((r) => !r.erased && r.id !== person.id)
    .map((r) => {
      const differs = own.filter(([name, value]) => r.features[name] !== value).map(([feature]) => ({ feature, value: r.features[feature] ?? '–' }));
      return { person: r, matches: own.length - differs.length, differs };
    })
    .sort(
      (a, b) =>
        b.matches - a.matches ||
        // The reserve list is drawn for exactly this: it goes first among equals.
        Number(b.person.status === 'reserve') - Number(a.person.status === 'reserve') ||
        a.person.lastName.localeCompare(b.person.lastName) ||
        a.person.code.localeCompare(b.person.code),
    );
}

interface Props {
  person: PersonDetail;
  onClose: () => void;
  onReplaced: (p: PersonDetail) => void;
}

/**
 * Picks who takes the seat of someone who declined or withdrew: candidates from the reserve
 * list and the pool, those sharing the most feature values first, so the panel keeps its balance.
 */
export function PersonReplaceDialog({ person, onClose, onReplaced }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const prefix = useId();
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const [chosen, setChosen] = useState<PersonListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const featureCount = Object.keys(person.features).length;

  useEffect(() => {
    const timer = setTimeout(() => setSettled(query.trim()), 200);
    return () => clearTimeout(timer);
  }, [query]);

  const candidates = useApiData(async () => {
    const [reserve, pool] = await Promise.all([candidatesWith('reserve', settled), candidatesWith('pool', settled)]);
    return { ranked: rank(person, [...reserve.rows, ...pool.rows]), total: reserve.total + pool.total };
  }, [settled, person.id]);

  useEffect(() => {
    if (chosen) confirmRef.current?.focus();
  }, [chosen]);

  async function replace() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      onReplaced(await call('people.replace', { id: person.id, replacementId: chosen.id }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const shown = candidates.data?.ranked.slice(0, SHOWN) ?? [];
  const total = candidates.data?.total ?? 0;

  return (
    <Dialog title={t('peoplePage.replace.title', { name: fullName(person), code: person.code })} onClose={onClose}>
      <div className="person-replace-view">
        <p>{t('peoplePage.replace.intro')}</p>
        {featureCount > 0 && (
          <p className="muted">
            {t('peoplePage.replace.ownFeatures')}{' '}
            {Object.entries(person.features)
              .map(([name, value]) => `${name}: ${value}`)
              .join(' · ')}
          </p>
        )}

        {chosen && (
          <div className="person-replace-confirm" role="group" aria-labelledby={`${prefix}-confirm`}>
            <p id={`${prefix}-confirm`}>
              {t('peoplePage.replace.confirmText', { name: fullName(chosen), code: chosen.code, old: fullName(person) })}
            </p>
            <ErrorNotice error={error} />
            <FormActions
              busy={busy}
              submitLabel={t('peoplePage.replace.confirm', { name: fullName(chosen) })}
              onConfirm={() => void replace()}
              submitRef={confirmRef}
              onCancel={() => setChosen(null)}
              cancelLabel={t('peoplePage.replace.another')}
            />
          </div>
        )}

        <div className="field">
          <label htmlFor={`${prefix}-search`}>{t('peoplePage.replace.search')}</label>
          <input id={`${prefix}-search`} type="search" autoComplete="off" spellCheck={false} value={query} onChange={(e) => setQuery(e.target.value)} data-autofocus />
        </div>
        <ErrorNotice error={candidates.error} />
        <p role="status" className="person-replace-count">
          {candidates.data
            ? total === 0
              ? t('peoplePage.replace.noCandidates')
              : t('peoplePage.replace.count', { count: total, n: formatNumber(total, lang), shown: formatNumber(shown.length, lang) })
            : t('app.loading')}
        </p>
        {shown.length > 0 && (
          <DataTable
            className="compact person-replace-table"
            caption={t('peoplePage.replace.caption')}
            columns={[t('peoplePage.col.name'), t('peoplePage.col.status'), t('peoplePage.replace.match'), { label: t('peoplePage.replace.choose'), hidden: true }]}
          >
            {shown.map((c) => (
              <tr key={c.person.id} className={chosen?.id === c.person.id ? 'person-replace-chosen' : undefined}>
                <th scope="row">
                  {fullName(c.person)} <span className="muted people-mono">{c.person.code}</span>
                  <span className="person-replace-meta muted">
                    {[c.person.city, c.person.birthYear].filter(Boolean).join(' · ')}
                  </span>
                </th>
                <td className="nowrap">
                  <StatusBadge status={c.person.status} />
                </td>
                <td>
                  <strong className={c.matches === featureCount ? 'person-match-full' : undefined}>
                    {t('peoplePage.replace.matches', { n: c.matches, of: featureCount })}
                  </strong>
                  {c.differs.length > 0 && (
                    <span className="person-replace-differs">
                      {t('peoplePage.replace.differs')} {c.differs.map((d) => `${d.feature}: ${d.value}`).join(' · ')}
                    </span>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-pressed={chosen?.id === c.person.id}
                    aria-label={t('peoplePage.replace.chooseNamed', { name: fullName(c.person), code: c.person.code })}
                    onClick={() => setChosen(c.person)}
                  >
                    {t('peoplePage.replace.choose')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
