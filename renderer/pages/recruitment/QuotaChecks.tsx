/**
 * The checks of the quotas: what would make the draw fail (errors) or give a panel nobody
 * intended (warnings), in words, errors first, grouped per feature.
 */
import { useTranslation } from 'react-i18next';
import type { FeatureInfo, QuotaProblemInfo } from '../../../main/domain/recruitment/types';
import { formatNumber } from '../../format';
import { currentLanguage, i18n } from '../../i18n';

/** Errors before warnings, otherwise in the server's order (feature, then value). */
export function sortProblems(problems: readonly QuotaProblemInfo[]): QuotaProblemInfo[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

/** One problem as a sentence in the UI language; the server's English one when the rule is new. */
export function useProblemText(): (p: QuotaProblemInfo) => string {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (p) => {
    const raw = p.params ?? {};
    const params: Record<string, unknown> = { feature: p.feature, value: p.value ?? '' };
    for (const [k, v] of Object.entries(raw)) params[k] = typeof v === 'number' ? formatNumber(v, lang) : v;
    if (typeof raw.poolCount === 'number') params.count = raw.poolCount;
    if (raw.bound === 'minimum' || raw.bound === 'maximum') params.bound = t(`quotasPage.problem.bound.${raw.bound}`);
    const key =
      p.rule === 'quotaButNobodyInPool' ? `quotasPage.problem.quotaButNobodyInPool_${p.severity}` : `quotasPage.problem.${p.rule}`;
    return i18n.exists(key, params) ? t(key, params) : p.message;
  };
}

function ProblemItem({ problem }: { problem: QuotaProblemInfo }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const error = problem.severity === 'error';
  return (
    <li className={`quota-problem ${error ? 'quota-problem-error' : 'quota-problem-warning'}`}>
      <span className="quota-problem-mark" aria-hidden="true">
        {error ? '!' : '?'}
      </span>
      <span>
        <span className="visually-hidden">{error ? t('quotasPage.checks.errorLabel') : t('quotasPage.checks.warningLabel')}: </span>
        {text(problem)}
      </span>
    </li>
  );
}

export function ProblemList({ problems }: { problems: readonly QuotaProblemInfo[] }) {
  return (
    <ul className="quota-problems">
      {sortProblems(problems).map((p, i) => (
        <ProblemItem key={`${p.rule}-${p.value ?? ''}-${i}`} problem={p} />
      ))}
    </ul>
  );
}

export function countText(t: (key: string, o: Record<string, unknown>) => string, problems: readonly QuotaProblemInfo[], lang: string): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const errorText = t('quotasPage.checks.errors', { count: errors, n: formatNumber(errors, lang) });
  const warningText = t('quotasPage.checks.warnings', { count: warnings, n: formatNumber(warnings, lang) });
  if (warnings === 0) return errorText;
  if (errors === 0) return warningText;
  return t('quotasPage.checks.counts', { errors: errorText, warnings: warningText });
}

interface SummaryProps {
  features: readonly FeatureInfo[];
  problems: readonly QuotaProblemInfo[];
  onGoTo: (featureId: string) => void;
}

/** Near the top of the page: how many errors and warnings, and each sentence, per feature. */
export function QuotaChecks({ features, problems, onGoTo }: SummaryProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  // Features in page order; a problem naming a feature the page does not know goes last, as is.
  const names = [...features.map((f) => f.name), ...new Set(problems.map((p) => p.feature).filter((n) => !features.some((f) => f.name === n)))];
  const groups = (list: readonly QuotaProblemInfo[]) =>
    names.map((name) => ({ name, feature: features.find((f) => f.name === name), items: list.filter((p) => p.feature === name) })).filter((g) => g.items.length > 0);

  const renderGroups = (list: readonly QuotaProblemInfo[]) => (
    <div className="quota-check-groups">
      {groups(list).map((g) => (
        <div key={g.name} className="quota-check-group">
          <p className="quota-check-feature">
            {g.feature ? (
              <button type="button" className="link-button" onClick={() => onGoTo(g.feature!.id)} aria-label={t('quotasPage.checks.goTo', { feature: g.name })}>
                {g.name}
              </button>
            ) : (
              g.name
            )}
          </p>
          <ProblemList problems={g.items} />
        </div>
      ))}
    </div>
  );

  return (
    <section className="panel quota-checks" aria-labelledby="quota-checks-title">
      <h2 id="quota-checks-title" tabIndex={-1}>
        {t('quotasPage.checks.title')}
        <span className="count"> · {problems.length === 0 ? t('quotasPage.checks.none') : countText(t, problems, lang)}</span>
      </h2>
      {problems.length === 0 && (
        <p className="notice notice-success">
          <span>{t('quotasPage.checks.allGood')}</span>
        </p>
      )}
      {errors.length > 0 && (
        <>
          <p className="quota-check-lead">{t('quotasPage.checks.errorsLead')}</p>
          {renderGroups(errors)}
        </>
      )}
      {warnings.length > 0 && (
        <details className="quota-warnings" open={warnings.length <= 6}>
          <summary>{t('quotasPage.checks.warningsSummary', { count: warnings.length, n: formatNumber(warnings.length, lang) })}</summary>
          {renderGroups(warnings)}
        </details>
      )}
    </section>
  );
}
