/** Where the two entries differ: the item, the count, and both values, to check against the papers. */
import { useTranslation } from 'react-i18next';
import type { BallotDetail } from '../../../main/domain/voting/types';
import { countLabels, paperText } from './shared';

export function Differences({ detail }: { detail: BallotDetail }) {
  const { t } = useTranslation();
  const { ballot, differences, entries } = detail;
  if (differences.length === 0) return null;
  const labels = countLabels(t, ballot);
  const operator = (slot: 1 | 2) => entries.find((e) => e.slot === slot)?.operator ?? '';
  const what = (field: string) => {
    if (field.startsWith('counts.')) return labels[Number(field.split('.')[1])] ?? field;
    if (field.startsWith('papers.')) return t('votingPage.diff.paper', { n: Number(field.split('.')[1]) + 1 });
    if (field === 'blank' || field === 'spoilt') return t(`votingPage.count.${field}`);
    return field;
  };
  const value = (field: string, v: number | string) => (field.startsWith('papers.') ? paperText(v, ballot) : String(v));
  return (
    <section className="panel vote-differences" aria-labelledby="vote-diff-title">
      <h2 id="vote-diff-title">{t('votingPage.diff.title', { count: differences.length })}</h2>
      <p>{t('votingPage.diff.intro')}</p>
      <div className="table-wrap">
        <table className="data-table compact vote-diff-table">
          <caption className="visually-hidden">{t('votingPage.diff.title', { count: differences.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votingPage.count.item')}</th>
              <th scope="col">{t('votingPage.diff.what')}</th>
              <th scope="col" className="num">
                {t('votingPage.diff.entryBy', { slot: 1, operator: operator(1) })}
              </th>
              <th scope="col" className="num">
                {t('votingPage.diff.entryBy', { slot: 2, operator: operator(2) })}
              </th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => {
              const item = ballot.items.find((i) => i.id === d.itemId);
              return (
                <tr key={`${d.itemId ?? ''}:${d.field}`}>
                  <th scope="row">{item ? `${item.number} ${item.title}` : '—'}</th>
                  <td>{what(d.field)}</td>
                  <td className="num vote-diff-value">{value(d.field, d.first)}</td>
                  <td className="num vote-diff-value">{value(d.field, d.second)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
