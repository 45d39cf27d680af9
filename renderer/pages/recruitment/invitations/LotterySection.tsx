import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STRATIFY_BY, type StratifyBy } from '../../../../main/domain/invitations/groups';
import type { InvitationRun, RegisterSummary } from '../../../../main/domain/invitations/types';
import { call } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { StatusLine } from '../../../components/StatusLine';
import { useAction } from '../../../components/useAction';
import { saveTextFile } from '../../../files';
import { formatInstant, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';

/** The invitation lottery: its parameters, the draw, and the runs drawn (with their published record). */
export function LotterySection({ summary, runs, onChanged }: { summary: RegisterSummary; runs: InvitationRun[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [size, setSize] = useState('1000');
  const [stratifyBy, setStratifyBy] = useState<StratifyBy>('municipality');
  const [onePerAddress, setOnePerAddress] = useState(true);
  const [seed, setSeed] = useState('');
  const [factors, setFactors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [superseding, setSuperseding] = useState<{ runId: string; reason: string } | null>(null);
  const live = runs.filter((r) => r.status === 'drawn');
  const groups = stratifyBy === 'none' ? [] : (summary.register?.groups[stratifyBy] ?? []);

  const draw = useAction(async () => {
    setMessage(null);
    const oversampling: Record<string, number> = {};
    for (const [group, text] of Object.entries(factors)) {
      const value = Number(text.replace(',', '.'));
      if (text.trim() !== '' && value !== 1 && groups.some((g) => g.group === group)) oversampling[group] = value;
    }
    const run = await call('invitations.draw', {
      size: Number(size),
      stratifyBy,
      oversampling,
      onePerAddress,
      additional: live.length > 0,
      ...(seed.trim() ? { seed: seed.trim() } : {}),
    });
    setMessage(t('invitations.lottery.drawn', { n: formatNumber(run.letters, lang) }));
    await onChanged();
  }, 'lottery-size');
  const verify = useAction(async (runId: string) => {
    const result = await call('invitations.verify', { runId });
    setMessage(result.ok ? t('invitations.lottery.verified') : t('invitations.lottery.notVerified', { problems: result.problems.join(' ') }));
  });
  const supersede = useAction(async () => {
    if (!superseding) return;
    await call('invitations.supersede', { runId: superseding.runId, reason: superseding.reason });
    setSuperseding(null);
    setMessage(t('invitations.lottery.superseded'));
    await onChanged();
  });

  return (
    <section className="panel" aria-labelledby="lottery-title">
      <h2 id="lottery-title">{t('invitations.lottery.title')}</h2>
      <p>{live.length > 0 ? t('invitations.lottery.additionalIntro') : t('invitations.lottery.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void draw.run();
        }}
      >
        <div className="form-grid">
          <Field id="lottery-size" label={t('invitations.lottery.size')}>
            {(control) => <input {...control} type="number" min={1} step={1} inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />}
          </Field>
          <Field id="lottery-stratify" label={t('invitations.lottery.stratifyBy')}>
            {(control) => (
              <select {...control} value={stratifyBy} onChange={(e) => setStratifyBy(e.target.value as StratifyBy)}>
                {STRATIFY_BY.map((s) => (
                  <option key={s} value={s}>
                    {t(`invitations.stratifyBy.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="lottery-seed" label={t('invitations.lottery.seed')} hint={t('invitations.lottery.seedHint')} optional>
            {(control) => <input {...control} type="text" maxLength={200} autoComplete="off" value={seed} onChange={(e) => setSeed(e.target.value)} />}
          </Field>
          <div className="field">
            <label>
              <input type="checkbox" checked={onePerAddress} onChange={(e) => setOnePerAddress(e.target.checked)} /> {t('invitations.lottery.onePerAddress')}
            </label>
          </div>
        </div>
        {groups.length > 0 && (
          <details>
            <summary>{t('invitations.lottery.oversampling')}</summary>
            <p className="field-hint">{t('invitations.lottery.oversamplingHint')}</p>
            <div className="form-grid">
              {groups.map((g, i) => (
                <Field key={g.group} id={`factor-${i}`} label={t('invitations.lottery.factorOf', { group: g.group, n: formatNumber(g.residents, lang) })}>
                  {(control) => (
                    <input {...control} type="text" inputMode="decimal" value={factors[g.group] ?? '1'} onChange={(e) => setFactors({ ...factors, [g.group]: e.target.value })} />
                  )}
                </Field>
              ))}
            </div>
          </details>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={draw.busy}>
            {live.length > 0 ? t('invitations.lottery.drawAdditional') : t('invitations.lottery.draw')}
          </button>
        </div>
      </form>
      <ErrorNotice error={draw.error ?? verify.error ?? supersede.error} />
      <StatusLine message={message} />
      {runs.length > 0 && (
          <DataTable
            caption={t('invitations.lottery.runsCaption')}
            columns={[
              t('invitations.lottery.colAt'),
              t('invitations.lottery.colLetters'),
              t('invitations.lottery.colStratify'),
              t('invitations.lottery.colSeed'),
              t('invitations.lottery.colHash'),
              t('invitations.lottery.colAnswered'),
              t('invitations.lottery.colStatus'),
              t('invitations.lottery.colActions'),
            ]}
          >
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{formatInstant(run.at, lang)}</td>
                <td className="number">{formatNumber(run.letters, lang)}</td>
                <td>
                  {t(`invitations.stratifyBy.${run.params.stratifyBy}`)}
                  {run.params.onePerAddress ? ` · ${t('invitations.lottery.onePerAddressShort')}` : ''}
                  <br />
                  <span className="muted">{run.allocation.map((a) => `${a.group} ${a.quota}`).join(', ')}</span>
                </td>
                <td className="mono nowrap">{run.seed}</td>
                <td className="mono" title={run.drawnHash}>
                  {run.drawnHash.slice(0, 12)}…
                </td>
                <td className="number">{formatNumber(run.answered, lang)}</td>
                <td>{run.status === 'drawn' ? t('invitations.lottery.statusDrawn') : t('invitations.lottery.statusSuperseded', { reason: run.supersededReason ?? '' })}</td>
                <td>
                  <button type="button" className="button" onClick={() => void verify.run(run.id)}>
                    {t('invitations.lottery.verify')}
                  </button>{' '}
                  <button type="button" className="button" onClick={() => saveTextFile(`invitation-draw-${run.at.slice(0, 10)}.json`, `${JSON.stringify(run.record, null, 2)}\n`, { type: 'application/json' })}>
                    {t('invitations.lottery.publish')}
                  </button>{' '}
                  {run.status === 'drawn' && run.answered === 0 && (
                    <button type="button" className="button" onClick={() => setSuperseding({ runId: run.id, reason: '' })}>
                      {t('invitations.lottery.supersede')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
      )}
      {superseding && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void supersede.run();
          }}
        >
          <Field id="supersede-reason" label={t('invitations.lottery.supersedeReason')}>
            {(control) => <input {...control} type="text" maxLength={500} value={superseding.reason} onChange={(e) => setSuperseding({ ...superseding, reason: e.target.value })} autoFocus />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={supersede.busy || superseding.reason.trim() === ''}>
              {t('invitations.lottery.supersedeConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setSuperseding(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
