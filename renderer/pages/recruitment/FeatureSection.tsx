/**
 * One feature of the pool (gender, age band, province…): its values with the pool's counts and
 * shares, the population shares and the quotas to edit, a proposal when one is shown, the
 * feature's own problems and its chart.
 */
import { useTranslation } from 'react-i18next';
import type { FeatureInfo, FeatureValueInfo, ProposedQuota, QuotaProblemInfo } from '../../../main/domain/recruitment/types';
import { formatNumber, formatPercent } from '../../format';
import { currentLanguage } from '../../i18n';
import { FeatureChart } from './FeatureChart';
import { ProblemList, countText } from './QuotaChecks';
import { CellInput, decimalText, parseDecimal, parseWhole } from './QuotaInputs';

export interface RowDraft {
  share: string;
  min: string;
  max: string;
}
export type CellErrors = Partial<Record<keyof RowDraft, string>>;

/** Shares within this distance of 100 add up (as the server's check): census figures are rounded. */
export const SHARE_SUM_TOLERANCE = 0.5;

export function savedDraft(v: FeatureValueInfo, lang: ReturnType<typeof currentLanguage>): RowDraft {
  return { share: decimalText(v.sharePercent, lang), min: v.min === null ? '' : String(v.min), max: v.max === null ? '' : String(v.max) };
}

/** Which of a row's fields differ from what is saved (text that does not parse counts as changed). */
export function changedFields(v: FeatureValueInfo, draft: RowDraft | undefined): (keyof RowDraft)[] {
  if (!draft) return [];
  const out: (keyof RowDraft)[] = [];
  const share = parseDecimal(draft.share);
  if (!share.ok || share.value !== v.sharePercent) out.push('share');
  const min = parseWhole(draft.min);
  if (!min.ok || min.value !== v.min) out.push('min');
  const max = parseWhole(draft.max);
  if (!max.ok || max.value !== v.max) out.push('max');
  return out;
}

/** Ids of the elements of a feature, shared with the page (focus after actions). */
export const featureHeadingId = (featureId: string) => `feature-${featureId}-title`;
export const cellId = (valueId: string, field: keyof RowDraft) => `target-${valueId}-${field}`;

interface Props {
  feature: FeatureInfo;
  panelSize: number;
  problems: QuotaProblemInfo[];
  drafts: Record<string, RowDraft>;
  errors: Record<string, CellErrors>;
  onEdit: (value: FeatureValueInfo, field: keyof RowDraft, text: string) => void;
  proposal: Map<string, ProposedQuota> | null;
  proposalStale: boolean;
  selected: readonly string[];
  onToggle: (valueId: string, on: boolean) => void;
  onRenameFeature: () => void;
  onRenameValue: (value: FeatureValueInfo) => void;
  onMerge: () => void;
  onDelete: () => void;
}

