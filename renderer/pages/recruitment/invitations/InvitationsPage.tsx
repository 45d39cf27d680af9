import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { useApiData } from '../../../components/AppState';
import { LoadStatus } from '../../../components/StatusLine';
import { FunnelSection } from './FunnelSection';
import { LotterySection } from './LotterySection';
import { RegisterSection } from './RegisterSection';
import { ResponsesSection } from './ResponsesSection';
import './InvitationsPage.css';

/**
 * Recruitment from the first letter, in the order the work is done: the register extract, the
 * lottery of letters, the answers by code, and the funnel that follows them to the panel.
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const register = useApiData(() => call('register.summary', {}), []);
  const runs = useApiData(() => call('invitations.list', {}), []);
  const funnel = useApiData(() => call('invitations.funnel', {}), []);
  const reloadAll = async () => {
    await Promise.all([register.reload(), runs.reload(), funnel.reload()]);
  };
  return (
    <div className="invitations-page">
      <p className="page-intro">{t('invitations.intro')}</p>
      <LoadStatus loaded={register} />
      {register.data && <RegisterSection summary={register.data} onChanged={reloadAll} />}
      {register.data?.register && runs.data && <LotterySection summary={register.data} runs={runs.data} onChanged={reloadAll} />}
      {runs.data && runs.data.some((r) => r.status === 'drawn') && <ResponsesSection onChanged={() => void funnel.reload()} />}
      {funnel.data && funnel.data.overall.counts[0]! > 0 && <FunnelSection funnel={funnel.data} />}
    </div>
  );
}
