/** Every run of this assembly, newest first: open one to see it, or supersede it with a reason. */
import { useTranslation } from 'react-i18next';
import type { SelectionRun } from '../../../main/domain/selection/runTypes';
import type { Loaded } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { LoadStatus } from '../../components/StatusLine';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { pct, shortHash } from './selectionShared';

interface Props {
  runs: Loaded<SelectionRun[]>;
  shownId: string | null;
  onOpen: (run: SelectionRun) => void;
  onSupersede: (run: SelectionRun) => void;
}

export function RunHistory({ runs, shownId, onOpen, onSupersede }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = [...(runs.data ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return (
    <section className="panel sel-history" aria-labelledby="sel-history-title">
      <h2 id="sel-history-title">
        {t('sel.history.title')}
        {list.length > 0 && <span className="count"> · {t('sel.history.count', { count: list.length, n: formatNumber(list.length, lang) })}</span>}
      </h2>
      <LoadStatus loaded={runs} empty={list.length === 0 && t('sel.history.empty')} />
      {list.length > 0 && (
        <DataTable
          className="compact sel-history-table"
          caption={t('sel.history.caption')}
          columns={[
            t('sel.history.col.at'),
            t('sel.history.col.what'),
            { label: t('sel.history.col.panelSize'), num: true },
            t('sel.history.col.status'),
            t('sel.history.col.hash'),
            { label: t('sel.history.col.min'), num: true },
            { label: t('sel.history.col.actions'), hidden: true },
          ]}
        >
          {list.map((r) => {
            const when = formatInstant(r.at, lang);
            return (
              <tr key={r.id} className={r.id === shownId ? 'sel-row-shown' : undefined} aria-current={r.id === shownId ? 'true' : undefined}>
                <th scope="row">
                  <span className="nowrap">{when}</span>
                  <span className="sel-history-by">{t('sel.history.by', { name: r.operator })}</span>
                </th>
                <td>
                  {t(`sel.kind.${r.kind}`)} · {t(`sel.algorithm.${r.algorithm}`)}
                  {!r.complete && <span className="muted"> · {t('sel.history.early')}</span>}
                </td>
                <td className="num">{formatNumber(r.panelSize, lang)}</td>
                <td>
                  <span className={`sel-status sel-status-${r.status}`}>{t(`sel.status.${r.status}`)}</span>
                </td>
                <td>{r.lottery ? <code title={r.lottery.hash}>{shortHash(r.lottery.hash)}</code> : <span className="muted">{t('sel.history.noLottery')}</span>}</td>
                <td className="num">{pct(r.summary.min, lang)}</td>
                <td className="row-actions">
                  <div className="row-actions-inner">
                    {r.id === shownId ? (
                      <span className="sel-shown-mark">{t('sel.history.shown')}</span>
                    ) : (
                      <button type="button" className="button button-small" aria-label={t('sel.history.openNamed', { at: when })} onClick={() => onOpen(r)}>
                        {t('sel.history.open')}
                      </button>
                    )}
                    {r.status !== 'superseded' && (
                      <button type="button" className="button button-small button-danger-outline" aria-label={t('sel.history.supersedeNamed', { at: when })} onClick={() => onSupersede(r)}>
                        {t('sel.supersede.open')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