export function FeatureSection(props: Props) {
  const { feature, panelSize, problems, drafts, errors, onEdit, proposal, proposalStale, selected, onToggle } = props;
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headingId = featureHeadingId(feature.id);
  const pct = (p: number) => formatPercent(p / 100, lang);
  const shown = (v: FeatureValueInfo) => drafts[v.id] ?? savedDraft(v, lang);

  // Totals of what is on screen (typed, not yet saved, included).
  let shareSum = 0;
  let sharesGiven = 0;
  let minSum = 0;
  let maxSum = 0;
  let maxAll = true;
  for (const v of feature.values) {
    const d = shown(v);
    const s = parseDecimal(d.share);
    if (s.ok && s.value !== null) {
      shareSum += s.value;
      sharesGiven += 1;
    }
    const mn = parseWhole(d.min);
    if (mn.ok && mn.value !== null) minSum += mn.value;
    const mx = parseWhole(d.max);
    if (mx.ok && mx.value !== null) maxSum += mx.value;
    else maxAll = false;
  }
  shareSum = Math.round(shareSum * 100) / 100;
  const shareOff = sharesGiven > 0 && Math.abs(shareSum - 100) > SHARE_SUM_TOLERANCE;
  const poolTotal = feature.values.reduce((s, v) => s + v.poolCount, 0);
  const proposed = proposal ? feature.values.map((v) => proposal.get(v.id)).filter((q): q is ProposedQuota => q !== undefined) : [];
  const showProposal = proposed.length > 0;
  const seatsSum = proposed.reduce((s, q) => s + q.seats, 0);
  const selectedHere = selected.filter((id) => feature.values.some((v) => v.id === id));
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  return (
    <section className="panel feature-section" aria-labelledby={headingId}>
      <div className="feature-head">
        <h3 id={headingId} tabIndex={-1}>
          {feature.name}
          <span className="count">
            {' '}
            · {t('quotasPage.feature.valueCount', { count: feature.values.length, n: formatNumber(feature.values.length, lang) })}
          </span>
        </h3>
        <div className="feature-actions">
          <button type="button" className="button button-small" onClick={props.onRenameFeature} aria-label={t('quotasPage.feature.renameNamed', { name: feature.name })}>
            {t('quotasPage.feature.rename')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={props.onMerge}
            disabled={selectedHere.length < 2}
            aria-describedby="merge-hint"
          >
            {t('quotasPage.feature.merge')}
            {selectedHere.length > 0 && ` (${formatNumber(selectedHere.length, lang)})`}
          </button>
          <button
            type="button"
            className="button button-small button-danger-outline"
            onClick={props.onDelete}
            aria-label={t('quotasPage.feature.deleteNamed', { name: feature.name })}
          >
            {t('quotasPage.feature.delete')}
          </button>
        </div>
      </div>

      {problems.length > 0 && (
        <div className={`feature-problems${errorCount > 0 ? ' feature-problems-error' : ''}`}>
          <p className="feature-problems-title">{countText(t, problems, lang)}</p>
          <ProblemList problems={problems} />
        </div>
      )}

      <div className="table-wrap">
        <table className="data-table quota-table">
          <caption className="visually-hidden">{t('quotasPage.table.caption', { feature: feature.name })}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-select">
                <span className="visually-hidden">{t('quotasPage.table.select')}</span>
              </th>
              <th scope="col">{t('quotasPage.table.value')}</th>
              <th scope="col" className="num">{t('quotasPage.table.poolCount')}</th>
              <th scope="col" className="num">{t('quotasPage.table.poolShare')}</th>
              <th scope="col">{t('quotasPage.table.share')}</th>
              <th scope="col">{t('quotasPage.table.min')}</th>
              <th scope="col">{t('quotasPage.table.max')}</th>
              {showProposal && (
                <th scope="col" className="col-proposal">
                  {t('quotasPage.table.proposal')}
                </th>
              )}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('quotasPage.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {feature.values.map((v) => {
              const d = shown(v);
              const changed = changedFields(v, drafts[v.id]);
              const err = errors[v.id] ?? {};
              const q = proposal?.get(v.id);
              const isSelected = selected.includes(v.id);
              return (
                <tr key={v.id} className={isSelected ? 'row-selected' : undefined}>
                  <td className="col-select">
                    <input
                      type="checkbox"
                      className="checkbox"
                      id={`select-${v.id}`}
                      checked={isSelected}
                      onChange={(e) => onToggle(v.id, e.target.checked)}
                      aria-label={t('quotasPage.table.selectNamed', { value: v.value })}
                    />
                  </td>
                  <th scope="row" className="value-name">
                    {v.value}
                  </th>
                  <td className="num">{formatNumber(v.poolCount, lang)}</td>
                  <td className="num">{poolTotal > 0 ? pct(v.poolSharePercent) : '–'}</td>
                  <td className="col-input">
                    <CellInput
                      id={cellId(v.id, 'share')}
                      label={t('quotasPage.table.shareLabel', { value: v.value, feature: feature.name })}
                      value={d.share}
                      onChange={(text) => onEdit(v, 'share', text)}
                      error={err.share}
                      decimal
                      changed={changed.includes('share')}
                      suffix="%"
                    />
                  </td>
                  <td className="col-input">
                    <CellInput
                      id={cellId(v.id, 'min')}
                      label={t('quotasPage.table.minLabel', { value: v.value, feature: feature.name })}
                      value={d.min}
                      onChange={(text) => onEdit(v, 'min', text)}
                      error={err.min}
                      changed={changed.includes('min')}
                    />
                  </td>
                  <td className="col-input">
                    <CellInput
                      id={cellId(v.id, 'max')}
                      label={t('quotasPage.table.maxLabel', { value: v.value, feature: feature.name })}
                      value={d.max}
                      onChange={(text) => onEdit(v, 'max', text)}
                      error={err.max}
                      changed={changed.includes('max')}
                    />
                  </td>
                  {showProposal && (
                    <td className={`col-proposal${proposalStale ? ' proposal-stale' : ''}`}>
                      {q ? (
                        <span className="proposal-cell">
                          <span className="proposal-seats">{t('quotasPage.table.seats', { count: q.seats, n: formatNumber(q.seats, lang) })}</span>
                          <span className="proposal-range">
                            {t('quotasPage.table.range', { min: formatNumber(q.min, lang), max: formatNumber(q.max, lang) })}
                          </span>
                          <span className="proposal-exact">{t('quotasPage.table.exact', { n: formatNumber(Math.round(q.idealSeats * 100) / 100, lang) })}</span>
                        </span>
                      ) : (
                        <span className="muted">{t('quotasPage.table.noProposal')}</span>
                      )}
                    </td>
                  )}
                  <td className="col-actions">
                    <button
                      type="button"
                      className="button button-small button-inline"
                      onClick={() => props.onRenameValue(v)}
                      aria-label={t('quotasPage.table.renameNamed', { value: v.value })}
                    >
                      {t('quotasPage.table.rename')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td className="col-select" />
              <th scope="row">{t('quotasPage.table.total')}</th>
              <td className="num">{formatNumber(poolTotal, lang)}</td>
              <td className="num">{poolTotal > 0 ? pct(100) : '–'}</td>
              <td className={shareOff ? 'total-warn' : undefined}>
                {sharesGiven > 0 ? (
                  <>
                    <span className="total-figure">{pct(shareSum)}</span>
                    {shareOff && (
                      <span className="total-note">
                        <span aria-hidden="true" className="quota-problem-mark warn-mark">?</span> {t('quotasPage.table.sharesNot100')}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td className={minSum > panelSize ? 'total-warn' : undefined}>
                <span className="total-figure">{formatNumber(minSum, lang)}</span>
                {minSum > panelSize && <span className="total-note">{t('quotasPage.table.aboveSeats', { n: formatNumber(panelSize, lang) })}</span>}
              </td>
              <td className={maxAll && maxSum < panelSize ? 'total-warn' : undefined}>
                <span className="total-figure">{maxAll ? formatNumber(maxSum, lang) : '–'}</span>
                {maxAll && maxSum < panelSize && <span className="total-note">{t('quotasPage.table.belowSeats', { n: formatNumber(panelSize, lang) })}</span>}
              </td>
              {showProposal && (
                <td className="col-proposal">{t('quotasPage.table.seats', { count: seatsSum, n: formatNumber(seatsSum, lang) })}</td>
              )}
              <td className="col-actions" />
            </tr>
          </tfoot>
        </table>
      </div>

      <FeatureChart feature={feature} panelSize={panelSize} />
    </section>
  );
}
