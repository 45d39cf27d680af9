import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../preload/contract';
import type { Loaded } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
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
      <ErrorNotice error={imports.error} />
      {imports.loading && !imports.data && <p className="muted">{t('app.loading')}</p>}
      {imports.data && list.length === 0 && <p className="empty-inline">{t('importPage.history.empty')}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="data-table compact import-history">
            <caption className="visually-hidden">{t('importPage.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importPage.history.colAt')}</th>
                <th scope="col">{t('importPage.history.colOperator')}</th>
                <th scope="col">{t('importPage.history.colFile')}</th>
                <th scope="col" className="num">
                  {t('importPage.history.colRows')}
                </th>
                <th scope="col" className="num">
                  {t('importPage.history.colImported')}
                </th>
                <th scope="col" className="num">
                  {t('importPage.history.colAlready')}
                </th>
                <th scope="col" className="num">
                  {t('importPage.history.colRejected')}
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
