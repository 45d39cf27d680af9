/**
 * Why a draw cannot be prepared, with what to do: no panel meets the quotas (the conflicts and the
 * smallest change of quotas that would work), or candidates lack a value for a feature with quotas.
 */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';

interface Conflict {
  kind: string;
  message: string;
}

interface Change {
  feature: string;
  value: string;
  bound: 'min' | 'max';
  from: number;
  to: number;
}

interface Explanation {
  conflicts: Conflict[];
  relaxation: { changes: Change[] } | null;
}

function readExplanation(details: Record<string, unknown>): Explanation {
  const raw = (details.explanation ?? {}) as Partial<Explanation>;
  const conflicts = Array.isArray(raw.conflicts) ? raw.conflicts.filter((c) => typeof c?.message === 'string') : [];
  const changes = raw.relaxation && Array.isArray(raw.relaxation.changes) ? raw.relaxation.changes : null;
  return { conflicts, relaxation: changes ? { changes } : null };
}

export const isPlanProblem = (e: ApiCallError): boolean => e.i18nKey === 'errors.selectionInfeasible' || e.i18nKey === 'errors.selectionMissingValues';

export const InfeasibleNotice = forwardRef<HTMLDivElement, { error: ApiCallError }>(function InfeasibleNotice({ error }, ref) {
  const { t } = useTranslation();
  const lang = currentLanguage();

  if (error.i18nKey === 'errors.selectionMissingValues') {
    const missing = Array.isArray(error.details.missing) ? (error.details.missing as { code: string; features: string[] }[]) : [];
    const count = typeof error.details.count === 'number' ? error.details.count : missing.length;
    const shown = missing.slice(0, 20);
    return (
      <div className="notice notice-error sel-plan-problem" role="alert" tabIndex={-1} ref={ref}>
        <p className="notice-title">{t('sel.missing.title', { count, n: formatNumber(count, lang) })}</p>
        <p>{t('sel.missing.text')}</p>
        <ul className="sel-missing-list">
          {shown.map((m) => (
            <li key={m.code}>
              <code>{m.code}</code>: {m.features.join(', ')}
            </li>
          ))}
        </ul>
        {count > shown.length && <p>{t('sel.missing.more', { n: formatNumber(count - shown.length, lang) })}</p>}
        <p>
          <a href={hrefFor('recruitment')}>{t('sel.missing.toPeople')}</a> · <a href={hrefFor('recruitment', 'quotas')}>{t('sel.infeasible.toQuotas')}</a>
        </p>
      </div>
    );
  }

  const { conflicts, relaxation } = readExplanation(error.details);
  return (
    <div className="notice notice-error sel-plan-problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice-title">{t('sel.infeasible.title')}</p>
      <p>{t('sel.infeasible.text')}</p>
      {conflicts.length > 0 && (
        <>
          <p className="sel-notice-sub">{t('sel.infeasible.why')}</p>
          <ul>
            {conflicts.map((c, i) => (
              <li key={i} lang="en">
                {c.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {relaxation && relaxation.changes.length > 0 ? (
        <>
          <p className="sel-notice-sub">{t('sel.infeasible.relaxation', { count: relaxation.changes.length })}</p>
          <ul className="sel-relaxation">
            {relaxation.changes.map((c, i) => (
              <li key={i}>{t(`sel.infeasible.change.${c.bound}${c.to < c.from ? 'Down' : 'Up'}`, { feature: c.feature, value: c.value, from: formatNumber(c.from, lang), to: formatNumber(c.to, lang) })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('sel.infeasible.noRelaxation')}</p>
      )}
      <p>
        <a href={hrefFor('recruitment', 'quotas')}>{t('sel.infeasible.toQuotas')}</a>
      </p>
    </div>
  );
});
