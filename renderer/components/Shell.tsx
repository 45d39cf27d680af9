import { useEffect, useRef, useState, type JSX, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblyInfo } from '../../main/domain/assembly/types';
import { call } from '../api';
import { AREAS, hrefFor, useArea, type Area } from '../router';
import { AgendaPage, ParticipantsPage, ReportsPage, TablesPage, VotingPage } from '../pages/PlaceholderPages';
import { RecruitmentPage } from '../pages/RecruitmentPage';
import { SelectionPage } from '../pages/selection/SelectionPage';
import { SessionsPage } from '../pages/SessionsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { useAppState } from './AppState';
import { useContent } from './content';
import { BackupStatus } from './BackupStatus';
import { RetentionReminder } from './RetentionReminder';
import '../pages/settings/endDate.css';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './useAction';

const PAGES: Record<Area, () => JSX.Element> = {
  recruitment: RecruitmentPage,
  selection: SelectionPage,
  participants: ParticipantsPage,
  sessions: SessionsPage,
  agenda: AgendaPage,
  tables: TablesPage,
  voting: VotingPage,
  reports: ReportsPage,
  settings: SettingsPage,
};

/** Everything around the pages while an assembly is open: header, navigation, main. */
export function Shell({ assembly, station = false, areas = AREAS }: { assembly: AssemblyInfo; station?: boolean; areas?: readonly Area[] }) {
  const { t } = useTranslation();
  const asked = useArea();
  // An area this screen does not offer (a station's link to another page) opens the first one.
  const area = areas.includes(asked) ? asked : areas[0]!;
  const Page = PAGES[area];
  const previousArea = useRef<Area | null>(null);
  // After a backup was restored, the page is mounted again so that it loads the restored data.
  const [restoredCount, setRestoredCount] = useState(0);

  // On arrival (an assembly was just opened) and after a move to another page, focus the
  // page's heading: screen readers announce it and Tab continues from the top of the page.
  useEffect(() => {
    if (previousArea.current !== area) document.getElementById('page-heading')?.focus();
    previousArea.current = area;
    document.title = `${t(`nav.${area}`)} · ${assembly.name} · Assembly Desk`;
  }, [area, assembly.name, t]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    // The hash is the router's: move focus without changing it.
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <Header assembly={assembly} station={station} onRestored={() => setRestoredCount((n) => n + 1)} />
      {!station && <RetentionReminder assembly={assembly} />}
      <div className={areas.length > 1 ? 'layout' : 'layout layout-single'}>
        <nav className="side-nav" aria-label={t('nav.label')} hidden={areas.length <= 1}>
          <ul>
            {areas.map((a) => (
              <li key={a}>
                <a href={hrefFor(a)} aria-current={a === area ? 'page' : undefined}>
                  {t(`nav.${a}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Page key={restoredCount} />
        </main>
      </div>
    </div>
  );
}

/** On a station (the venue link), backups and closing the file are the host's: not offered. */
function Header({ assembly, station, onRestored }: { assembly: AssemblyInfo; station: boolean; onRestored: () => void }) {
  const { t } = useTranslation();
  const { status, setStatus } = useAppState();
  const { run: closeAssembly, busy, error } = useAction(async () => setStatus(await call('app.closeAssembly', {})));
  const content = useContent();

  return (
    <header className="app-header">
      <div className="app-header-main">
        <p className="product">Assembly Desk</p>
        <p className="assembly-name">
          <span className="visually-hidden">{t('header.assembly')}: </span>
          {content('assembly', assembly.id, 'name', assembly.name)}
        </p>
      </div>
      <div className="app-header-side">
        {!station && <BackupStatus assembly={assembly} onRestored={onRestored} />}
        <p className="operator">
          <span className="label">{t('header.operator')}:</span> <strong>{status.operator}</strong>
        </p>
        {!station && (
          <button type="button" className="button button-light" onClick={() => void closeAssembly()} disabled={busy} title={t('header.closeHint')}>
            {t('header.close')}
          </button>
        )}
      </div>
      {error ? (
        <div className="app-header-error">
          <ErrorNotice error={error} />
        </div>
      ) : null}
    </header>
  );
}
