/** The drawn panel against the quotas: per feature value, the seats it got and whether that is within min..max. */
import { useTranslation } from 'react-i18next';
import type { SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

export function QuotaResultTable({ rows }: { rows: NonNullable<SelectionRunDetail['quotaResult']> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const unmet = rows.filter((r) => !r.met).length;
  return (
    <section aria-labelledby="sel-quota-result-title">
      <h3 id="sel-quota-result-title">{t('sel.quotaResult.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('sel.quotaResult.none')}</p>
      ) : (
        <>
          <p className={unmet === 0 ? 'sel-all-met' : 'sel-some-unmet'}>
            {unmet === 0 ? t('sel.quotaResult.allMet', { count: rows.length, n: formatNumber(rows.length, lang) }) : t('sel.quotaResult.unmet', { count: unmet, n: formatNumber(unmet, lang) })}
          </p>
          <div className="table-wrap">
            <table className="data-table compact sel-quota-table">
              <caption className="visually-hidden">{t('sel.quotaResult.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sel.quotaResult.colFeature')}</th>
                  <th scope="col">{t('sel.quotaResult.colValue')}</th>
                  <th scope="col" className="num">
                    {t('sel.quotaResult.colMin')}
                  </th>
                  <th scope="col" className="num">
                    {t('sel.quotaResult.colMax')}
                  </th>
                  <th scope="col" className="num">
                    {t('sel.quotaResult.colSeats')}
                  </th>
                  <th scope="col">{t('sel.quotaResult.colMet')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.feature}\u0000${r.value}`} className={r.met ? undefined : 'sel-row-unmet'}>
                    <td>{r.feature}</td>
                    <th scope="row">{r.value}</th>
                    <td className="num">{formatNumber(r.min, lang)}</td>
                    <td className="num">{formatNumber(r.max, lang)}</td>
                    <td className="num">{formatNumber(r.seats, lang)}</td>
                    <td>
                      <span aria-hidden="true" className={r.met ? 'sel-mark-ok' : 'sel-mark-bad'}>
                        {r.met ? '✓' : '✗'}
                      </span>{' '}
                      {r.met ? t('sel.quotaResult.met') : t('sel.quotaResult.notMet')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
