/**
 * The counts grid of one entry: per item a row of number inputs (for / against / abstain, or one
 * per level of a scale, then blank and spoilt) with the running total against the members
 * present; Tab goes through it row by row. Ballots counted paper by paper (approval, ranking) get
 * a line per paper instead ("3 1 2", Enter adds it) and the list of papers entered.
 * Differences between the two entries and the server's problems are shown at their cell.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotDetail } from '../../../main/domain/voting/types';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { cellNumber, countLabels, paperText, countProblemText, type CountProblem, type CountsDraft, type PapersDraft, type PerItemDraft } from './shared';

export type Difference = BallotDetail['differences'][number];

interface GridProps {
  ballot: Ballot;
  draft: CountsDraft;
  onChange: (draft: CountsDraft) => void;
  present: number;
  /** Prefix of the inputs' ids (two grids can be on screen: the page and the correction dialog). */
  idPrefix: string;
  problems: CountProblem[];
  /** Where the two entries differ (shown with both values). */
  differences?: Difference[];
  disabled?: boolean;
}

export function CountGrid(props: GridProps) {
  return props.draft.kind === 'perItem' ? <PerItemGrid {...props} draft={props.draft} /> : <PapersEntry {...props} draft={props.draft} />;
}

/** The cell key of a server field: counts.items.0.counts.1 -> [0, 'counts.1']; counts.items.0 -> [0, 'total']. */
function cellOf(field: string): [number, string] | null {
  const m = /^counts\.items\.(\d+)(?:\.(counts\.\d+|blank|spoilt|counts))?$/.exec(field);
  if (!m) return null;
  const sub = m[2];
  return [Number(m[1]), !sub || sub === 'counts' ? 'total' : sub];
}

