import { appHandlers } from './services/app';
import { auditHandlers, poolHandlers } from './services/audit';
import { importHandlers } from './services/imports';
import { invitationHandlers } from './services/invitations';
import { duplicateHandlers, peopleHandlers } from './services/people';
import { featureHandlers, poolExportHandlers, quotaHandlers } from './services/quotas';
import { selectionHandlers } from './services/selection';
import { attendanceHandlers } from './services/attendance';
import { perDiemHandlers } from './services/perDiem';
import { agendaHandlers } from './services/agenda';
import { tableHandlers } from './services/tables';
import { votingHandlers } from './services/voting';
import { reportHandlers } from './services/reports';
import { reportFactsHandlers } from './services/reportFacts';
import { translationHandlers } from './services/translations';
import { letterHandlers } from './services/letters';
import { backupHandlers } from './services/backups';
import { sessionHandlers } from './services/sessions';
import { venueHandlers } from './services/venue';
import { closingHandlers } from './services/closing';
import { createRegistry, type Registry } from './registry';
import { withExportAudit } from './exportAudit';

/** Every domain's handlers. */
export const APP_HANDLERS = [
  appHandlers,
  sessionHandlers,
  auditHandlers,
  poolHandlers,
  importHandlers,
  invitationHandlers,
  peopleHandlers,
  duplicateHandlers,
  featureHandlers,
  quotaHandlers,
  poolExportHandlers,
  selectionHandlers,
  attendanceHandlers,
  perDiemHandlers,
  agendaHandlers,
  tableHandlers,
  votingHandlers,
  reportHandlers,
  reportFactsHandlers,
  translationHandlers,
  letterHandlers,
  backupHandlers,
  venueHandlers,
  closingHandlers,
];

/**
 * The application's registry: every domain's handlers, merged once, each audited when it hands
 * out a file with personal data (main/exportAudit.ts).
 */
export function createAppRegistry(log?: (msg: string) => void): Registry {
  return createRegistry(APP_HANDLERS.map(withExportAudit), log);
}
