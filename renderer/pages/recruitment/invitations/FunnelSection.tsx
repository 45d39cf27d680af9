import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_DIMENSIONS, FUNNEL_STAGES, type FunnelDimension, type FunnelRow } from '../../../../main/domain/invitations/funnel';
import type { Funnel } from '../../../../main/domain/invitations/types';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { formatCalendarDate, formatNumber, formatPercent } from '../../../format';
import { currentLanguage } from '../../../i18n';

/** From the letters sent to those present at each weekend, overall and per group, counts and rates. */
export function FunnelSection({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [dimension, setDimension] = useState<FunnelDimension>('municipality');
  const columns = [
    t('invitations.funnel.group'),
    ...FUNNEL_STAGES.map((s) => ({ label: t(`invitations.funnel.stage.${s}`), num: true })),
    ...funnel.weekends.map((w) => ({ label: t('invitations.funnel.presentAt', { date: formatCalendarDate(w, lang, 'short') }), num: true })),
  ];
  const rows = funnel.byDimension.find((d) => d.dimension === dimension)!.rows;
  const line = (row: FunnelRow, label: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      {row.counts.map((n, i) => (
        <td key={i} className="number">
          {formatNumber(n, lang)}
          {i > 0 && row.rates[i] !== null && <span className="rate">{formatPercent(row.rates[i]!, lang)}</span>}
        </td>
      ))}
    </tr>
  );
  return (
    <section className="panel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('invitations.funnel.title')}</h2>
      <p className="field-hint">{t('invitations.funnel.hint')}</p>
      <Field id="funnel-dimension" label={t('invitations.funnel.dimension')}>
        {(control) => (
          <select {...control} value={dimension} onChange={(e) => setDimension(e.target.value as FunnelDimension)}>
            {FUNNEL_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`invitations.funnel.dimensions.${d}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
        <DataTable caption={t('invitations.funnel.caption', { dimension: t(`invitations.funnel.dimensions.${dimension}`) })} columns={columns}>
          {line(funnel.overall, t('invitations.funnel.all'))}
          {rows.map((r) => line(r, r.group === '?' ? t('invitations.funnel.unknown') : r.group))}
        </DataTable>
    </section>
  );
}
