import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget, StagedImport } from '../../../../main/domain/recruitment/types';
import type { RegisterCheck, RegisterSummary } from '../../../../main/domain/invitations/types';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { StatusLine } from '../../../components/StatusLine';
import { useAction } from '../../../components/useAction';
import { readFileAsBase64 } from '../../../files';
import { formatInstant, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { ImportMapping } from '../ImportMapping';
import { problemReason } from '../ImportShared';
import { ProblemList } from './ProblemList';

/** The register extract: what is held, and reading a new file through the importer's mapping. */
export function RegisterSection({ summary, onChanged }: { summary: RegisterSummary; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [staged, setStaged] = useState<StagedImport | null>(null);
  const [columns, setColumns] = useState<ColumnTarget[]>([]);
  const [check, setCheck] = useState<RegisterCheck | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reg = summary.register;

  const choose = useAction(async (file: File) => {
    setMessage(null);
    setCheck(null);
    const first = await call('imports.stage', { fileName: file.name, contentBase64: await readFileAsBase64(file) });
    const suggested = await call('register.suggestMapping', { uploadId: first.uploadId });
    setStaged(suggested);
    setColumns(suggested.mapping.columns);
  });
  const runCheck = useAction(async () => {
    if (!staged) return;
    setCheck(await call('register.check', { uploadId: staged.uploadId, mapping: { columns } }));
  });
  const commit = useAction(async () => {
    if (!staged) return;
    const result = await call('register.commit', { uploadId: staged.uploadId, mapping: { columns } });
    setStaged(null);
    setCheck(null);
    setMessage(t('invitations.register.imported', { n: formatNumber(result.residents, lang) }));
    await onChanged();
  });
  const busy = choose.busy || runCheck.busy || commit.busy;

  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{t('invitations.register.title')}</h2>
      {reg ? (
        <p>
          {t('invitations.register.held', {
            residents: formatNumber(reg.residents, lang),
            addresses: formatNumber(reg.addresses, lang),
            file: reg.fileName,
            at: formatInstant(reg.at, lang),
          })}{' '}
          <span className="muted">
            {t('invitations.register.hash')} <span className="mono">{reg.registerHash.slice(0, 16)}…</span>
          </span>
        </p>
      ) : (
        <p>{t('invitations.register.none')}</p>
      )}
      <p className="field-hint">{t('invitations.register.sensitive')}</p>
      {!reg?.hasRuns && (
        <div className="field">
          <label htmlFor="register-file">{reg ? t('invitations.register.replace') : t('invitations.register.choose')}</label>
          <input
            id="register-file"
            type="file"
            accept=".csv,.txt,.xlsx"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void choose.run(file);
              e.target.value = '';
            }}
          />
        </div>
      )}
      <ErrorNotice error={choose.error} />
      {staged && (
        <>
          <p>{t('invitations.register.mappingIntro', { file: staged.fileName, n: formatNumber(staged.rowCount, lang) })}</p>
          <ImportMapping staged={staged} columns={columns} onChange={(i, target) => { setColumns(columns.map((c, j) => (j === i ? target : c))); setCheck(null); }} disabled={busy} knownFeatures={[]} />
          <div className="form-actions">
            <button type="button" className={`button${check ? '' : ' button-primary'}`} disabled={busy} onClick={() => void runCheck.run()}>
              {t('invitations.register.check')}
            </button>
            {check && check.problemCount === 0 && check.mappingProblems.length === 0 && (
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void commit.run()}>
                {t('invitations.register.commit', { n: formatNumber(check.validRows, lang) })}
              </button>
            )}
          </div>
          <ErrorNotice error={runCheck.error ?? commit.error} />
          {check && (check.mappingProblems.length > 0 || check.problemCount > 0) && (
            <div className="notice notice-error" role="alert">
              <p>{t('invitations.register.problems', { n: check.problemCount + check.mappingProblems.length, rows: check.rejectedRows })}</p>
              <ProblemList
                caption={t('invitations.problems.caption')}
                problems={[
                  ...check.mappingProblems.map((m) => ({
                    row: null,
                    column: m.column,
                    reason: m.rule === 'needsAddress' ? t('invitations.register.needsAddress') : t(`importPage.mappingRule.${m.rule}`, { defaultValue: m.message, column: m.column ?? '' }),
                  })),
                  ...check.problems.map((p) => ({ row: p.row, column: p.column, reason: problemReason(t, p) })),
                ]}
              />
            </div>
          )}
        </>
      )}
      <StatusLine message={message} />
    </section>
  );
}
