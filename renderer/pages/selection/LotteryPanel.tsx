/**
 * LEXIMIN's transparent lottery: the ticket list's SHA-256 to publish before the draw, and the
 * document itself to save and hand out.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../components/useAction';
import { saveTextFile } from '../../files';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { finePercent, publicRule, SOURCES } from './selectionShared';

export function LotteryPanel({ run }: { run: SelectionRunDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [message, setMessage] = useState<string | null>(null);
  const save = useAction(async () => {
    setMessage(null);
    const file = await call('selection.document', { id: run.id });
    saveTextFile(file.fileName, file.content);
    setMessage(t('sel.lottery.saved', { file: file.fileName }));
  });
  const lottery = run.lottery;
  if (!lottery) return null;
  const rule = publicRule(lottery.size, lottery.source);
  const range = SOURCES[lottery.source];

  async function copy() {
    try {
      await navigator.clipboard.writeText(lottery!.hash);
      setMessage(t('sel.lottery.copied'));
    } catch {
      setMessage(t('sel.lottery.copyFailed'));
    }
  }

  return (
    <section className="sel-lottery" aria-labelledby="sel-lottery-title">
      <h3 id="sel-lottery-title">{t('sel.lottery.title')}</h3>
      {run.status === 'prepared' && <p className="notice sel-notice-warn">{t('sel.lottery.publishFirst')}</p>}
      <dl className="facts sel-facts">
        <div className="sel-fact-wide">
          <dt id="sel-hash-label">{t('sel.lottery.hash')}</dt>
          <dd className="sel-hash-row">
            <code className="sel-hash" aria-labelledby="sel-hash-label">
              {lottery.hash}
            </code>
            <button type="button" className="button button-small" onClick={() => void copy()}>
              {t('sel.lottery.copy')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('sel.lottery.tickets')}</dt>
          <dd>{formatNumber(lottery.size, lang)}</dd>
        </div>
        <div>
          <dt>{t('sel.lottery.source')}</dt>
          <dd>{t(`sel.source.${lottery.source}`)}</dd>
        </div>
        <div>
          <dt>{t('sel.lottery.deviation')}</dt>
          <dd>{finePercent(lottery.maxDeviation, lang)}</dd>
        </div>
      </dl>
      <p className="muted sel-note">
        {t('sel.lottery.ruleText', { group: rule.group, lowest: range.lowest, highest: range.highest })}{' '}
        {t('sel.lottery.deviationText', { deviation: finePercent(lottery.maxDeviation, lang) })}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void save.run()} disabled={save.busy}>
          {save.busy ? t('common.busy') : t('sel.lottery.save')}
        </button>
      </div>
      <div role="status" className="status-line">
        {message && <p className="notice notice-success">{message}</p>}
      </div>
      <ErrorNotice error={save.error} />
    </section>
  );
}
