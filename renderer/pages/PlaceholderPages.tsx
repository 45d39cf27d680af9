/**
 * The areas that began as placeholders, each now built in its own folder (re-exported here so
 * that App.tsx keeps importing them from one place).
 */
export { ParticipantsPage } from './participants/ParticipantsPage';
export { AgendaPage } from './agenda/AgendaPage';
export { TablesPage } from './tables/TablesPage';
export { VotingPage } from './voting/VotingPage';
export { ReportsPage } from './reports/ReportsPage';
