import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeading } from '../components/PageHeading';

type Area = 'participants' | 'agenda' | 'tables' | 'voting' | 'reports';

/** An area not built yet: what will be here, and what to do in the meantime. */
function Placeholder({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t(`${area}.title`)}</PageHeading>
      <EmptyState title={t(`${area}.text`)} badge={t('placeholder.comingSoon')}>
        <h2 className="empty-state-next">{t('placeholder.next')}</h2>
        <p>{t(`${area}.next`)}</p>
      </EmptyState>
    </>
  );
}

export { ParticipantsPage } from './participants/ParticipantsPage';
export { AgendaPage } from './agenda/AgendaPage';
export { TablesPage } from './tables/TablesPage';
export { VotingPage } from './voting/VotingPage';
export const ReportsPage = () => <Placeholder area="reports" />;
