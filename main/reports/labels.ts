/**
 * The words printed in reports (PDF and, later, Excel), in Dutch, French and English. A small
 * typed dictionary rather than i18next: reports are rendered in the main process, in the
 * language chosen for the document (which need not be the interface's).
 */
import type { AgendaWarningKind, ContributorRole, ContributorStatus, SlotKind } from '../../preload/contract';

export type ReportLang = 'nl' | 'fr' | 'en';

export const REPORT_LANGS: readonly ReportLang[] = ['nl', 'fr', 'en'];

export interface ReportLabels {
  /** BCP 47 locale for dates, sorting and the PDF's /Lang. */
  locale: string;
  page: (current: number, total: number) => string;
  generatedOn: (when: string) => string;
  /** A label before its value: "Datum: ", "Date : " (French puts a space before the colon). */
  field: (label: string) => string;
  badges: {
    title: string;
    code: string;
    language: string;
    table: string;
    /** RangeError message when there is nobody to print a badge for. */
    empty: string;
  };
  signIn: {
    title: string;
    number: string;
    name: string;
    code: string;
    language: string;
    table: string;
    arrival: string;
    signature: string;
    departure: string;
    date: string;
    time: string;
    location: string;
    participants: (n: number) => string;
    /** RangeError message when the session has nobody to sign in. */
    empty: string;
  };
  agenda: AgendaLabels;
  tables: TablesLabels;
}

/** The small-group tables: sheets for the facilitators, the list for the wall, the workbook. */
export interface TablesLabels {
  /** One page per table, for its facilitator. */
  facilitatorsTitle: string;
  /** Everyone by name with their table, to hang on the wall. */
  wallTitle: string;
  table: (n: number) => string;
  round: (n: number) => string;
  /** Under the wall list's heading. */
  wallHint: string;
  members: (n: number) => string;
  sheets: { tables: string; wall: string };
  columns: {
    number: string;
    table: string;
    group: string;
    facilitator: string;
    name: string;
    lastName: string;
    firstName: string;
    code: string;
    language: string;
    present: string;
    date: string;
    time: string;
    location: string;
  };
  /** RangeError message when the plan seats nobody. */
  empty: string;
}

/** The agenda's workbook, programme (participants) and running schedule (staff). */
export interface AgendaLabels {
  programme: string;
  schedule: string;
  sheets: { agenda: string; contributors: string; balance: string };
  columns: {
    date: string;
    session: string;
    start: string;
    end: string;
    minutes: string;
    kind: string;
    title: string;
    topic: string;
    room: string;
    speakers: string;
    facilitators: string;
    languages: string;
    interpretation: string;
    name: string;
    role: string;
    organisation: string;
    perspective: string;
    topics: string;
    status: string;
    fee: string;
    travel: string;
    consent: string;
    share: string;
    oneSided: string;
    notes: string;
    time: string;
    location: string;
  };
  kinds: Record<SlotKind, string>;
  /** The role as a noun, for a column: "Expert", "Partijvoorzitter". */
  roles: Record<ContributorRole, string>;
  /** Unnamed speakers of one role in running text: "an expert", "2 experts". */
  someone: (role: ContributorRole, n: number) => string;
  statuses: Record<ContributorStatus, string>;
  yes: string;
  no: string;
  /** A session without slots yet, in the programme. */
  toFollow: string;
  /** Before the languages interpretation is booked into: "interpretation into". */
  interpretationInto: string;
  noPerspective: string;
  /** Beside a name in the staff schedule when the person did not consent to publication. */
  notForPublication: string;
  warnings: string;
  noWarnings: string;
  warningKinds: Record<AgendaWarningKind, string>;
  balance: string;
  noBalance: string;
  slots: (n: number) => string;
  /** RangeError message when the assembly has no session. */
  noSessions: string;
  /** RangeError message when the chosen session is not in the agenda. */
  unknownSession: string;
}

