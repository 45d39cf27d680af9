/**
 * A ballot's result for the secretariat: per item the counts with their percentages (and of what
 * base), blank and spoilt, adopted or not; the rule in words and the quorum. Rankings: the order
 * (ties as "="), the scores and the pairwise matrix; approval: the items by picks.
 */
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotResult, ItemResult } from '../../../main/domain/voting/types';
import { formatNumber, formatPercent } from '../../format';
import { currentLanguage } from '../../i18n';
import { baseText, countLabels, ruleText } from './shared';

export function ResultTable({ ballot, result, headingLevel = 3 }: { ballot: Ballot; result: BallotResult; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const quorumNeeded = Math.ceil((result.panelSize * ballot.quorum.numerator) / ballot.quorum.denominator);
  return (
    <div className="vote-result">
      <dl className="facts vote-facts">
        <div>
          <dt>{t('votingPage.result.rule')}</dt>
          <dd>{ruleText(t, ballot, lang)}</dd>
        </div>
        <div>
          <dt>{t('votingPage.result.quorum')}</dt>
          <dd>
            {t('votingPage.result.quorumLine', {
              present: formatNumber(result.present, lang),
              panel: formatNumber(result.panelSize, lang),
              needed: formatNumber(quorumNeeded, lang),
            })}{' '}
            <strong className={result.quorumMet ? 'vote-ok' : 'vote-not'}>{t(result.quorumMet ? 'votingPage.result.quorumMet' : 'votingPage.result.quorumNotMet')}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('votingPage.result.papers')}</dt>
          <dd>
            {t('votingPage.result.papersLine', {
              valid: formatNumber(result.papers.valid, lang),
              blank: formatNumber(result.papers.blank, lang),
              spoilt: formatNumber(result.papers.spoilt, lang),
            })}
          </dd>
        </div>
      </dl>
      {!result.quorumMet && <p className="notice notice-error">{t('votingPage.result.quorumNotMetText')}</p>}
      {result.outcome === 'castingVote' && <p className="notice vote-casting-note">{t('votingPage.result.castingVote', { chair: result.chair ?? '' })}</p>}
      {result.outcome === 'newVoteNeeded' && <p className="notice vote-tie-note">{t('votingPage.result.newVoteNeeded')}</p>}
      {result.outcome === 'castingVoteNeeded' && <p className="notice vote-tie-note">{t('votingPage.result.castingVoteNeeded')}</p>}
      {result.items.length > 0 && <ItemsTable ballot={ballot} result={result} />}
      {result.ranking && <RankingTables ballot={ballot} result={result} H={H} />}
    </div>
  );
}

function Verdict({ adopted, tie, settled }: { adopted: boolean; tie: boolean; settled: ItemResult['settled'] }) {
  const { t } = useTranslation();
  if (tie && settled === 'newVote') return <span className="vote-verdict vote-tie">= {t('votingPage.result.tieNewVote')}</span>;
  if (tie && settled === null) return <span className="vote-verdict vote-tie">= {t('votingPage.result.castingVoteNeeded')}</span>;
  const byChair = tie && settled === 'castingVote' ? <span className="vote-verdict-note">{t('votingPage.result.byCastingVote')}</span> : null;
  return adopted ? (
    <span className="vote-verdict vote-ok">
      <span aria-hidden="true">✓ </span>
      {t('votingPage.result.adopted')}
      {byChair}
    </span>
  ) : (
    <span className="vote-verdict vote-not">
      <span aria-hidden="true">✗ </span>
      {t('votingPage.result.notAdopted')}
      {byChair}
    </span>
  );
}

