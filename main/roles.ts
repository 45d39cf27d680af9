/**
 * What each station role may call on the venue link: declared once, here, and enforced by the
 * registry before a call's arguments are even read. A method not listed is the host's alone,
 * so a new method is safe by default. The host (Electron, the CLI, web mode on loopback) may
 * call everything.
 *
 * Every method that takes a path or touches files on the host (open, create, import by path,
 * save a copy, backups, verify a document by path, the host's own settings) and the venue
 * administration are host-only: a station is refused with a sentence naming its role.
 */
// The listed names (preload/contract.ts): main/apiTypes.ts checks they equal the handlers' names;
// importing the derived type here would tie the registry back to every handler.
import { METHOD_NAMES, type ListedMethod as MethodName } from '../preload/contract';
import type { StationRole } from '../preload/vocabulary';
import type { Caller } from './caller';
import { roleOf } from './caller';
import { AppError } from './errors';

/** Pseudo-roles: a paired device awaiting approval, and a caller on the venue link with no token. */
export type CallerRole = StationRole | 'pending' | 'unpaired';

const ALL: readonly CallerRole[] = ['desk', 'counting', 'viewer', 'secretariat'];
const SEC: readonly CallerRole[] = ['secretariat'];

/** method -> the station roles allowed to call it. Absent: host only. */
export const METHOD_ROLES: Partial<Record<MethodName, readonly CallerRole[]>> = {
  'app.status': ALL,
  // The assembly's time zone is a setting of the file, not of the host laptop: the secretariat's.
  'app.setTimeZone': SEC,

  'sessions.list': ALL,
  'sessions.get': ['desk', 'secretariat'],
  'sessions.create': SEC,
  'sessions.update': SEC,
  'sessions.delete': SEC,
  'sessions.restore': SEC,

  'audit.list': SEC,
  'pool.summary': SEC,

  // Imports from bytes sent by the station; never by a path on the host (stageFile, importFile).
  'imports.stage': SEC,
  'imports.selectSheet': SEC,
  'imports.check': SEC,
  'imports.editCell': SEC,
  'imports.commit': SEC,
  'imports.discard': SEC,
  'imports.list': SEC,

  // Recruitment by letter: the phone team and the reply-card entry work from a secretariat
  // station; the register arrives as bytes (imports.stage), never by a path on the host.
  'register.suggestMapping': SEC,
  'register.check': SEC,
  'register.commit': SEC,
  'register.summary': SEC,
  'invitations.draw': SEC,
  'invitations.list': SEC,
  'invitations.invitees': SEC,
  'invitations.supersede': SEC,
  'invitations.verify': SEC,
  'invitations.verifyRecord': SEC,
  'invitations.lookup': SEC,
  'invitations.respond': SEC,
  'invitations.checkResponses': SEC,
  'invitations.importResponses': SEC,
  'invitations.funnel': SEC,

  'people.list': SEC,
  'people.get': SEC,
  'people.update': SEC,
  'people.setStatus': SEC,
  'people.setStatusMany': SEC,
  'people.replace': SEC,
  'people.addContact': SEC,
  'people.erase': SEC,
  'people.exportSortition': SEC,
  'duplicates.list': SEC,
  'duplicates.resolve': SEC,

  'features.renameFeature': SEC,
  'features.renameValue': SEC,
  'features.mergeValues': SEC,
  'features.band': SEC,
  'features.delete': SEC,
  'quotas.overview': SEC,
  'quotas.setSettings': SEC,
  'quotas.setTargets': SEC,
  'quotas.propose': SEC,
  'quotas.applyProposal': SEC,
  'quotas.importSortition': SEC,
  'quotas.exportSortition': SEC,

  'selection.prepare': SEC,
  // Figures only (no codes): the secretariat compares methods as it prepares a draw.
  'selection.compare': SEC,
  'selection.overview': SEC,
  'selection.progress': SEC,
  'selection.stop': SEC,
  'selection.draw': SEC,
  'selection.list': SEC,
  'selection.get': SEC,
  'selection.supersede': SEC,
  'selection.document': SEC,
  // selection.verify may read a document by path on the host: host only.

  'attendance.roster': ['desk', 'secretariat'],
  'attendance.checkIn': ['desk', 'secretariat'],
  'attendance.checkOut': ['desk', 'secretariat'],
  'attendance.excuse': ['desk', 'secretariat'],
  'attendance.undo': ['desk', 'secretariat'],
  'attendance.paperEntry': SEC,
  'attendance.events': SEC,
  'attendance.merge': SEC,
  // A desk station's own queue, made while the host could not be reached (recorded under its device).
  'attendance.submitQueued': ['desk', 'secretariat'],
  'attendance.dashboard': ['viewer', 'secretariat'],
  'attendance.badges': SEC,
  'attendance.signInSheet': SEC,

  'perDiem.rules': SEC,
  'perDiem.setRules': SEC,
  'perDiem.payments': SEC,
  'perDiem.exportCsv': SEC,

  'agenda.overview': SEC,
  'agenda.createSlot': SEC,
  'agenda.updateSlot': SEC,
  'agenda.moveSlot': SEC,
  'agenda.duplicateSlot': SEC,
  'agenda.deleteSlot': SEC,
  'contributors.create': SEC,
  'contributors.update': SEC,
  'contributors.delete': SEC,
  'perspectives.set': SEC,
  'rooms.set': SEC,
  'agenda.speakerCalendar': SEC,
  'agenda.exportXlsx': SEC,
  'agenda.exportPdf': SEC,

  'tables.list': SEC,
  'tables.plan': SEC,
  'tables.swap': SEC,
  'tables.move': SEC,
  'tables.replan': SEC,
  'tables.setFacilitator': SEC,
  'tables.exportPdf': SEC,
  'tables.exportXlsx': SEC,

  'voting.list': ['counting', 'secretariat'],
  'voting.get': ['counting', 'secretariat'],
  'voting.createBallot': SEC,
  'voting.updateBallot': SEC,
  'voting.deleteBallot': SEC,
  'voting.enterCounts': ['counting', 'secretariat'],
  'voting.finalise': SEC,
  'voting.correct': SEC,
  'voting.results': ['viewer', 'secretariat'],
  'voting.notHeld': ['viewer', 'secretariat'],

  'reports.export': SEC,
  'reportFacts.get': SEC,
  'reportFacts.setRecruitment': SEC,
  'reportFacts.addCost': SEC,
  'reportFacts.deleteCost': SEC,
  'reportFacts.addMaterial': SEC,
  'reportFacts.deleteMaterial': SEC,
  'reportFacts.setAppearance': SEC,
  'reportFacts.setDropReason': SEC,

  // Every station shows session names and ballot titles in its screen's language.
  'translations.list': ['desk', 'counting', 'viewer', 'secretariat'],
  'translations.missing': SEC,
  'translations.set': SEC,
  'translations.setBaseLanguage': SEC,

  // Recruitment letters: texts and samples for the secretariat; letters.export writes files on the host.
  'letters.texts': SEC,
  'letters.setText': SEC,
  'letters.resetText': SEC,
  'letters.setSettings': SEC,
  'letters.sample': SEC,
  'letters.progress': SEC,

  'venue.join': ['unpaired'],
  'venue.me': ['pending', 'desk', 'counting', 'viewer', 'secretariat'],
};