const nl: ReportLabels = {
  locale: 'nl-BE',
  page: (x, y) => `pagina ${x} / ${y}`,
  generatedOn: (when) => `Aangemaakt op ${when}`,
  field: (label) => `${label}: `,
  badges: {
    title: 'Naambadges',
    code: 'Code',
    language: 'Taal',
    table: 'Tafel',
    empty: 'Er is niemand om een badge voor te maken: kies eerst deelnemers.',
  },
  signIn: {
    title: 'Aanwezigheidslijst',
    number: 'nr.',
    name: 'Naam',
    code: 'Code',
    language: 'Taal',
    table: 'Tafel',
    arrival: 'Aankomst',
    signature: 'Handtekening',
    departure: 'Vertrek',
    date: 'Datum',
    time: 'Uur',
    location: 'Plaats',
    participants: (n) => (n === 1 ? '1 deelnemer' : `${n} deelnemers`),
    empty: 'Er staat niemand op de lijst van deze sessie: er is geen aanwezigheidslijst te maken.',
  },
  agenda: {
    programme: 'Programma',
    schedule: 'Draaiboek',
    sheets: { agenda: 'Agenda', contributors: 'Sprekers en gasten', balance: 'Evenwicht' },
    columns: {
      date: 'Datum',
      session: 'Sessie',
      start: 'Begin',
      end: 'Einde',
      minutes: 'Minuten',
      kind: 'Soort',
      title: 'Titel',
      topic: 'Thema',
      room: 'Zaal',
      speakers: 'Sprekers',
      facilitators: 'Begeleiders',
      languages: 'Talen',
      interpretation: 'Tolken',
      name: 'Naam',
      role: 'Rol',
      organisation: 'Organisatie',
      perspective: 'Standpunt',
      topics: "Thema's",
      status: 'Status',
      fee: 'Vergoeding',
      travel: 'Reiskosten',
      consent: 'Naam publiceren',
      share: 'Aandeel',
      oneSided: 'Eenzijdig',
      notes: 'Notities',
      time: 'Uur',
      location: 'Plaats',
    },
    kinds: {
      talk: 'Lezing',
      qa: 'Vragen en antwoorden',
      panel: 'Paneldebat',
      deliberation: 'Overleg in kleine groepen',
      break: 'Pauze',
      vote: 'Stemming',
      hearing: 'Hoorzitting',
    },
    roles: {
      expert: 'Expert',
      facilitator: 'Begeleider',
      partyLeader: 'Partijvoorzitter',
      politician: 'Politicus',
      observer: 'Waarnemer',
      interpreter: 'Tolk',
      staff: 'Medewerker',
      other: 'Gast',
    },
    someone: (role, n) => {
      const words: Record<ContributorRole, [string, string]> = {
        expert: ['een expert', 'experts'],
        facilitator: ['een begeleider', 'begeleiders'],
        partyLeader: ['een partijvoorzitter', 'partijvoorzitters'],
        politician: ['een politicus', 'politici'],
        observer: ['een waarnemer', 'waarnemers'],
        interpreter: ['een tolk', 'tolken'],
        staff: ['een medewerker', 'medewerkers'],
        other: ['een gast', 'gasten'],
      };
      return n === 1 ? words[role][0] : `${n} ${words[role][1]}`;
    },
    statuses: { invited: 'Uitgenodigd', confirmed: 'Bevestigd', declined: 'Afgezegd' },
    yes: 'ja',
    no: 'nee',
    toFollow: 'Het programma van deze sessie volgt.',
    interpretationInto: 'tolken naar',
    noPerspective: 'geen standpunt opgegeven',
    notForPublication: 'naam niet publiceren',
    warnings: 'Aandachtspunten',
    noWarnings: 'Geen aandachtspunten.',
    warningKinds: {
      speakerDoubleBooked: 'Spreker dubbel geboekt',
      speakerUnavailable: 'Spreker niet beschikbaar',
      roomDoubleBooked: 'Zaal dubbel geboekt',
      roomTooSmall: 'Zaal te klein',
      outsideSession: 'Buiten de sessie',
      roomOverlap: 'Overlapping in een zaal',
      languageGap: 'Taalprobleem',
      speakerWithoutSlot: 'Spreker zonder plaats',
      oneSidedTopic: 'Eenzijdig thema',
    },
    balance: 'Evenwicht van de standpunten',
    noBalance: 'Nog geen spreektijd per thema.',
    slots: (n) => (n === 1 ? '1 onderdeel' : `${n} onderdelen`),
    noSessions: 'Er is nog geen sessie: maak eerst de sessies aan, dan kan het programma gedrukt worden.',
    unknownSession: 'Deze sessie staat niet (meer) in de agenda.',
  },
  tables: {
    facilitatorsTitle: 'Tafelblad voor de begeleider',
    wallTitle: 'Tafelindeling',
    table: (n) => `Tafel ${n}`,
    round: (n) => `Ronde ${n}`,
    wallHint: 'Zoek je naam: het nummer van je tafel staat ernaast.',
    members: (n) => (n === 1 ? '1 deelnemer' : `${n} deelnemers`),
    sheets: { tables: 'Tafels', wall: 'Wandlijst' },
    columns: {
      number: 'nr.',
      table: 'Tafel',
      group: 'Groep',
      facilitator: 'Begeleider',
      name: 'Naam',
      lastName: 'Achternaam',
      firstName: 'Voornaam',
      code: 'Code',
      language: 'Taal',
      present: 'Aanwezig',
      date: 'Datum',
      time: 'Uur',
      location: 'Plaats',
    },
    empty: 'Er zit niemand aan tafel in dit plan: er is geen tafelindeling om te drukken.',
  },
};

