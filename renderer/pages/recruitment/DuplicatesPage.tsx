import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateFlag } from '../../../main/domain/recruitment/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { StatusBadge, personHref, reasonsText } from './PersonShared';
import './PeoplePage.css';

type Side = DuplicateFlag['a'];
type Resolution = 'distinct' | 'keepA' | 'keepB';

/** A pending removal: the flag, who stays and who leaves the pool. */
interface Removal {
  flag: DuplicateFlag;
  resolution: 'keepA' | 'keepB';
  keep: Side;
  remove: Side;
}

function PersonSide({ side, label }: { side: Side; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="dup-person">
      <p className="dup-side-label">{label}</p>
      <p className="dup-name">
        <a href={personHref(side.id)}>{side.name}</a>
      </p>
      <p className="dup-facts">
        <span>
          {t('peoplePage.person.code')} <strong className="people-mono">{side.code}</strong>
        </span>
        <StatusBadge status={side.status} />
      </p>
    </div>
  );
}

/** Pairs of records that may be the same person: decide for each, open ones first. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ids = useId();
  const flags = useApiData(() => call('duplicates.list', {}), []);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<{ flagId: string; error: unknown } | null>(null);
  const [notice, setNotice] = useState('');
  const [removal, setRemoval] = useState<Removal | null>(null);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const [resolvedCount, setResolvedCount] = useState(0);

  // The pair just decided has left the list: continue from the heading of the open ones.
  useEffect(() => {
    if (resolvedCount > 0) openHeading.current?.focus();
  }, [resolvedCount]);

  const all = flags.data ?? [];
  const open = all.filter((f) => f.status === 'open');
  const closed = all.filter((f) => f.status !== 'open');

  async function resolve(flag: DuplicateFlag, resolution: Resolution) {
    setBusyId(flag.id);
    setError(null);
    setNotice('');
    try {
      await call('duplicates.resolve', { id: flag.id, resolution });
      setRemoval(null);
      await flags.reload();
      setNotice(
        resolution === 'distinct'
          ? t('peoplePage.dup.doneDistinct', { a: flag.a.name, b: flag.b.name })
          : t('peoplePage.dup.doneKept', {
              keep: resolution === 'keepA' ? flag.a.name : flag.b.name,
              remove: resolution === 'keepA' ? flag.b.name : flag.a.name,
              code: resolution === 'keepA' ? flag.b.code : flag.a.code,
            }),
      );
      setResolvedCount((n) => n + 1);
    } catch (e) {
      setRemoval(null);
      setError({ flagId: flag.id, error: e });
    } finally {
      setBusyId(null);
    }
  }

  const askRemoval = (flag: DuplicateFlag, resolution: 'keepA' | 'keepB') =>
    setRemoval({ flag, resolution, keep: resolution === 'keepA' ? flag.a : flag.b, remove: resolution === 'keepA' ? flag.b : flag.a });

  return (
    <section aria-labelledby={`${ids}-title`} className="duplicates-part">
      <h2 id={`${ids}-title`}>{t('peoplePage.dup.title')}</h2>
      <p className="page-intro">{t('peoplePage.dup.intro')}</p>
      <StatusLine message={notice} />
      <LoadStatus loaded={flags} />

      {flags.data && all.length === 0 && (
        <EmptyState title={t('peoplePage.dup.emptyTitle')}>
          <p>{t('peoplePage.dup.emptyText')}</p>
          <p className="empty-state-next">
            <a href={hrefFor('recruitment')}>{t('peoplePage.dup.backToPeople')}</a>
          </p>
        </EmptyState>
      )}

      {flags.data && all.length > 0 && (
        <>
          <h3 id={`${ids}-open`} ref={openHeading} tabIndex={-1} className="dup-heading">
            {t('peoplePage.dup.openTitle')} <span className="count">· {formatNumber(open.length, lang)}</span>
          </h3>
          {open.length === 0 && <p className="empty-inline">{t('peoplePage.dup.noneOpen')}</p>}
          <ul className="dup-list" aria-labelledby={`${ids}-open`}>
            {open.map((flag) => (
              <li key={flag.id} className="panel dup-card">
                <article aria-label={t('peoplePage.dup.pairLabel', { a: flag.a.name, b: flag.b.name })}>
                  <p className="dup-reasons">
                    <strong>{t('peoplePage.dup.why')}</strong> {reasonsText(t, flag.reasons)}
                    <span className="muted dup-when"> · {t('peoplePage.dup.flaggedAt', { when: formatInstant(flag.createdAt, lang) })}</span>
                  </p>
                  <div className="dup-pair">
                    <PersonSide side={flag.a} label={t('peoplePage.dup.recordA')} />
                    <PersonSide side={flag.b} label={t('peoplePage.dup.recordB')} />
                  </div>
                  {error?.flagId === flag.id && <ErrorNotice error={error.error} title={t('peoplePage.dup.notResolved')} />}
                  <div className="form-actions">
                    <button type="button" className="button" disabled={busyId !== null} onClick={() => void resolve(flag, 'distinct')}>
                      {t('peoplePage.dup.distinct')}
                    </button>
                    <button type="button" className="button button-danger-outline" disabled={busyId !== null} onClick={() => askRemoval(flag, 'keepA')}>
                      {t('peoplePage.dup.keep', { keep: flag.a.name, remove: flag.b.name })}
                    </button>
                    <button type="button" className="button button-danger-outline" disabled={busyId !== null} onClick={() => askRemoval(flag, 'keepB')}>
                      {t('peoplePage.dup.keep', { keep: flag.b.name, remove: flag.a.name })}
                    </button>
                  </div>
                </article>
              </li>
            ))}
          </ul>

          {closed.length > 0 && (
            <details className="panel dup-closed">
              <summary>{t('peoplePage.dup.closedTitle', { n: formatNumber(closed.length, lang) })}</summary>
              <DataTable
                className="compact"
                caption={t('peoplePage.dup.closedCaption')}
                columns={[t('peoplePage.dup.recordA'), t('peoplePage.dup.recordB'), t('peoplePage.dup.reasons'), t('peoplePage.dup.outcome')]}
              >
                {closed.map((flag) => (
                  <tr key={flag.id}>
                    <th scope="row">
                      {flag.a.name} <span className="muted people-mono">{flag.a.code}</span>
                    </th>
                    <td>
                      {flag.b.name} <span className="muted people-mono">{flag.b.code}</span>
                    </td>
                    <td>{reasonsText(t, flag.reasons)}</td>
                    <td>{t(`peoplePage.dup.flagStatus.${flag.status}`)}</td>
                  </tr>
                ))}
              </DataTable>
            </details>
          )}
        </>
      )}

      {removal && (
        <Dialog
          title={t('peoplePage.dup.confirmTitle', { name: removal.remove.name, code: removal.remove.code })}
          onClose={() => setRemoval(null)}
          role="alertdialog"
          describedBy={`${ids}-confirm-text`}
        >
          <div id={`${ids}-confirm-text`}>
            <p>
              {t('peoplePage.dup.confirmText', {
                keep: removal.keep.name,
                keepCode: removal.keep.code,
                remove: removal.remove.name,
                removeCode: removal.remove.code,
              })}
            </p>
            <p className="muted">{t('peoplePage.dup.confirmNote')}</p>
          </div>
          <FormActions
            busy={busyId !== null}
            tone="danger"
            submitLabel={t('peoplePage.dup.confirmRemove', { name: removal.remove.name })}
            onConfirm={() => void resolve(removal.flag, removal.resolution)}
            onCancel={() => setRemoval(null)}
            cancelFirst
          />
        </Dialog>
      )}
    </section>
  );
}
