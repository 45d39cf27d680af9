/**
 * A ballot's rule in words, for the reports: which sentence fits the rule is decided here, the
 * sentences themselves are in the report resources (renderer/i18n/report.*.json). The fractions
 * come from main/domain/voting/result.ts, as the count reads them.
 */
import type { TFunction } from 'i18next';
import type { BallotRule, DependencyInfo } from '../domain/voting/types';
import { namedFraction, thresholdOf } from '../domain/voting/result';

/** "two thirds", "80 %", "half" where the language names the fraction, otherwise "3/5". */
export function fractionWords(t: TFunction<'report'>, numerator: number, denominator: number): string {
  const named = namedFraction(numerator, denominator);
  return named ? t(`reports.recommendations.fractions.${named}`) : `${numerator}/${denominator}`;
}

/** The threshold (or the way of counting) in a sentence: the recommendations report's method. */
export function ruleWords(t: TFunction<'report'>, rule: BallotRule): string {
  if (rule.method === 'yesNo') {
    const threshold = thresholdOf(rule);
    const abstentions = t(rule.abstentionsCount ? 'reports.recommendations.rule.abstentionsCount' : 'reports.recommendations.rule.abstentionsNotCounted');
    if (threshold.kind === 'simpleMajority') return t('reports.recommendations.rule.simpleMajority', { abstentions });
    if (threshold.kind === 'majorityOfPresent') return t('reports.recommendations.rule.majorityOfPresent');
    const fraction = fractionWords(t, threshold.numerator, threshold.denominator);
    return threshold.base === 'present'
      ? t('reports.recommendations.rule.fractionOfPresent', { fraction })
      : t('reports.recommendations.rule.fractionOfCast', { fraction, abstentions });
  }
  if (rule.method === 'scale') {
    return t('reports.recommendations.rule.scale', {
      fraction: fractionWords(t, rule.numerator, rule.denominator),
      supportLevels: rule.supportLevels,
      levels: rule.levels.slice(0, rule.supportLevels).join(', '),
    });
  }
  if (rule.method === 'approval') return t('reports.recommendations.rule.approval', { maxPicks: rule.maxPicks });
  return t(rule.count === 'borda' ? 'reports.recommendations.rule.borda' : 'reports.recommendations.rule.schulze');
}

/** The ballot's rule in a cell of the report workbook: the threshold an item must reach. */
export function thresholdWords(t: TFunction<'report'>, rule: BallotRule): string {
  if (rule.method === 'scale') return t('report.threshold.scale', { numerator: rule.numerator, denominator: rule.denominator, supportLevels: rule.supportLevels });
  if (rule.method === 'approval') return t('report.threshold.approval', { maxPicks: rule.maxPicks });
  if (rule.method === 'ranking') return t(rule.count === 'borda' ? 'report.threshold.borda' : 'report.threshold.schulze');
  const threshold = thresholdOf(rule);
  if (threshold.kind === 'simpleMajority') return t(rule.abstentionsCount ? 'report.threshold.simpleMajorityWithAbstentions' : 'report.threshold.simpleMajority');
  if (threshold.kind === 'majorityOfPresent') return t('report.threshold.majorityOfPresent');
  const key =
    threshold.base === 'present'
      ? 'report.threshold.fractionOfPresent'
      : rule.abstentionsCount
        ? 'report.threshold.fractionOfCastWithAbstentions'
        : 'report.threshold.fractionOfCast';
  return t(key, { numerator: threshold.numerator, denominator: threshold.denominator });
}

/** The quorum line: "Quorum: two thirds of the panel present (16 members); present: 18 — quorum met." */
export function quorumWords(t: TFunction<'report'>, numerator: number, denominator: number, needed: number, present: string, met: boolean): string {
  const fraction = fractionWords(t, numerator, denominator);
  return t(met ? 'reports.recommendations.quorum.met' : 'reports.recommendations.quorum.notMet', { fraction, needed, present });
}

/** A sequential ballot's condition in a sentence: "Held only if item R1 of “…” was adopted." */
export function conditionWords(t: TFunction<'report'>, d: DependencyInfo): string {
  return d.when === 'adopted' ? t('report.condition.adopted', { number: d.itemNumber, title: d.ballotTitle }) : t('report.condition.notAdopted', { number: d.itemNumber, title: d.ballotTitle });
}

/** Why a ballot was not held, in a sentence. */
export function notHeldWords(t: TFunction<'report'>, d: DependencyInfo | null): string {
  if (!d) return t('report.outcomes.notHeld');
  if (d.earlierNotHeld) return t('report.condition.notHeldChain', { title: d.ballotTitle });
  return d.when === 'adopted' ? t('report.condition.notHeldAdopted', { number: d.itemNumber, title: d.ballotTitle }) : t('report.condition.notHeldNotAdopted', { number: d.itemNumber, title: d.ballotTitle });
}
