import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useApiData } from '../components/AppState';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, formatPercent } from '../format';
import { currentLanguage } from '../i18n';

export function RecruitmentPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pool = useApiData(() => call('pool.summary', {}), []);
  const summary = pool.data;

  return (
    <>
      <PageHeading>{t('recruitment.title')}</PageHeading>
      <ErrorNotice error={pool.error} />
      {pool.loading && !summary && <p className="muted">{t('app.loading')}</p>}
      {summary && summary.people === 0 && (
        <EmptyState title={t('recruitment.empty')} badge={t('placeholder.comingSoon')}>
          <p>{t('recruitment.emptyText')}</p>
          <p>{t('recruitment.next')}</p>
        </EmptyState>
      )}
      {summary && summary.people > 0 && (
        <section aria-labelledby="pool-title">
          <h2 id="pool-title">{t('recruitment.poolTitle')}</h2>
          <p className="pool-total">
            <strong>{t('recruitment.people', { count: summary.people, n: formatNumber(summary.people, lang) })}</strong>{' '}
            {summary.households > 0 && t('recruitment.households', { count: summary.households, n: formatNumber(summary.households, lang) })}
          </p>
          <p className="muted">{t('recruitment.featuresIntro')}</p>
          <div className="feature-grid">
            {summary.features.map((feature) => {
              const total = feature.values.reduce((sum, v) => sum + v.count, 0);
              return (
                <div className="table-wrap" key={feature.name}>
                  <table className="data-table compact">
                    <caption>{feature.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('recruitment.value')}</th>
                        <th scope="col" className="num">
                          {t('recruitment.count')}
                        </th>
                        <th scope="col" className="num">
                          {t('recruitment.share')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {feature.values.map((v) => (
                        <tr key={v.value}>
                          <th scope="row">{v.value}</th>
                          <td className="num">{formatNumber(v.count, lang)}</td>
                          <td className="num">{total > 0 ? formatPercent(v.count / total, lang) : '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
          </div>
        </section>
      )}
    </>
  );
}