const fr: ReportLabels = {
  locale: 'fr-BE',
  page: (x, y) => `page ${x} / ${y}`,
  generatedOn: (when) => `Généré le ${when}`,
  field: (label) => `${label}\u00a0: `,
  badges: {
    title: 'Badges nominatifs',
    code: 'Code',
    language: 'Langue',
    table: 'Table',
    empty: "Il n'y a personne pour qui imprimer un badge : choisissez d'abord des participants.",
  },
  signIn: {
    title: 'Liste de présence',
    number: 'n°',
    name: 'Nom',
    code: 'Code',
    language: 'Langue',
    table: 'Table',
    arrival: 'Arrivée',
    signature: 'Signature',
    departure: 'Départ',
    date: 'Date',
    time: 'Heure',
    location: 'Lieu',
    participants: (n) => (n <= 1 ? `${n} participant` : `${n} participants`),
    empty: "Personne n'est inscrit à cette session : il n'y a pas de liste de présence à imprimer.",
  },
  agenda: {
    programme: 'Programme',
    schedule: 'Déroulé détaillé',
    sheets: { agenda: 'Programme', contributors: 'Intervenants', balance: 'Équilibre' },
    columns: {
      date: 'Date',
      session: 'Session',
      start: 'Début',
      end: 'Fin',
      minutes: 'Minutes',
      kind: 'Type',
      title: 'Titre',
      topic: 'Thème',
      room: 'Salle',
      speakers: 'Intervenants',
      facilitators: 'Animation',
      languages: 'Langues',
      interpretation: 'Interprétation',
      name: 'Nom',
      role: 'Rôle',
      organisation: 'Organisation',
      perspective: 'Point de vue',
      topics: 'Thèmes',
      status: 'Statut',
      fee: 'Honoraires',
      travel: 'Frais de déplacement',
      consent: 'Nom publiable',
      share: 'Part',
      oneSided: 'Unilatéral',
      notes: 'Notes',
      time: 'Heure',
      location: 'Lieu',
    },
    kinds: {
      talk: 'Exposé',
      qa: 'Questions-réponses',
      panel: 'Débat en panel',
      deliberation: 'Délibération en petits groupes',
      break: 'Pause',
      vote: 'Vote',
      hearing: 'Audition',
    },
    roles: {
      expert: 'Expert·e',
      facilitator: 'Animateur·rice',
      partyLeader: 'Président·e de parti',
      politician: 'Responsable politique',
      observer: 'Observateur·rice',
      interpreter: 'Interprète',
      staff: 'Membre du personnel',
      other: 'Invité·e',
    },
    someone: (role, n) => {
      const words: Record<ContributorRole, [string, string]> = {
        expert: ['un·e expert·e', 'expert·es'],
        facilitator: ['un·e animateur·rice', 'animateur·rices'],
        partyLeader: ['un·e président·e de parti', 'président·es de parti'],
        politician: ['un·e responsable politique', 'responsables politiques'],
        observer: ['un·e observateur·rice', 'observateur·rices'],
        interpreter: ['un·e interprète', 'interprètes'],
        staff: ['un membre du personnel', 'membres du personnel'],
        other: ['un·e invité·e', 'invité·es'],
      };
      return n === 1 ? words[role][0] : `${n} ${words[role][1]}`;
    },
    statuses: { invited: 'Invité·e', confirmed: 'Confirmé·e', declined: 'Désisté·e' },
    yes: 'oui',
    no: 'non',
    toFollow: 'Le programme de cette session suivra.',
    interpretationInto: 'interprétation vers',
    noPerspective: 'point de vue non précisé',
    notForPublication: 'nom à ne pas publier',
    warnings: 'Points d’attention',
    noWarnings: 'Aucun point d’attention.',
    warningKinds: {
      speakerDoubleBooked: 'Intervenant·e attendu·e deux fois',
      speakerUnavailable: 'Intervenant·e indisponible',
      roomDoubleBooked: 'Salle réservée deux fois',
      roomTooSmall: 'Salle trop petite',
      outsideSession: 'Hors des heures de la session',
      roomOverlap: 'Chevauchement dans une salle',
      languageGap: 'Problème de langue',
      speakerWithoutSlot: 'Intervenant·e sans créneau',
      oneSidedTopic: 'Thème unilatéral',
    },
    balance: 'Équilibre des points de vue',
    noBalance: 'Pas encore de temps de parole par thème.',
    slots: (n) => (n <= 1 ? `${n} créneau` : `${n} créneaux`),
    noSessions: "Il n'y a encore aucune session : créez d'abord les sessions pour pouvoir imprimer le programme.",
    unknownSession: "Cette session n'est pas (ou plus) dans le programme.",
  },
  tables: {
    facilitatorsTitle: 'Fiche de table pour l’animation',
    wallTitle: 'Répartition des tables',
    table: (n) => `Table ${n}`,
    round: (n) => `Tour ${n}`,
    wallHint: 'Cherchez votre nom : le numéro de votre table figure à côté.',
    members: (n) => (n <= 1 ? `${n} participant` : `${n} participants`),
    sheets: { tables: 'Tables', wall: 'Liste murale' },
    columns: {
      number: 'n°',
      table: 'Table',
      group: 'Groupe',
      facilitator: 'Animation',
      name: 'Nom',
      lastName: 'Nom',
      firstName: 'Prénom',
      code: 'Code',
      language: 'Langue',
      present: 'Présent·e',
      date: 'Date',
      time: 'Heure',
      location: 'Lieu',
    },
    empty: "Personne n'est placé à une table dans ce plan : il n'y a pas de répartition à imprimer.",
  },
};

