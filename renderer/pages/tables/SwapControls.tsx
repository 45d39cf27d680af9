/**
 * The bar that follows a pick: who is picked, Swap (once a second person is picked), Move to
 * a table with a free seat of the same group, Cancel; with the refusal when there is one.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TablePlan } from '../../../main/domain/tables/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fullName, memberIndex } from './shared';

interface Props {
  plan: TablePlan;
  selected: string[];
  busy: boolean;
  error: unknown;
  swapRef: RefObject<HTMLButtonElement | null>;
  onSwap: () => void;
  onMove: (table: number) => void;
  onCancel: () => void;
}

export function SwapControls({ plan, selected, busy, error, swapRef, onSwap, onMove, onCancel }: Props) {
  const { t } = useTranslation();
  const [moveTo, setMoveTo] = useState('');
  const index = memberIndex(plan);
  const a = selected[0] ? index.get(selected[0]) : undefined;
  const b = selected[1] ? index.get(selected[1]) : undefined;
  if (!a) {
    return (
      <div className="tables-swapbar tables-swapbar-idle">
        <p>{t('tablesPage.swap.howTo')}</p>
      </div>
    );
  }
  const freeTables = plan.tables.filter((x) => x.number !== a.table && x.group === a.group && x.members.length < plan.settings.tableSize);
  return (
    <div className="tables-swapbar" role="region" aria-label={t('tablesPage.swap.label')}>
      <p className="tables-swapbar-text">
        {b
          ? t('tablesPage.swap.both', { a: fullName(a.member), tableA: a.table, b: fullName(b.member), tableB: b.table })
          : t('tablesPage.swap.first', { a: fullName(a.member), table: a.table })}
      </p>
      <div className="tables-swapbar-actions">
        <button type="button" ref={swapRef} className="button button-primary" disabled={!b || busy} onClick={onSwap}>
          {t('tablesPage.swap.swap')}
        </button>
        {!b && (
          <span className="tables-move">
            <label htmlFor="tables-move-to">{t('tablesPage.swap.moveTo')}</label>
            <select id="tables-move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} disabled={busy || freeTables.length === 0}>
              <option value="">{freeTables.length === 0 ? t('tablesPage.swap.noFreeSeat') : t('tablesPage.swap.chooseTable')}</option>
              {freeTables.map((x) => (
                <option key={x.number} value={x.number}>
                  {t('tablesPage.swap.tableOption', { number: x.number, free: plan.settings.tableSize - x.members.length })}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={!moveTo || busy} onClick={() => onMove(Number(moveTo))}>
              {t('tablesPage.swap.move')}
            </button>
          </span>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('tablesPage.swap.cancel')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
