/**
 * A drawn run: how it was drawn (numbers, ticket, seed), the panel by code, the quotas it meets,
 * and everyone else as the reserve list in its fixed order.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { formatInstant, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { QuotaResultTable } from './QuotaResultTable';

const RESERVE_SHOWN = 50;

export function DrawnResult({ run }: { run: SelectionRunDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [allReserve, setAllReserve] = useState(false);
  if (!run.panel) return null;
  const fixed = new Set(run.fixed);
  const reserve = run.reserve ?? [];
  const shownReserve = allReserve ? reserve : reserve.slice(0, RESERVE_SHOWN);
  const added = run.panel.filter((c) => !fixed.has(c));

  return (
    <section className="sel-drawn" aria-labelledby="sel-drawn-title">
      <h3 id="sel-drawn-title">{t('sel.drawn.title')}</h3>
      <dl className="facts sel-facts">
        {run.drawnAt && (
          <div>
            <dt>{t('sel.drawn.when')}</dt>
            <dd>{t('sel.drawn.whenBy', { at: formatInstant(run.drawnAt, lang), by: run.drawnBy ?? '' })}</dd>
          </div>
        )}
        <div>
          <dt>{t('sel.drawn.how')}</dt>
          <dd>{run.seedMode === 'public' ? t('sel.drawn.howPublic') : t('sel.drawn.howRandom')}</dd>
        </div>
        {run.publicNumbers && (
          <div>
            <dt>{t('sel.drawn.numbers')}</dt>
            <dd>
              <code>{run.publicNumbers.join(' ')}</code>
            </dd>
          </div>
        )}
        {run.ticket !== null && (
          <div>
            <dt>{t('sel.drawn.ticket')}</dt>
            <dd>{run.ticket}</dd>
          </div>
        )}
        {run.seed && (
          <div className="sel-fact-wide">
            <dt>{t('sel.drawn.seed')}</dt>
            <dd>
              <code>{run.seed}</code>
            </dd>
          </div>
        )}
      </dl>

      <h4 id="sel-panel-title">
        {run.kind === 'replacement'
          ? t('sel.drawn.newMembers', { count: added.length, n: formatNumber(added.length, lang) })
          : t('sel.drawn.panel', { count: run.panel.length, n: formatNumber(run.panel.length, lang) })}
      </h4>
      <ul className="sel-codes" aria-labelledby="sel-panel-title">
        {added.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {run.kind === 'replacement' && run.fixed.length > 0 && (
        <p className="muted">{t('sel.drawn.seatedKept', { count: run.fixed.length, n: formatNumber(run.fixed.length, lang) })}</p>
      )}
      <p>
        {t('sel.drawn.nowSelected')} <a href={hrefFor('recruitment')}>{t('sel.drawn.toPeople')}</a>
      </p>

      {run.quotaResult && <QuotaResultTable rows={run.quotaResult} />}

      <section aria-labelledby="sel-reserve-title">
        <h3 id="sel-reserve-title">{t('sel.drawn.reserveTitle', { count: reserve.length, n: formatNumber(reserve.length, lang) })}</h3>
        <p className="muted sel-note">{t('sel.drawn.reserveText')}</p>
        {reserve.length > 0 && (
          <ol className="sel-reserve" aria-labelledby="sel-reserve-title">
            {shownReserve.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
        )}
        {reserve.length > RESERVE_SHOWN && (
          <button type="button" className="button button-small" aria-expanded={allReserve} onClick={() => setAllReserve((v) => !v)}>
            {allReserve ? t('sel.drawn.reserveFewer', { n: formatNumber(RESERVE_SHOWN, lang) }) : t('sel.drawn.reserveAll', { n: formatNumber(reserve.length, lang) })}
          </button>
        )}
      </section>
    </section>
  );
}