function ItemsTable({ ballot, result }: { ballot: Ballot; result: BallotResult }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = countLabels(t, ballot);
  const kinds = [...new Set(result.items.map((i) => i.baseKind))];
  const adopted = result.items.filter((i) => i.adopted).length;
  return (
    <>
      <div className="table-wrap">
        <table className="data-table compact vote-result-table">
          <caption>
            {t('votingPage.result.caption', { title: ballot.title })}{' '}
            <span className="muted vote-caption-note">{t('votingPage.result.adoptedCount', { adopted: formatNumber(adopted, lang), count: result.items.length })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('votingPage.count.item')}</th>
              {labels.map((l) => (
                <th key={l} scope="col" className="num">
                  {l}
                </th>
              ))}
              <th scope="col" className="num">
                {t('votingPage.count.blank')}
              </th>
              <th scope="col" className="num">
                {t('votingPage.count.spoilt')}
              </th>
              <th scope="col" className="num">
                {t('votingPage.result.base')}
              </th>
              <th scope="col">{t('votingPage.result.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.itemId}>
                <th scope="row" className="vote-result-item">
                  <span className="vote-item-number">{item.number}</span> {item.title}
                </th>
                {item.counts.map((c, k) => (
                  <td key={k} className="num">
                    {formatNumber(c, lang)}
                    <span className="vote-pct">{formatPercent(item.percentages[k] ?? 0, lang)}</span>
                  </td>
                ))}
                <td className="num">{formatNumber(item.blank, lang)}</td>
                <td className="num">{formatNumber(item.spoilt, lang)}</td>
                <td className="num">{formatNumber(item.base, lang)}</td>
                <td>
                  <Verdict adopted={item.adopted} tie={item.tie} settled={item.settled} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted vote-base-note">
        {kinds.map((k) => baseText(t, k)).join(' ')}
        {kinds.includes('cast') ? ` ${t('votingPage.base.abstainNote')}` : ''}
      </p>
    </>
  );
}

function RankingTables({ ballot, result, H }: { ballot: Ballot; result: BallotResult; H: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ranking = result.ranking!;
  const item = (id: string) => ballot.items.find((i) => i.id === id);
  const label = (id: string) => {
    const i = item(id);
    return i ? `${i.number} ${i.title}` : id;
  };
  const scoreLabel = ballot.rule.method === 'approval' ? t('votingPage.result.picks') : ballot.rule.method === 'ranking' && ballot.rule.count === 'borda' ? t('votingPage.result.bordaPoints') : t('votingPage.result.schulzeWins');
  let place = 1;
  const rows = ranking.order.map((group) => {
    const p = place;
    place += group.length;
    return { place: p, group };
  });
  return (
    <>
      <p className="vote-winner">
        {ranking.winners.length === 0
          ? t('votingPage.result.noWinner')
          : ranking.settled === 'castingVote'
            ? t('votingPage.result.winnerByCastingVote', { chair: result.chair ?? '', name: label(ranking.winners[0]!) })
            : ranking.tie
            ? t('votingPage.result.tieBetween', { names: ranking.winners.map(label).join(' = ') })
            : t('votingPage.result.winner', { name: label(ranking.winners[0]!) })}
      </p>
      <p className="vote-order" aria-label={t('votingPage.result.orderLabel')}>
        {ranking.order.map((g) => g.map((id) => item(id)?.number ?? id).join(' = ')).join(' › ')}
      </p>
      <div className="table-wrap">
        <table className="data-table compact vote-ranking-table">
          <caption>{t('votingPage.result.rankingCaption', { title: ballot.title })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('votingPage.result.place')}
              </th>
              <th scope="col">{t('votingPage.result.option')}</th>
              <th scope="col" className="num">
                {scoreLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap(({ place: p, group }) =>
              group.map((id) => (
                <tr key={id} className={ranking.winners.includes(id) ? 'vote-winner-row' : undefined}>
                  <td className="num">{group.length > 1 ? `${formatNumber(p, lang)} =` : formatNumber(p, lang)}</td>
                  <th scope="row">{label(id)}</th>
                  <td className="num">{formatNumber(ranking.scores[id] ?? 0, lang)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {ranking.pairwise && (
        <>
          <H className="vote-subheading">{t('votingPage.result.pairwiseTitle')}</H>
          <p className="muted">{t('votingPage.result.pairwiseIntro')}</p>
          {ranking.condorcetWinner && <p>{t('votingPage.result.condorcet', { name: label(ranking.condorcetWinner) })}</p>}
          <div className="table-wrap">
            <table className="data-table compact vote-pairwise">
              <caption>{t('votingPage.result.pairwiseCaption')}</caption>
              <thead>
                <tr>
                  <td />
                  {ballot.items.map((i) => (
                    <th key={i.id} scope="col" className="num" title={i.title}>
                      {t('votingPage.result.over', { number: i.number })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ballot.items.map((a, x) => (
                  <tr key={a.id}>
                    <th scope="row">{`${a.number} ${a.title}`}</th>
                    {ballot.items.map((b, y) => {
                      const v = ranking.pairwise![x]![y]!;
                      const w = ranking.pairwise![y]![x]!;
                      return (
                        <td key={b.id} className={`num${x === y ? ' vote-pairwise-self' : v > w ? ' vote-pairwise-win' : ''}`}>
                          {x === y ? '—' : formatNumber(v, lang)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
