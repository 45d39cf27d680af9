/**
 * Agenda & Experts: the day view editor (`#/agenda`), the experts and guests (`#/agenda/people`),
 * the balance of speaking time and the party leaders (`#/agenda/balance`), and the perspectives
 * and rooms (`#/agenda/settings`). The overview is loaded once here and shared by the parts, so
 * the warning count in the sub-navigation is always that of the agenda on screen.
 */
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { AreaTabs, useAreaPart } from '../../components/AreaTabs';
import { useRememberedSessionId } from '../../components/SessionPicker';
import { PageHeading } from '../../components/PageHeading';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { BalancePart } from './BalancePart';
import { DayView } from './DayView';
import { PeoplePart } from './PeoplePart';
import { AgendaContext, type AgendaContextValue } from './shared';
import { SettingsPart } from './SettingsPart';
import './agenda.css';

const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'agenda', Page: DayView },
  { sub: 'people', key: 'people', Page: PeoplePart },
  { sub: 'balance', key: 'balance', Page: BalancePart },
  { sub: 'settings', key: 'settings', Page: SettingsPart },
];

export function AgendaPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const part = useAreaPart(PARTS);
  const overview = useApiData(() => call('agenda.overview', {}), []);
  const [sessionId, setSessionId] = useRememberedSessionId();
  const [focusContributorId, setFocusContributorId] = useState<string | null>(null);
  const value = useMemo<AgendaContextValue>(
    () => ({ overview, sessionId, setSessionId, focusContributorId, setFocusContributorId }),
    [overview, sessionId, focusContributorId],
  );
  const warningCount = overview.data?.warnings.length ?? 0;

  return (
    <AgendaContext.Provider value={value}>
      <PageHeading>{t('agenda.title')}</PageHeading>
      <AreaTabs
        area="agenda"
        label={t('agendaPage.partsLabel')}
        current={part.sub}
        parts={PARTS.map((p) => ({
          sub: p.sub,
          label: t(`agendaPage.parts.${p.key}`),
          badge: p.key === 'agenda' && warningCount > 0 && (
            <span className="agenda-count-badge">
              <span aria-hidden="true">{formatNumber(warningCount, lang)}</span>
              <span className="visually-hidden">{t('agendaPage.warningCountNav', { count: warningCount, n: formatNumber(warningCount, lang) })}</span>
            </span>
          ),
        }))}
      />
      <part.Page />
    </AgendaContext.Provider>
  );
}
