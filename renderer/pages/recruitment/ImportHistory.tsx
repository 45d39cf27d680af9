import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../main/domain/recruitment/types';
import type { Loaded } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { LoadStatus } from '../../components/StatusLine';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

/** Every import into this assembly: when, by whom, which file, and what came of it. */
export function ImportHistory({ imports }: { imports: Loaded<ImportRecord[]> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = imports.data ?? [];
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="import-history-title" className="panel">
      <h2 id="import-history-title">
        {t('importPage.history.title')}
        {list.length > 0 && <span className="count"> · {t('importPage.history.count', { count: list.length, n: n(list.length) })}</span>}
      </h2>
      <LoadStatus loaded={imports} empty={list.length === 0 && t('importPage.history.empty')} />
      {list.length > 0 && (
        <DataTable
          className="compact import-history"
          caption={t('importPage.history.caption')}
          columns={[
            t('importPage.history.colAt'),
            t('importPage.history.colOperator'),
            t('importPage.history.colFile'),
            { label: t('importPage.history.colRows'), num: true },
            { label: t('importPage.history.colImported'), num: true },
            { label: t('importPage.history.colAlready'), num: true },
            { label: t('importPage.history.colRejected'), num: true },
          ]}
        >
          {list.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="nowrap">
                <time dateTime={r.at}>{formatInstant(r.at, lang)}</time>
              </th>
              <td className="import-operator">{r.operator}</td>
              <td className="import-file-name">{r.fileName}</td>
              <td className="num">{n(r.rowsTotal)}</td>
              <td className="num">{n(r.imported)}</td>
              <td className="num">{n(r.alreadyInPool)}</td>
              <td className="num">{n(r.rejected)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