function PerItemGrid({ ballot, draft, onChange, present, idPrefix, problems, differences = [], disabled }: GridProps & { draft: PerItemDraft }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = countLabels(t, ballot);
  const captionId = useId();
  const problemAt = new Map<string, CountProblem>();
  for (const p of problems) {
    const cell = cellOf(p.field);
    const item = cell ? ballot.items[cell[0]] : undefined;
    if (cell && item && !problemAt.has(`${item.id}:${cell[1]}`)) problemAt.set(`${item.id}:${cell[1]}`, p);
  }
  const differenceAt = new Map(differences.filter((d) => d.itemId).map((d) => [`${d.itemId}:${d.field}`, d]));
  const general = problems.filter((p) => !cellOf(p.field));

  const set = (itemId: string, column: string, value: string) => {
    const row = draft.rows[itemId]!;
    const next = { ...row, counts: [...row.counts] };
    if (column === 'blank' || column === 'spoilt') next[column] = value;
    else next.counts[Number(column.split('.')[1])] = value;
    onChange({ ...draft, rows: { ...draft.rows, [itemId]: next } });
  };

  const columns = [...labels.map((label, k) => ({ key: `counts.${k}`, label })), { key: 'blank', label: t('votingPage.count.blank') }, { key: 'spoilt', label: t('votingPage.count.spoilt') }];

  return (
    <div className="table-wrap">
      {general.map((p) => (
        <p key={p.field + p.rule} className="field-error" role="alert">
          {countProblemText(t, p, { papers: '', present: formatNumber(present, lang) })}
        </p>
      ))}
      <table className="data-table vote-grid" aria-describedby={captionId}>
        <caption id={captionId}>{t('votingPage.count.gridCaption', { present: formatNumber(present, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('votingPage.count.item')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.label}
              </th>
            ))}
            <th scope="col" className="num">
              {t('votingPage.count.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ballot.items.map((item, i) => {
            const row = draft.rows[item.id]!;
            const total = [...row.counts, row.blank, row.spoilt].reduce((s, v) => s + (Number.isFinite(cellNumber(v)) ? cellNumber(v) : 0), 0);
            const over = total > present;
            const totalProblem = problemAt.get(`${item.id}:total`);
            const totalErrorId = `${idPrefix}-${i}-total-error`;
            return (
              <tr key={item.id}>
                <th scope="row" className="vote-grid-item">
                  <span className="vote-item-number">{item.number}</span> <span className="vote-item-title">{item.title}</span>
                </th>
                {columns.map((c) => {
                  const value = c.key === 'blank' || c.key === 'spoilt' ? row[c.key] : row.counts[Number(c.key.split('.')[1])]!;
                  const diff = differenceAt.get(`${item.id}:${c.key}`);
                  const problem = problemAt.get(`${item.id}:${c.key}`);
                  const id = `${idPrefix}-${i}-${c.key.replace('.', '')}`;
                  const described = [problem ? `${id}-error` : null, diff ? `${id}-diff` : null, totalProblem ? totalErrorId : null].filter(Boolean).join(' ') || undefined;
                  return (
                    <td key={c.key} className={`num vote-cell${diff ? ' vote-cell-differs' : ''}${problem ? ' vote-cell-invalid' : ''}`}>
                      <input
                        id={id}
                        type="number"
                        inputMode="numeric"
                        step={1}
                        min={0}
                        className="vote-input"
                        aria-label={t('votingPage.count.cellLabel', { item: item.number, column: c.label })}
                        aria-invalid={problem || totalProblem ? true : undefined}
                        aria-describedby={described}
                        placeholder="0"
                        value={value}
                        disabled={disabled}
                        onWheel={(e) => e.currentTarget.blur()}
                        onChange={(e) => set(item.id, c.key, e.target.value)}
                      />
                      {diff && (
                        <span className="vote-diff" id={`${id}-diff`}>
                          <span>{t('votingPage.diff.first', { value: diff.first })}</span> <span>{t('votingPage.diff.second', { value: diff.second })}</span>
                        </span>
                      )}
                      {problem && (
                        <span className="vote-cell-error" id={`${id}-error`}>
                          {countProblemText(t, problem)}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className={`num vote-total${over ? ' vote-total-over' : ''}`}>
                  <span>{t('votingPage.count.papersOf', { papers: formatNumber(total, lang), present: formatNumber(present, lang) })}</span>
                  {totalProblem && (
                    <span className="vote-cell-error" id={totalErrorId} role="alert">
                      {countProblemText(t, totalProblem, { papers: formatNumber(total, lang), present: formatNumber(present, lang) })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Reads "3 1 2" (positions) or item numbers ("B A C") into option indices, or says what is wrong. */
export function parsePaper(line: string, ballot: Ballot): { paper: number[] } | { problem: 'empty' | 'unknown' | 'duplicate' | 'tooMany'; token?: string } {
  const tokens = line.split(/[\s,;>]+/).filter(Boolean);
  if (tokens.length === 0) return { problem: 'empty' };
  const paper: number[] = [];
  for (const token of tokens) {
    let index = ballot.items.findIndex((i) => i.number.trim().toLowerCase() === token.toLowerCase());
    if (index < 0 && /^\d+$/.test(token)) index = Number(token) - 1;
    if (index < 0 || index >= ballot.items.length) return { problem: 'unknown', token };
    if (paper.includes(index)) return { problem: 'duplicate', token };
    paper.push(index);
  }
  if (ballot.rule.method === 'approval' && paper.length > ballot.rule.maxPicks) return { problem: 'tooMany' };
  return { paper };
}

function PapersEntry({ ballot, draft, onChange, present, idPrefix, problems, differences = [], disabled }: GridProps & { draft: PapersDraft }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [line, setLine] = useState('');
  const [lineProblem, setLineProblem] = useState<string | null>(null);
  const lineId = `${idPrefix}-paper`;
  const total = draft.papers.length + cellNumber(draft.blank || '0') + cellNumber(draft.spoilt || '0');
  const problemAt = new Map(problems.map((p) => [p.field, p]));
  const totalProblem = problemAt.get('counts');
  const differenceAt = new Map(differences.map((d) => [d.field, d]));
  const name = (index: number) => ballot.items[index]?.number ?? '?';

  const add = () => {
    const parsed = parsePaper(line, ballot);
    if ('problem' in parsed) {
      setLineProblem(t(`votingPage.paper.${parsed.problem}`, { token: parsed.token ?? '', max: ballot.rule.method === 'approval' ? ballot.rule.maxPicks : 0 }));
      return;
    }
    setLineProblem(null);
    setLine('');
    onChange({ ...draft, papers: [...draft.papers, parsed.paper] });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const remove = (index: number) => {
    onChange({ ...draft, papers: draft.papers.filter((_, i) => i !== index) });
    document.getElementById(lineId)?.focus();
  };

  return (
    <div className="vote-papers">
      <div className="vote-legend">
        <p className="muted">{t(ballot.rule.method === 'approval' ? 'votingPage.paper.legendApproval' : 'votingPage.paper.legendRanking', { max: ballot.rule.method === 'approval' ? ballot.rule.maxPicks : 0 })}</p>
        <ol>
          {ballot.items.map((item) => (
            <li key={item.id}>
              <strong>{item.number}</strong> {item.title}
            </li>
          ))}
        </ol>
      </div>
      <div className={`field${lineProblem ? ' field-invalid' : ''}`}>
        <label htmlFor={lineId}>{t('votingPage.paper.line')}</label>
        <div className="vote-paper-line">
          <input
            id={lineId}
            type="text"
            autoComplete="off"
            value={line}
            disabled={disabled}
            aria-invalid={lineProblem ? true : undefined}
            aria-describedby={`${lineId}-hint${lineProblem ? ` ${lineId}-error` : ''}`}
            onChange={(e) => setLine(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button" onClick={add} disabled={disabled}>
            {t('votingPage.paper.add')}
          </button>
        </div>
        {lineProblem && (
          <p className="field-error" id={`${lineId}-error`} role="alert">
            {lineProblem}
          </p>
        )}
        <p className="field-hint" id={`${lineId}-hint`}>
          {t('votingPage.paper.hint')}
        </p>
      </div>
      <div className="vote-paper-counts">
        {(['blank', 'spoilt'] as const).map((k) => {
          const diff = differenceAt.get(k);
          const problem = problemAt.get(`counts.${k}`);
          const id = `${idPrefix}-${k}`;
          return (
            <div key={k} className={`field${diff ? ' vote-cell-differs' : ''}`}>
              <label htmlFor={id}>{t(`votingPage.count.${k}`)}</label>
              <input
                id={id}
                type="number"
                step={1}
                min={0}
                placeholder="0"
                className="vote-input"
                value={draft[k]}
                disabled={disabled}
                aria-invalid={problem ? true : undefined}
                onWheel={(e) => e.currentTarget.blur()}
                onChange={(e) => onChange({ ...draft, [k]: e.target.value })}
              />
              {diff && (
                <span className="vote-diff">
                  <span>{t('votingPage.diff.first', { value: diff.first })}</span> <span>{t('votingPage.diff.second', { value: diff.second })}</span>
                </span>
              )}
              {problem && <span className="vote-cell-error">{countProblemText(t, problem)}</span>}
            </div>
          );
        })}
        <p className={`vote-total${total > present ? ' vote-total-over' : ''}`}>
          {t('votingPage.count.papersOf', { papers: formatNumber(total, lang), present: formatNumber(present, lang) })}
        </p>
      </div>
      {totalProblem && (
        <p className="field-error" role="alert">
          {countProblemText(t, totalProblem, { papers: formatNumber(total, lang), present: formatNumber(present, lang) })}
        </p>
      )}
      <h3>{t('votingPage.paper.listTitle', { count: draft.papers.length, n: formatNumber(draft.papers.length, lang) })}</h3>
      {draft.papers.length === 0 ? (
        <p className="empty-inline">{t('votingPage.paper.none')}</p>
      ) : (
        <ol className="vote-paper-list">
          {draft.papers.map((paper, i) => {
            const diff = differenceAt.get(`papers.${i}`);
            const problem = problemAt.get(`counts.papers.${i}`);
            return (
              <li key={i} className={`${diff ? 'vote-cell-differs' : ''}${problem ? ' vote-cell-invalid' : ''}`}>
                <span className="vote-paper-text">{paper.map(name).join(' › ')}</span>
                {diff && (
                  <span className="vote-diff">
                    <span>{t('votingPage.diff.first', { value: paperText(diff.first, ballot) })}</span> <span>{t('votingPage.diff.second', { value: paperText(diff.second, ballot) })}</span>
                  </span>
                )}
                {problem && <span className="vote-cell-error">{countProblemText(t, problem)}</span>}
                {!disabled && (
                  <button type="button" className="button button-small button-quiet" onClick={() => remove(i)} aria-label={t('votingPage.paper.removeLabel', { n: i + 1 })}>
                    {t('votingPage.paper.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