/** Methods that read or write files on the host, or change the host's own settings. */
export const FILE_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.setOperator',
  'app.setLanguage',
  'app.createAssembly',
  'app.openAssembly',
  'app.openDemo',
  'app.closeAssembly',
  'app.listAssemblyFiles',
  'app.forgetRecent',
  'app.saveCopy',
  'imports.stageFile',
  'imports.importFile',
  'register.importFile',
  'selection.verify',
  'letters.export',
  'backups.list',
  'backups.create',
  'backups.restore',
  // The end date: closing changes every backup; its overview and certificate name paths on the
  // host; how long the file keeps personal data is decided where the file is kept.
  'assembly.retention',
  'assembly.setRetention',
  'assembly.close',
  'assembly.closeCertificate',
]);

const ROLE_NAMES: Record<CallerRole, string> = {
  desk: 'A desk station',
  counting: 'A counting station',
  viewer: 'A viewer station',
  secretariat: 'A secretariat station',
  pending: 'A device awaiting approval',
  unpaired: 'A device that is not paired',
};

/** The roles allowed to call a method (empty: host only). */
export function rolesFor(method: string): readonly CallerRole[] {
  return (METHOD_NAMES as readonly string[]).includes(method) ? (METHOD_ROLES[method as MethodName] ?? []) : [];
}

/**
 * Null when the caller may call the method; otherwise the FORBIDDEN error to answer with. The
 * one rule on an argument: a counting station given a slot enters that slot only.
 */
export function refusalFor(method: MethodName, caller: Caller, args?: unknown): AppError | null {
  const role = roleOf(caller);
  if (role === 'host') return null;
  if (rolesFor(method).includes(role)) {
    const slot = caller.kind === 'station' ? caller.slot : null;
    const given = typeof args === 'object' && args !== null ? (args as { slot?: unknown }).slot : undefined;
    if (method === 'voting.enterCounts' && role === 'counting' && slot && given !== slot) {
      return new AppError('FORBIDDEN', `This counting station enters count ${slot} only: the other count is entered on another device.`, { method, role, slot, params: { slot } }, 'venue.errors.otherSlot');
    }
    return null;
  }
  const who = ROLE_NAMES[role];
  const details = { method, role };
  if (role === 'unpaired') {
    return new AppError('FORBIDDEN', 'Pair this device with the host first: enter the pairing code shown on the host laptop.', details, 'venue.errors.unpaired');
  }
  if (role === 'pending') {
    return new AppError('FORBIDDEN', 'This device is waiting for the host to approve it: ask at the host laptop.', details, 'venue.errors.pending');
  }
  if (FILE_METHODS.has(method)) {
    return new AppError('FORBIDDEN', `${who} cannot open or change files: only the host laptop can.`, details, 'venue.errors.hostOnlyFiles');
  }
  if (method.startsWith('venue.')) {
    return new AppError('FORBIDDEN', `${who} cannot manage the venue link: only the host laptop can.`, details, 'venue.errors.hostOnlyAdmin');
  }
  const allowed = rolesFor(method).filter((r): r is StationRole => r !== 'pending' && r !== 'unpaired');
  const hint = allowed.length > 0 ? `it needs the ${allowed.join(' or ')} role, given at the host laptop` : 'only the host laptop can';
  return new AppError('FORBIDDEN', `${who} cannot call ${method}: ${hint}.`, details, 'venue.errors.roleRefused');
}
