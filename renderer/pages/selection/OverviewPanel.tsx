/** Where the assembly stands before a draw: who can be drawn, the seats, the household rule, the quotas. */
import { useTranslation } from 'react-i18next';
import type { SelectionOverview } from '../../../main/domain/selection/runTypes';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';

interface Props {
  overview: SelectionOverview;
  /** Feature values with a minimum or a maximum (null while unknown). */
  quotaCount: number | null;
  quotaErrors: number;
  onShowRun: (id: string) => void;
}

export function OverviewPanel({ overview: o, quotaCount, quotaErrors, onShowRun }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <section className="panel sel-overview" aria-labelledby="sel-overview-title">
      <h2 id="sel-overview-title">{t('sel.overview.title')}</h2>
      <dl className="sel-stats sel-overview-stats">
        <div>
          <dt>{t('sel.overview.candidates')}</dt>
          <dd>{n(o.candidates)}</dd>
        </div>
        <div>
          <dt>{t('sel.overview.panelSize')}</dt>
          <dd>{n(o.panelSize)}</dd>
        </div>
        <div>
          <dt>{t('sel.overview.seated')}</dt>
          <dd>{n(o.seated)}</dd>
        </div>
        <div>
          <dt>{t('sel.overview.openSeats')}</dt>
          <dd>{n(o.openSeats)}</dd>
        </div>
        <div>
          <dt>{t('sel.overview.quotas')}</dt>
          <dd>{quotaCount === null ? '…' : n(quotaCount)}</dd>
        </div>
      </dl>
      <ul className="sel-overview-notes">
        <li>{o.onePerHousehold ? t('sel.overview.householdOnText') : t('sel.overview.householdOffText')}</li>
        <li>
          {o.drawnPanelRunId ? (
            <>
              {t('sel.overview.panelDrawn')}{' '}
              <button type="button" className="sel-link-button" onClick={() => onShowRun(o.drawnPanelRunId!)}>
                {t('sel.overview.showPanelRun')}
              </button>
            </>
          ) : (
            t('sel.overview.noPanel')
          )}
        </li>
        <li>
          {t('sel.overview.settingsText')} <a href={hrefFor('recruitment', 'quotas')}>{t('sel.overview.toQuotas')}</a>
        </li>
      </ul>
      {o.candidates === 0 && <p className="notice sel-notice-warn">{t('sel.overview.noCandidates')}</p>}
      {quotaCount === 0 && o.candidates > 0 && (
        <p className="notice sel-notice-warn">
          {t('sel.overview.noQuotas')} <a href={hrefFor('recruitment', 'quotas')}>{t('sel.overview.toQuotas')}</a>
        </p>
      )}
      {quotaErrors > 0 && (
        <p className="notice sel-notice-warn">
          {t('sel.overview.quotaErrors', { count: quotaErrors, n: n(quotaErrors) })} <a href={hrefFor('recruitment', 'quotas')}>{t('sel.overview.toQuotas')}</a>
        </p>
      )}
    </section>
  );
}