const en: ReportLabels = {
  locale: 'en-GB',
  page: (x, y) => `page ${x} / ${y}`,
  generatedOn: (when) => `Generated on ${when}`,
  field: (label) => `${label}: `,
  badges: {
    title: 'Name badges',
    code: 'Code',
    language: 'Language',
    table: 'Table',
    empty: 'There is nobody to print a badge for: choose participants first.',
  },
  signIn: {
    title: 'Sign-in sheet',
    number: 'no.',
    name: 'Name',
    code: 'Code',
    language: 'Language',
    table: 'Table',
    arrival: 'Arrival',
    signature: 'Signature',
    departure: 'Departure',
    date: 'Date',
    time: 'Time',
    location: 'Location',
    participants: (n) => (n === 1 ? '1 participant' : `${n} participants`),
    empty: 'Nobody is listed for this session: there is no sign-in sheet to print.',
  },
  agenda: {
    programme: 'Programme',
    schedule: 'Running schedule',
    sheets: { agenda: 'Agenda', contributors: 'Contributors', balance: 'Balance' },
    columns: {
      date: 'Date',
      session: 'Session',
      start: 'Start',
      end: 'End',
      minutes: 'Minutes',
      kind: 'Kind',
      title: 'Title',
      topic: 'Topic',
      room: 'Room',
      speakers: 'Speakers',
      facilitators: 'Facilitators',
      languages: 'Languages',
      interpretation: 'Interpretation',
      name: 'Name',
      role: 'Role',
      organisation: 'Organisation',
      perspective: 'Perspective',
      topics: 'Topics',
      status: 'Status',
      fee: 'Fee',
      travel: 'Travel',
      consent: 'Name may be published',
      share: 'Share',
      oneSided: 'One-sided',
      notes: 'Notes',
      time: 'Time',
      location: 'Location',
    },
    kinds: {
      talk: 'Talk',
      qa: 'Questions and answers',
      panel: 'Panel debate',
      deliberation: 'Small-group deliberation',
      break: 'Break',
      vote: 'Vote',
      hearing: 'Hearing',
    },
    roles: {
      expert: 'Expert',
      facilitator: 'Facilitator',
      partyLeader: 'Party leader',
      politician: 'Politician',
      observer: 'Observer',
      interpreter: 'Interpreter',
      staff: 'Staff',
      other: 'Guest',
    },
    someone: (role, n) => {
      const words: Record<ContributorRole, [string, string]> = {
        expert: ['an expert', 'experts'],
        facilitator: ['a facilitator', 'facilitators'],
        partyLeader: ['a party leader', 'party leaders'],
        politician: ['a politician', 'politicians'],
        observer: ['an observer', 'observers'],
        interpreter: ['an interpreter', 'interpreters'],
        staff: ['a staff member', 'staff members'],
        other: ['a guest', 'guests'],
      };
      return n === 1 ? words[role][0] : `${n} ${words[role][1]}`;
    },
    statuses: { invited: 'Invited', confirmed: 'Confirmed', declined: 'Declined' },
    yes: 'yes',
    no: 'no',
    toFollow: 'The programme of this session will follow.',
    interpretationInto: 'interpretation into',
    noPerspective: 'no perspective given',
    notForPublication: 'name not for publication',
    warnings: 'Warnings',
    noWarnings: 'No warnings.',
    warningKinds: {
      speakerDoubleBooked: 'Speaker double-booked',
      speakerUnavailable: 'Speaker unavailable',
      roomDoubleBooked: 'Room double-booked',
      roomTooSmall: 'Room too small',
      outsideSession: 'Outside the session',
      roomOverlap: 'Overlap in a room',
      languageGap: 'Language gap',
      speakerWithoutSlot: 'Speaker without a slot',
      oneSidedTopic: 'One-sided topic',
    },
    balance: 'Balance of perspectives',
    noBalance: 'No speaking time per topic yet.',
    slots: (n) => (n === 1 ? '1 slot' : `${n} slots`),
    noSessions: 'There is no session yet: create the sessions first, then the programme can be printed.',
    unknownSession: 'This session is not (or no longer) in the agenda.',
  },
  tables: {
    facilitatorsTitle: 'Table sheet for the facilitator',
    wallTitle: 'Table plan',
    table: (n) => `Table ${n}`,
    round: (n) => `Round ${n}`,
    wallHint: 'Find your name: your table number is beside it.',
    members: (n) => (n === 1 ? '1 participant' : `${n} participants`),
    sheets: { tables: 'Tables', wall: 'Wall list' },
    columns: {
      number: 'no.',
      table: 'Table',
      group: 'Group',
      facilitator: 'Facilitator',
      name: 'Name',
      lastName: 'Last name',
      firstName: 'First name',
      code: 'Code',
      language: 'Language',
      present: 'Present',
      date: 'Date',
      time: 'Time',
      location: 'Location',
    },
    empty: 'Nobody is seated at a table in this plan: there is no table plan to print.',
  },
};

const LABELS: Record<ReportLang, ReportLabels> = { nl, fr, en };

export function reportLabels(lang: ReportLang): ReportLabels {
  return LABELS[lang];
}

/** A language code (nl, fr, de, en) as a word in the report's language: "Nederlands", "Néerlandais", "Dutch". */
export function languageName(code: string, lang: ReportLang): string {
  try {
    const name = new Intl.DisplayNames([LABELS[lang].locale], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(LABELS[lang].locale) + name.slice(1);
  } catch {
    // not a language code (free text): printed as it is
  }
  return code;
}

/** Sorts people by last name, then first name, then code, as the report's language sorts. */
export function byLastName<T extends { firstName: string; lastName: string; code: string }>(rows: readonly T[], lang: ReportLang): T[] {
  const collator = new Intl.Collator(LABELS[lang].locale, { sensitivity: 'base', numeric: true });
  return [...rows].sort(
    (a, b) =>
      collator.compare(a.lastName, b.lastName) ||
      collator.compare(a.firstName, b.firstName) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
