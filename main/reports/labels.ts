/**
 * The words printed in reports (PDF and, later, Excel), in Dutch, French and English. A small
 * typed dictionary rather than i18next: reports are rendered in the main process, in the
 * language chosen for the document (which need not be the interface's).
 */
import type { AgendaWarningKind, ContributorStatus } from '../domain/agenda/types';
import type { BallotMethod, BallotRule, ItemResult } from '../domain/voting/types';
import type { ContributorRole, ReportTable, SelectionAlgorithm, SlotKind } from '../../preload/vocabulary';
import type { PrivacyLevelName } from './types';
import type { PublicNumberSourceName, SelectionRunStatus } from '../domain/selection/runTypes';

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
  /** The report workbook and the CSV tables. */
  report: WorkbookLabels;
  /** The PDF reports: recommendations, representativeness, selection audit, attendance. */
  reports: ReportsLabels;
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

/**
 * The report workbook and its CSV tables (workbook.ts, reportTables.ts): sheet names (at most 31
 * characters), column headers and the words in the cells.
 */
export interface WorkbookLabels {
  /** The workbook's title (document properties). */
  title: string;
  sheets: Record<'about' | ReportTable, string>;
  about: {
    item: string;
    value: string;
    assembly: string;
    level: string;
    generatedAt: string;
    language: string;
    panelSize: string;
    firstDate: string;
    lastDate: string;
    timeZone: string;
    /** The privacy level in words, as the About sheet states it. */
    levels: Record<PrivacyLevelName, string>;
  };
  columns: {
    code: string;
    lastName: string;
    firstName: string;
    email: string;
    phone: string;
    address: string;
    status: string;
    /** A participant's language for contacts (apart from a "Language" feature). */
    contactLanguage: string;
    language: string;
    attended: string;
    excused: string;
    absent: string;
    people: string;
    share: string;
    stage: string;
    shareOfPrevious: string;
    shareOfResponded: string;
    feature: string;
    value: string;
    population: string;
    pool: string;
    poolShare: string;
    panel: string;
    panelShare: string;
    present: string;
    presentShare: string;
    quotaMin: string;
    quotaMax: string;
    session: string;
    date: string;
    attendanceRate: string;
    peoplePaid: string;
    fullDays: string;
    halfDays: string;
    perDiem: string;
    travel: string;
    childcare: string;
    total: string;
    round: string;
    table: string;
    group: string;
    facilitator: string;
    tableCount: string;
    seated: string;
    smallest: string;
    largest: string;
    ballot: string;
    method: string;
    threshold: string;
    /** Members present at the ballot's session. */
    membersPresent: string;
    quorumMet: string;
    item: string;
    itemTitle: string;
    answer: string;
    votes: string;
    percentage: string;
    base: string;
    outcome: string;
    runKind: string;
    runStatus: string;
    preparedAt: string;
    algorithm: string;
    version: string;
    panelSize: string;
    onePerHousehold: string;
    inputHash: string;
    seedMode: string;
    seed: string;
    publicNumbers: string;
    lotterySize: string;
    lotterySource: string;
    lotteryHash: string;
    maxDeviation: string;
    ticket: string;
    candidates: string;
    minProbability: string;
    meanProbability: string;
    maxProbability: string;
    gini: string;
    certificateBound: string;
    certificateGap: string;
    complete: string;
    drawnAt: string;
    drawnBy: string;
    panelCodes: string;
    superseded: string;
  };
  /** A person's status (PersonStatus). */
  statuses: Record<string, string>;
  /** At the aggregate level, without a status per person: the panel and the others ever selected. */
  notConfirmed: string;
  marks: { attended: string; excused: string; absent: string };
  funnel: { invited: string; responded: string; selected: string; confirmed: string; attendedOnce: string; attendedAll: string };
  /** The funnel's invited step: the invitations sent are not kept in the file. */
  notRecorded: string;
  methods: Record<BallotMethod, string>;
  answers: { for: string; against: string; abstain: string; blank: string; spoilt: string; picks: string; points: string; wins: string };
  outcomes: { adopted: string; notAdopted: string; tie: string; rank: (n: number) => string; winner: string; quorumNotMet: string };
  /** The ballot's rule in words: the threshold an item must reach. */
  threshold: (rule: BallotRule) => string;
  runKinds: { panel: string; replacement: string };
  runStatuses: Record<SelectionRunStatus, string>;
  seedModes: { random: string; public: string };
  sources: Record<PublicNumberSourceName, string>;
  yes: string;
  no: string;
}

const nlReport: WorkbookLabels = {
  title: 'Rapport',
  sheets: {
    about: 'Over dit rapport',
    participants: 'Deelnemers',
    funnel: 'Rekrutering',
    representativeness: 'Representativiteit',
    attendance: 'Aanwezigheid',
    perDiem: 'Vergoedingen',
    agenda: 'Agenda',
    contributors: 'Experten en standpunten',
    tables: 'Tafels',
    ballots: 'Stemmingen',
    selection: 'Loting (audit)',
  },
  about: {
    item: 'Gegeven',
    value: 'Waarde',
    assembly: 'Burgerpanel',
    level: 'Privacyniveau',
    generatedAt: 'Aangemaakt op',
    language: 'Taal',
    panelSize: 'Grootte van het panel',
    firstDate: 'Eerste sessie',
    lastDate: 'Laatste sessie',
    timeZone: 'Tijdzone',
    levels: {
      full: 'Volledig: namen en contactgegevens (alleen voor het secretariaat)',
      pseudonymised: 'Gepseudonimiseerd: deelnemerscodes, geen namen, contactgegevens of adressen',
      aggregate: 'Geaggregeerd: alleen aantallen; cellen met minder dan 5 personen staan als <5',
    },
  },
  columns: {
    code: 'Code',
    lastName: 'Achternaam',
    firstName: 'Voornaam',
    email: 'E-mail',
    phone: 'Telefoon',
    address: 'Adres',
    status: 'Status',
    contactLanguage: 'Contacttaal',
    language: 'Taal',
    attended: 'Aanwezig',
    excused: 'Verontschuldigd',
    absent: 'Afwezig',
    people: 'Personen',
    share: 'Aandeel',
    stage: 'Stap',
    shareOfPrevious: '% van vorige stap',
    shareOfResponded: '% van respondenten',
    feature: 'Kenmerk',
    value: 'Waarde',
    population: 'Bevolking %',
    pool: 'Respondenten',
    poolShare: 'Respondenten %',
    panel: 'Panel',
    panelShare: 'Panel %',
    present: 'Aanwezig (laatste sessie)',
    presentShare: 'Aanwezig %',
    quotaMin: 'Quotum min.',
    quotaMax: 'Quotum max.',
    session: 'Sessie',
    date: 'Datum',
    attendanceRate: 'Aanwezigheid %',
    peoplePaid: 'Personen vergoed',
    fullDays: 'Volle dagen',
    halfDays: 'Halve dagen',
    perDiem: 'Dagvergoeding',
    travel: 'Reiskosten',
    childcare: 'Kinderopvang',
    total: 'Totaal',
    round: 'Ronde',
    table: 'Tafel',
    group: 'Groep',
    facilitator: 'Begeleider',
    tableCount: 'Tafels',
    seated: 'Personen aan tafel',
    smallest: 'Kleinste tafel',
    largest: 'Grootste tafel',
    ballot: 'Stemming',
    method: 'Methode',
    threshold: 'Drempel',
    membersPresent: 'Aanwezige leden',
    quorumMet: 'Quorum bereikt',
    item: 'nr.',
    itemTitle: 'Voorstel',
    answer: 'Antwoord',
    votes: 'Stemmen',
    percentage: '%',
    base: 'Basis',
    outcome: 'Uitslag',
    runKind: 'Soort',
    runStatus: 'Status',
    preparedAt: 'Voorbereid op',
    algorithm: 'Algoritme',
    version: 'Versie',
    panelSize: 'Panelgrootte',
    onePerHousehold: 'Eén per gezin',
    inputHash: 'Hash van de invoer',
    seedMode: 'Toeval',
    seed: 'Seed',
    publicNumbers: 'Publieke getallen',
    lotterySize: 'Loten',
    lotterySource: 'Bron van de getallen',
    lotteryHash: 'Hash van de loterij',
    maxDeviation: 'Max. afwijking',
    ticket: 'Getrokken lot',
    candidates: 'Kandidaten',
    minProbability: 'Min. kans',
    meanProbability: 'Gem. kans',
    maxProbability: 'Max. kans',
    gini: 'Gini',
    certificateBound: 'Bovengrens (certificaat)',
    certificateGap: 'Verschil (certificaat)',
    complete: 'Volledig berekend',
    drawnAt: 'Getrokken op',
    drawnBy: 'Getrokken door',
    panelCodes: 'Codes van het panel',
    superseded: 'Vervangen omdat',
  },
  statuses: {
    pool: 'Respondent',
    reserve: 'Reserve',
    selected: 'Geloot',
    contacted: 'Gecontacteerd',
    confirmed: 'Bevestigd',
    declined: 'Afgezegd',
    withdrawn: 'Teruggetrokken',
  },
  notConfirmed: 'Geloot, niet (meer) bevestigd',
  marks: { attended: 'aanwezig', excused: 'verontschuldigd', absent: 'afwezig' },
  funnel: {
    invited: 'Uitgenodigd',
    responded: 'Geantwoord',
    selected: 'Geloot',
    confirmed: 'Bevestigd',
    attendedOnce: 'Minstens één keer aanwezig',
    attendedAll: 'Op alle sessies aanwezig',
  },
  notRecorded: 'niet bijgehouden',
  methods: { yesNo: 'Ja / nee', scale: 'Schaal', approval: 'Goedkeuring', ranking: 'Rangschikking' },
  answers: { for: 'Voor', against: 'Tegen', abstain: 'Onthouding', blank: 'Blanco', spoilt: 'Ongeldig', picks: 'Gekozen door', points: 'Punten', wins: 'Gewonnen duels' },
  outcomes: {
    adopted: 'Aangenomen',
    notAdopted: 'Niet aangenomen',
    tie: 'Staking van stemmen: niet aangenomen',
    rank: (n) => `Plaats ${n}`,
    winner: 'winnaar',
    quorumNotMet: 'Quorum niet bereikt',
  },
  threshold: (rule) => {
    if (rule.method === 'scale') return `minstens ${rule.numerator}/${rule.denominator} van de geldige stembriefjes in de bovenste ${rule.supportLevels} niveau(s)`;
    if (rule.method === 'approval') return `voorstellen gerangschikt naar het aantal leden dat ze koos (elk lid hoogstens ${rule.maxPicks})`;
    if (rule.method === 'ranking') return rule.count === 'borda' ? 'Borda-telling: een optie krijgt een punt per optie die lager staat op elk stembriefje' : 'Schulze-methode: opties gerangschikt naar de sterkste paden in de paarsgewijze vergelijkingen';
    if (rule.threshold === 'simpleMajority') return rule.abstentionsCount ? 'meer dan de helft van de uitgebrachte stemmen, onthoudingen inbegrepen, is voor' : 'meer stemmen voor dan tegen (onthoudingen tellen niet mee)';
    if (rule.threshold === 'majorityOfPresent') return 'meer dan de helft van de aanwezige leden stemt voor';
    const [n, d] = fractionOf(rule);
    const base = rule.base === 'present' ? 'aanwezige leden' : rule.abstentionsCount ? 'uitgebrachte stemmen, onthoudingen inbegrepen,' : 'uitgebrachte stemmen (onthoudingen tellen niet mee)';
    return `minstens ${n}/${d} van de ${base} is voor`;
  },
  runKinds: { panel: 'Panel', replacement: 'Vervanging' },
  runStatuses: { prepared: 'Voorbereid', drawn: 'Getrokken', superseded: 'Vervangen' },
  seedModes: { random: 'Willekeurige seed', public: 'Publieke getallen' },
  sources: { digits: 'Cijfers 0–9', die: 'Dobbelsteen' },
  yes: 'ja',
  no: 'nee',
};

const frReport: WorkbookLabels = {
  title: 'Rapport',
  sheets: {
    about: 'À propos',
    participants: 'Participants',
    funnel: 'Recrutement',
    representativeness: 'Représentativité',
    attendance: 'Présences',
    perDiem: 'Défraiements',
    agenda: 'Programme',
    contributors: 'Experts et points de vue',
    tables: 'Tables',
    ballots: 'Votes',
    selection: 'Audit du tirage au sort',
  },
  about: {
    item: 'Élément',
    value: 'Valeur',
    assembly: 'Assemblée',
    level: 'Niveau de confidentialité',
    generatedAt: 'Généré le',
    language: 'Langue',
    panelSize: 'Taille du panel',
    firstDate: 'Première session',
    lastDate: 'Dernière session',
    timeZone: 'Fuseau horaire',
    levels: {
      full: 'Complet : noms et coordonnées (réservé au secrétariat)',
      pseudonymised: 'Pseudonymisé : codes des participants, sans noms, coordonnées ni adresses',
      aggregate: 'Agrégé : nombres uniquement ; les cellules de moins de 5 personnes sont indiquées <5',
    },
  },
  columns: {
    code: 'Code',
    lastName: 'Nom',
    firstName: 'Prénom',
    email: 'E-mail',
    phone: 'Téléphone',
    address: 'Adresse',
    status: 'Statut',
    contactLanguage: 'Langue de contact',
    language: 'Langue',
    attended: 'Présent·e',
    excused: 'Excusé·e',
    absent: 'Absent·e',
    people: 'Personnes',
    share: 'Part',
    stage: 'Étape',
    shareOfPrevious: '% de l’étape précédente',
    shareOfResponded: '% des répondants',
    feature: 'Critère',
    value: 'Valeur',
    population: 'Population %',
    pool: 'Répondants',
    poolShare: 'Répondants %',
    panel: 'Panel',
    panelShare: 'Panel %',
    present: 'Présents (dernière session)',
    presentShare: 'Présents %',
    quotaMin: 'Quota min.',
    quotaMax: 'Quota max.',
    session: 'Session',
    date: 'Date',
    attendanceRate: 'Taux de présence',
    peoplePaid: 'Personnes défrayées',
    fullDays: 'Journées entières',
    halfDays: 'Demi-journées',
    perDiem: 'Indemnité journalière',
    travel: 'Frais de déplacement',
    childcare: 'Garde d’enfants',
    total: 'Total',
    round: 'Tour',
    table: 'Table',
    group: 'Groupe',
    facilitator: 'Animation',
    tableCount: 'Tables',
    seated: 'Personnes placées',
    smallest: 'Plus petite table',
    largest: 'Plus grande table',
    ballot: 'Vote',
    method: 'Méthode',
    threshold: 'Seuil',
    membersPresent: 'Membres présents',
    quorumMet: 'Quorum atteint',
    item: 'n°',
    itemTitle: 'Proposition',
    answer: 'Réponse',
    votes: 'Voix',
    percentage: '%',
    base: 'Base',
    outcome: 'Résultat',
    runKind: 'Type',
    runStatus: 'Statut',
    preparedAt: 'Préparé le',
    algorithm: 'Algorithme',
    version: 'Version',
    panelSize: 'Taille du panel',
    onePerHousehold: 'Un par ménage',
    inputHash: 'Empreinte des données',
    seedMode: 'Hasard',
    seed: 'Graine',
    publicNumbers: 'Nombres publics',
    lotterySize: 'Billets',
    lotterySource: 'Source des nombres',
    lotteryHash: 'Empreinte de la loterie',
    maxDeviation: 'Écart max.',
    ticket: 'Billet tiré',
    candidates: 'Candidats',
    minProbability: 'Probabilité min.',
    meanProbability: 'Probabilité moy.',
    maxProbability: 'Probabilité max.',
    gini: 'Gini',
    certificateBound: 'Borne supérieure (certificat)',
    certificateGap: 'Écart (certificat)',
    complete: 'Calcul complet',
    drawnAt: 'Tiré le',
    drawnBy: 'Tiré par',
    panelCodes: 'Codes du panel',
    superseded: 'Remplacé parce que',
  },
  statuses: {
    pool: 'Répondant·e',
    reserve: 'Réserve',
    selected: 'Tiré·e au sort',
    contacted: 'Contacté·e',
    confirmed: 'Confirmé·e',
    declined: 'Désisté·e',
    withdrawn: 'Retiré·e',
  },
  notConfirmed: 'Tiré·es au sort, non (plus) confirmé·es',
  marks: { attended: 'présent·e', excused: 'excusé·e', absent: 'absent·e' },
  funnel: {
    invited: 'Invité·es',
    responded: 'Ont répondu',
    selected: 'Tiré·es au sort',
    confirmed: 'Confirmé·es',
    attendedOnce: 'Présent·es au moins une fois',
    attendedAll: 'Présent·es à toutes les sessions',
  },
  notRecorded: 'non enregistré',
  methods: { yesNo: 'Oui / non', scale: 'Échelle', approval: 'Approbation', ranking: 'Classement' },
  answers: { for: 'Pour', against: 'Contre', abstain: 'Abstention', blank: 'Blanc', spoilt: 'Nul', picks: 'Choisi par', points: 'Points', wins: 'Duels gagnés' },
  outcomes: {
    adopted: 'Adoptée',
    notAdopted: 'Non adoptée',
    tie: 'Égalité : non adoptée',
    rank: (n) => (n === 1 ? '1re place' : `${n}e place`),
    winner: 'gagnante',
    quorumNotMet: 'Quorum non atteint',
  },
  threshold: (rule) => {
    if (rule.method === 'scale') return `au moins ${rule.numerator}/${rule.denominator} des bulletins valables dans les ${rule.supportLevels} niveau(x) supérieur(s)`;
    if (rule.method === 'approval') return `propositions classées selon le nombre de membres qui les ont choisies (${rule.maxPicks} au plus chacun)`;
    if (rule.method === 'ranking') return rule.count === 'borda' ? 'Méthode de Borda : une option reçoit un point par option classée après elle sur chaque bulletin' : 'Méthode de Schulze : options classées selon les chemins les plus forts des comparaisons par paires';
    if (rule.threshold === 'simpleMajority') return rule.abstentionsCount ? 'plus de la moitié des voix exprimées, abstentions comprises, sont pour' : 'plus de voix pour que contre (abstentions non comptées)';
    if (rule.threshold === 'majorityOfPresent') return 'plus de la moitié des membres présents votent pour';
    const [n, d] = fractionOf(rule);
    const base = rule.base === 'present' ? 'membres présents' : rule.abstentionsCount ? 'voix exprimées, abstentions comprises,' : 'voix exprimées (abstentions non comptées)';
    return `au moins ${n}/${d} des ${base} sont pour`;
  },
  runKinds: { panel: 'Panel', replacement: 'Remplacement' },
  runStatuses: { prepared: 'Préparé', drawn: 'Tiré', superseded: 'Remplacé' },
  seedModes: { random: 'Graine aléatoire', public: 'Nombres publics' },
  sources: { digits: 'Chiffres 0–9', die: 'Dé' },
  yes: 'oui',
  no: 'non',
};

const enReport: WorkbookLabels = {
  title: 'Report',
  sheets: {
    about: 'About',
    participants: 'Participants',
    funnel: 'Recruitment funnel',
    representativeness: 'Representativeness',
    attendance: 'Attendance',
    perDiem: 'Per diem',
    agenda: 'Agenda',
    contributors: 'Experts and perspectives',
    tables: 'Tables',
    ballots: 'Ballots',
    selection: 'Selection audit',
  },
  about: {
    item: 'Item',
    value: 'Value',
    assembly: 'Assembly',
    level: 'Privacy level',
    generatedAt: 'Generated at',
    language: 'Language',
    panelSize: 'Panel size',
    firstDate: 'First session',
    lastDate: 'Last session',
    timeZone: 'Time zone',
    levels: {
      full: 'Full: names and contacts (for the secretariat only)',
      pseudonymised: 'Pseudonymised: participant codes, no names, contacts or addresses',
      aggregate: 'Aggregate: counts only; cells under 5 people are shown as <5',
    },
  },
  columns: {
    code: 'Code',
    lastName: 'Last name',
    firstName: 'First name',
    email: 'E-mail',
    phone: 'Phone',
    address: 'Address',
    status: 'Status',
    contactLanguage: 'Contact language',
    language: 'Language',
    attended: 'Attended',
    excused: 'Excused',
    absent: 'Absent',
    people: 'People',
    share: 'Share',
    stage: 'Stage',
    shareOfPrevious: '% of previous stage',
    shareOfResponded: '% of respondents',
    feature: 'Feature',
    value: 'Value',
    population: 'Population %',
    pool: 'Pool',
    poolShare: 'Pool %',
    panel: 'Panel',
    panelShare: 'Panel %',
    present: 'Present (last session)',
    presentShare: 'Present %',
    quotaMin: 'Quota min',
    quotaMax: 'Quota max',
    session: 'Session',
    date: 'Date',
    attendanceRate: 'Attendance %',
    peoplePaid: 'People paid',
    fullDays: 'Full days',
    halfDays: 'Half days',
    perDiem: 'Per diem',
    travel: 'Travel',
    childcare: 'Childcare',
    total: 'Total',
    round: 'Round',
    table: 'Table',
    group: 'Group',
    facilitator: 'Facilitator',
    tableCount: 'Tables',
    seated: 'People seated',
    smallest: 'Smallest table',
    largest: 'Largest table',
    ballot: 'Ballot',
    method: 'Method',
    threshold: 'Threshold',
    membersPresent: 'Members present',
    quorumMet: 'Quorum met',
    item: 'No.',
    itemTitle: 'Item',
    answer: 'Answer',
    votes: 'Votes',
    percentage: '%',
    base: 'Base',
    outcome: 'Outcome',
    runKind: 'Kind',
    runStatus: 'Status',
    preparedAt: 'Prepared at',
    algorithm: 'Algorithm',
    version: 'Version',
    panelSize: 'Panel size',
    onePerHousehold: 'One per household',
    inputHash: 'Input hash',
    seedMode: 'Randomness',
    seed: 'Seed',
    publicNumbers: 'Public numbers',
    lotterySize: 'Tickets',
    lotterySource: 'Number source',
    lotteryHash: 'Lottery hash',
    maxDeviation: 'Max deviation',
    ticket: 'Ticket drawn',
    candidates: 'Candidates',
    minProbability: 'Min probability',
    meanProbability: 'Mean probability',
    maxProbability: 'Max probability',
    gini: 'Gini',
    certificateBound: 'Upper bound (certificate)',
    certificateGap: 'Gap (certificate)',
    complete: 'Computed in full',
    drawnAt: 'Drawn at',
    drawnBy: 'Drawn by',
    panelCodes: 'Panel codes',
    superseded: 'Superseded because',
  },
  statuses: {
    pool: 'Respondent',
    reserve: 'Reserve',
    selected: 'Selected',
    contacted: 'Contacted',
    confirmed: 'Confirmed',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  },
  notConfirmed: 'Selected, not (or no longer) confirmed',
  marks: { attended: 'attended', excused: 'excused', absent: 'absent' },
  funnel: {
    invited: 'Invited',
    responded: 'Responded',
    selected: 'Selected',
    confirmed: 'Confirmed',
    attendedOnce: 'Attended at least once',
    attendedAll: 'Attended every session',
  },
  notRecorded: 'not recorded',
  methods: { yesNo: 'Yes / no', scale: 'Scale', approval: 'Approval', ranking: 'Ranking' },
  answers: { for: 'For', against: 'Against', abstain: 'Abstain', blank: 'Blank', spoilt: 'Spoilt', picks: 'Picked by', points: 'Points', wins: 'Duels won' },
  outcomes: {
    adopted: 'Adopted',
    notAdopted: 'Not adopted',
    tie: 'Tie: not adopted',
    rank: (n) => `Rank ${n}`,
    winner: 'winner',
    quorumNotMet: 'Quorum not met',
  },
  threshold: (rule) => {
    if (rule.method === 'scale') return `at least ${rule.numerator}/${rule.denominator} of the valid papers in the top ${rule.supportLevels} level(s)`;
    if (rule.method === 'approval') return `items ranked by the number of members who picked them (up to ${rule.maxPicks} each)`;
    if (rule.method === 'ranking') return rule.count === 'borda' ? 'Borda count: an option gets one point per option ranked below it on each paper' : 'Schulze method: options ordered by the strongest paths between them in the pairwise comparisons';
    if (rule.threshold === 'simpleMajority') return rule.abstentionsCount ? 'more than half of the votes cast, abstentions included, are for' : 'more votes for than against (abstentions not counted)';
    if (rule.threshold === 'majorityOfPresent') return 'more than half of the members present vote for';
    const [n, d] = fractionOf(rule);
    const base = rule.base === 'present' ? 'members present' : rule.abstentionsCount ? 'votes cast, abstentions included,' : 'votes cast (abstentions not counted)';
    return `at least ${n}/${d} of the ${base} vote for`;
  },
  runKinds: { panel: 'Panel', replacement: 'Replacement' },
  runStatuses: { prepared: 'Prepared', drawn: 'Drawn', superseded: 'Superseded' },
  seedModes: { random: 'Random seed', public: 'Public numbers' },
  sources: { digits: 'Digits 0–9', die: 'Die' },
  yes: 'yes',
  no: 'no',
};

/** A yes/no threshold's fraction, as main/domain/voting/result.ts reads it. */
function fractionOf(rule: Extract<BallotRule, { method: 'yesNo' }>): [number, number] {
  if (rule.threshold === 'twoThirds') return [2, 3];
  if (rule.threshold === 'eightyPercent') return [4, 5];
  return [rule.numerator ?? 1, rule.denominator ?? 2];
}

/**
 * The four reports for policymakers and the record: recommendations and results,
 * representativeness, the selection audit, attendance and per-diem (the `reports` block).
 */
export interface ReportsLabels {
  levelField: string;
  levels: Record<PrivacyLevelName, string>;
  /** What the level shows, in a sentence. */
  levelExplained: Record<PrivacyLevelName, string>;
  /** Under tables and charts at the aggregate level. */
  suppressedNote: string;
  notRecorded: string;
  yes: string;
  no: string;
  total: string;
  period: string;
  panelSize: string;
  sessions: (held: number, planned: number) => string;
  recommendations: {
    title: string;
    subtitle: string;
    method: string;
    selection: string;
    /** pool and panel are printed counts. */
    selectionText: (o: { pool: string; panel: string; algorithm: SelectionAlgorithm; version: string; features: number; quotas: number }) => string;
    selectionNone: string;
    sessionsHeading: string;
    sessionsText: (held: number, planned: number, first: string, last: string) => string;
    sessionsNone: string;
    experts: string;
    /** total: printed count; roles: "8 experts, 2 party leaders". */
    expertsText: (total: string, roles: string) => string;
    expertsNone: string;
    balanceIntro: string;
    topic: string;
    perspectives: string;
    oneSided: string;
    noPerspective: string;
    voting: string;
    methods: { yesNo: string; scale: string; approval: string; borda: string; schulze: string };
    /** The threshold (or the way of counting) in words. */
    rule: (rule: BallotRule) => string;
    /** needed: members needed of the panel; present: printed count. */
    quorum: (numerator: number, denominator: number, needed: number, present: string, met: boolean) => string;
    items: (n: number) => string;
    results: string;
    textOnlyIn: (language: string) => string;
    answers: { for: string; against: string; abstain: string; blank: string; spoilt: string };
    count: string;
    share: string;
    answer: string;
    base: Record<ItemResult['baseKind'], (n: string) => string>;
    abstainNote: string;
    threshold: string;
    outcome: string;
    adopted: string;
    notAdopted: string;
    tie: string;
    quorumNotMet: string;
    support: string;
    markerCaption: (fraction: string) => string;
    order: string;
    rank: string;
    option: string;
    scores: { approval: string; borda: string; schulze: string };
    winner: string;
    winners: (n: number) => string;
    tieInOrder: string;
    condorcet: (option: string) => string;
    papers: (valid: string, blank: string, spoilt: string) => string;
    summary: string;
    number: string;
    titleColumn: string;
    percentFor: string;
    ranked: (rank: number) => string;
    empty: string;
  };
  representativeness: {
    title: string;
    intro: string;
    totals: string;
    pool: string;
    panel: string;
    /** Column and legend names. */
    poolShort: string;
    panelShort: string;
    presentLast: string;
    presentAt: (session: string, date: string) => string;
    noSessionHeld: string;
    funnel: string;
    stages: { invited: string; responded: string; selected: string; confirmed: string; attendedOnce: string; attendedAll: string };
    stage: string;
    people: string;
    ofPrevious: string;
    funnelNote: string;
    features: string;
    value: string;
    population: string;
    present: string;
    quota: string;
    inQuota: string;
    quotaRange: (min: number | null, max: number | null) => string;
    sharesNote: string;
    empty: string;
  };
  selectionAudit: {
    title: string;
    intro: string;
    run: (kind: 'panel' | 'replacement', date: string) => string;
    statuses: Record<SelectionRunStatus, string>;
    fields: {
      runId: string;
      prepared: string;
      drawn: string;
      status: string;
      supersededBy: string;
      reason: string;
      algorithm: string;
      panelSize: string;
      onePerHousehold: string;
      candidates: string;
      inputHash: string;
      seedMode: string;
      seed: string;
      publicNumbers: string;
      ticket: string;
      lotteryHash: string;
      lotterySize: string;
      lotterySource: string;
      maxDeviation: string;
    };
    by: (when: string, who: string) => string;
    algorithms: Record<SelectionAlgorithm, string>;
    incomplete: string;
    seedModes: { random: string; public: string };
    sources: Record<PublicNumberSourceName, string>;
    tickets: (n: string) => string;
    quotas: string;
    noQuotas: string;
    feature: string;
    value: string;
    min: string;
    max: string;
    probabilities: string;
    mean: string;
    gini: string;
    certificate: string;
    certificateText: (upperBound: string, gap: string) => string;
    noCertificate: string;
    histogram: string;
    histogramCaption: (candidates: string) => string;
    histogramMissing: string;
    panel: (n: number) => string;
    panelLeftOut: string;
    panelNone: string;
    verify: string;
    verifyLeximinPublic: string;
    verifyLeximinRandom: string;
    verifyLegacy: string;
    codesLeftOut: string;
    empty: string;
  };
  attendance: {
    title: string;
    perSession: string;
    session: string;
    date: string;
    attended: string;
    excused: string;
    absent: string;
    rate: string;
    rateNote: string;
    matrix: string;
    matrixLegend: string;
    matrixLeftOut: string;
    name: string;
    code: string;
    sessionsAttended: string;
    noMarks: string;
    perDiem: string;
    rules: string;
    fullDay: string;
    halfDay: string;
    travel: string;
    childcare: string;
    /** Column headings. */
    travelShort: string;
    childcareShort: string;
    perDay: string;
    thresholdText: (minutes: number) => string;
    payments: string;
    fullDays: string;
    halfDays: string;
    perDiemAmount: string;
    amount: string;
    paid: string;
    totalsOnly: string;
    noPayments: string;
    empty: string;
  };
}

const fractionWords = {
  nl: (n: number, d: number) => (n === 2 && d === 3 ? 'twee derde' : n === 4 && d === 5 ? '80 %' : n === 1 && d === 2 ? 'de helft' : `${n}/${d}`),
  fr: (n: number, d: number) => (n === 2 && d === 3 ? 'deux tiers' : n === 4 && d === 5 ? '80 %' : n === 1 && d === 2 ? 'la moitié' : `${n}/${d}`),
  en: (n: number, d: number) => (n === 2 && d === 3 ? 'two thirds' : n === 4 && d === 5 ? '80 %' : n === 1 && d === 2 ? 'half' : `${n}/${d}`),
};

/** numerator/denominator of a yes/no threshold (null for the majorities). */
export function thresholdFraction(rule: Extract<BallotRule, { method: 'yesNo' }>): [number, number] | null {
  if (rule.threshold === 'twoThirds') return [2, 3];
  if (rule.threshold === 'eightyPercent') return [4, 5];
  if (rule.threshold === 'custom') return [rule.numerator ?? 1, rule.denominator ?? 2];
  return null;
}

const reportsNl: ReportsLabels = {
  levelField: 'Privacyniveau',
  levels: { full: 'volledig', pseudonymised: 'gepseudonimiseerd', aggregate: 'geaggregeerd' },
  levelExplained: {
    full: 'Volledig (secretariaat): met namen van de deelnemers. Niet verspreiden.',
    pseudonymised: 'Gepseudonimiseerd: deelnemers alleen met hun code, zonder namen, contactgegevens of adressen.',
    aggregate: 'Geaggregeerd: alleen aantallen en percentages; een cel over minder dan 5 personen staat als “<5”.',
  },
  suppressedNote: '“<5”: minder dan 5 personen, niet getoond op dit niveau (en geen balk in de grafiek).',
  notRecorded: 'niet geregistreerd',
  yes: 'ja',
  no: 'nee',
  total: 'Totaal',
  period: 'Periode',
  panelSize: 'Omvang van het panel',
  sessions: (held, planned) => `${held} van ${planned} ${planned === 1 ? 'sessie' : 'sessies'} gehouden`,
  recommendations: {
    title: 'Aanbevelingen en resultaten',
    subtitle: 'Verslag voor beleidsmakers',
    method: 'Werkwijze',
    selection: 'Selectie',
    selectionText: (o) =>
      `Het panel van ${o.panel} leden werd door loting samengesteld uit ${o.pool} mensen die op de uitnodiging reageerden, ` +
      (o.algorithm === 'leximin'
        ? `met het LEXIMIN-algoritme (versie ${o.version}): dat geeft iedereen een zo gelijk mogelijke kans, binnen de quota`
        : `met het klassieke algoritme (versie ${o.version}), dat de leden één voor één trekt binnen de quota`) +
      ` (${o.quotas} quota op ${o.features} ${o.features === 1 ? 'kenmerk' : 'kenmerken'}). Het selectie-audit-verslag bevat alles om de loting na te rekenen.`,
    selectionNone: 'De loting van het panel is niet in dit bestand geregistreerd.',
    sessionsHeading: 'Sessies',
    sessionsText: (held, planned, first, last) => `Het panel kwam ${held} ${held === 1 ? 'keer' : 'keer'} samen (${planned} sessies gepland), van ${first} tot ${last}.`,
    sessionsNone: 'Er is nog geen sessie gehouden.',
    experts: 'Inbreng van deskundigen',
    expertsText: (total, roles) => `${total} sprekers en gasten droegen bij: ${roles}.`,
    expertsNone: 'Er zijn geen sprekers of gasten geregistreerd.',
    balanceIntro: 'Spreektijd per thema, per standpunt:',
    topic: 'Thema',
    perspectives: 'Standpunten (minuten)',
    oneSided: 'slechts één standpunt gehoord',
    noPerspective: 'geen standpunt opgegeven',
    voting: 'Stemregels',
    methods: { yesNo: 'voor / tegen / onthouding', scale: 'steunschaal', approval: 'goedkeuringsstemming', borda: 'rangschikking (Borda-telling)', schulze: 'rangschikking (Schulze-methode)' },
    rule: (rule) => {
      if (rule.method === 'yesNo') {
        const f = thresholdFraction(rule);
        const abst = rule.abstentionsCount ? 'onthoudingen tellen mee in de noemer' : 'onthoudingen tellen niet mee';
        if (rule.threshold === 'simpleMajority') return `aangenomen bij meer stemmen voor dan tegen (gewone meerderheid; ${abst})`;
        if (rule.threshold === 'majorityOfPresent') return 'aangenomen wanneer meer dan de helft van de aanwezige leden voor stemt';
        const base = rule.base === 'present' ? 'de aanwezige leden' : `de uitgebrachte stemmen (${abst})`;
        return `aangenomen wanneer minstens ${fractionWords.nl(f![0], f![1])} van ${base} voor stemt`;
      }
      if (rule.method === 'scale') {
        return `aangenomen wanneer minstens ${fractionWords.nl(rule.numerator, rule.denominator)} van de geldige stembiljetten een van de ${rule.supportLevels} hoogste niveaus kiest (${rule.levels.slice(0, rule.supportLevels).join(', ')})`;
      }
      if (rule.method === 'approval') return `elk lid kiest tot ${rule.maxPicks} voorstellen; de voorstellen worden gerangschikt naar het aantal keuzes`;
      return rule.count === 'borda'
        ? 'Borda-telling: een optie krijgt op elk stembiljet één punt per optie die lager gerangschikt is'
        : 'Schulze-methode: de opties worden gerangschikt volgens de sterkste paden in de paarsgewijze vergelijkingen';
    },
    quorum: (n, d, needed, present, met) =>
      `Quorum: ${fractionWords.nl(n, d)} van het panel aanwezig (${needed} leden); aanwezig: ${present} — ${met ? 'quorum gehaald' : 'quorum niet gehaald, niets is aangenomen'}.`,
    items: (n) => (n === 1 ? '1 voorstel' : `${n} voorstellen`),
    results: 'De aanbevelingen',
    textOnlyIn: (language) => `(tekst alleen in het ${language} beschikbaar)`,
    answers: { for: 'Voor', against: 'Tegen', abstain: 'Onthouding', blank: 'Blanco', spoilt: 'Ongeldig' },
    count: 'Aantal',
    share: 'Aandeel',
    answer: 'Stem',
    base: {
      cast: (n) => `Percentages van de uitgebrachte stemmen (voor + tegen): ${n}.`,
      castWithAbstentions: (n) => `Percentages van de uitgebrachte stemmen, onthoudingen inbegrepen: ${n}.`,
      present: (n) => `Percentages van de aanwezige leden: ${n}.`,
      valid: (n) => `Percentages van de geldige stembiljetten: ${n}.`,
    },
    abstainNote: 'Onthoudingen als aandeel van alle stemmen, onthoudingen inbegrepen.',
    threshold: 'Drempel',
    outcome: 'Uitslag',
    adopted: 'AANGENOMEN',
    notAdopted: 'NIET AANGENOMEN',
    tie: 'GELIJKE STEMMEN — NIET AANGENOMEN',
    quorumNotMet: 'NIET AANGENOMEN — quorum niet gehaald',
    support: 'Steun',
    markerCaption: (fraction) => `drempel: ${fraction}`,
    order: 'Rangorde',
    rank: 'Plaats',
    option: 'Voorstel',
    scores: { approval: 'Keuzes', borda: 'Punten', schulze: 'Paarsgewijs gewonnen' },
    winner: 'winnaar',
    winners: (n) => (n === 1 ? 'Winnaar' : 'Winnaars'),
    tieInOrder: 'Gelijke stand: voorstellen op dezelfde plaats hebben evenveel steun.',
    condorcet: (option) => `Condorcet-winnaar (wint van elk ander voorstel): ${option}.`,
    papers: (valid, blank, spoilt) => `Stembiljetten: ${valid} geldig, ${blank} blanco, ${spoilt} ongeldig.`,
    summary: 'Overzicht',
    number: 'Nr.',
    titleColumn: 'Aanbeveling',
    percentFor: '% voor',
    ranked: (rank) => `plaats ${rank}`,
    empty: 'Er is nog geen stemming afgesloten: er zijn geen resultaten om te rapporteren.',
  },
  representativeness: {
    title: 'Representativiteit',
    intro: 'Per kenmerk: het aandeel in de bevolking, in de pool (wie reageerde), in het panel (bevestigde leden) en bij wie aanwezig was op de laatst gehouden sessie.',
    totals: 'Totalen',
    pool: 'Pool (wie reageerde)',
    poolShort: 'Pool',
    panelShort: 'Panel',
    panel: 'Panel (bevestigde leden)',
    presentLast: 'Aanwezig op de laatste sessie',
    presentAt: (session, date) => `${session}, ${date}`,
    noSessionHeld: 'nog geen sessie gehouden',
    funnel: 'Van uitnodiging tot deelname',
    stages: {
      invited: 'Uitgenodigd',
      responded: 'Gereageerd (pool)',
      selected: 'Geloot',
      confirmed: 'Bevestigd',
      attendedOnce: 'Minstens één keer aanwezig',
      attendedAll: 'Op alle gehouden sessies aanwezig',
    },
    stage: 'Stap',
    people: 'Personen',
    ofPrevious: 'van de vorige stap',
    funnelNote: 'Het aantal verstuurde uitnodigingen is niet in dit bestand geregistreerd.',
    features: 'Per kenmerk',
    value: 'Waarde',
    population: 'Bevolking',
    present: 'Aanwezig',
    quota: 'Quotum (leden)',
    inQuota: 'Binnen quotum',
    quotaRange: (min, max) => (min === null && max === null ? '—' : `${min ?? 0}–${max ?? '…'}`),
    sharesNote: 'Aandelen van het totaal van elke kolom; de grafiek toont dezelfde aandelen.',
    empty: 'Er zijn geen kenmerken vastgelegd: er valt niets te vergelijken.',
  },
  selectionAudit: {
    title: 'Selectie-audit',
    intro: 'Alles wat nodig is om de loting na te rekenen, per getrokken (en vervangen) loting: de invoer, de quota, het algoritme, het toeval dat gebruikt werd en het getrokken panel.',
    run: (kind, date) => `${kind === 'panel' ? 'Loting van het panel' : 'Loting van vervangers'} — ${date}`,
    statuses: { prepared: 'voorbereid, niet getrokken', drawn: 'getrokken, van kracht', superseded: 'vervangen' },
    fields: {
      runId: 'Kenmerk van de loting',
      prepared: 'Voorbereid',
      drawn: 'Getrokken',
      status: 'Status',
      supersededBy: 'Vervangen door',
      reason: 'Reden',
      algorithm: 'Algoritme',
      panelSize: 'Te trekken zetels',
      onePerHousehold: 'Eén per huishouden',
      candidates: 'Kandidaten',
      inputHash: 'Hash van de invoer (SHA-256)',
      seedMode: 'Toeval',
      seed: 'Seed',
      publicNumbers: 'Publieke getallen',
      ticket: 'Getrokken lot',
      lotteryHash: 'Hash van de gepubliceerde loterij',
      lotterySize: 'Loten in de loterij',
      lotterySource: 'Bron van de getallen',
      maxDeviation: 'Grootste afwijking door afronding',
    },
    by: (when, who) => `${when} door ${who}`,
    algorithms: { leximin: 'LEXIMIN (zo gelijk mogelijke kansen)', legacy: 'klassiek (trekt één voor één)' },
    incomplete: 'door de tijdslimiet gestopt voor het einde (beste tussenresultaat)',
    seedModes: { random: 'willekeurige seed, vastgelegd', public: 'publiek getrokken getallen' },
    sources: { digits: 'cijfers 0–9', die: 'zeszijdige dobbelsteen' },
    tickets: (n) => `${n} loten`,
    quotas: 'Quota',
    noQuotas: 'Geen quota.',
    feature: 'Kenmerk',
    value: 'Waarde',
    min: 'Min.',
    max: 'Max.',
    probabilities: 'Selectiekansen',
    mean: 'Gemiddelde',
    gini: 'Gini-coëfficiënt',
    certificate: 'Certificaat',
    certificateText: (bound, gap) => `de kleinste kans kan niet hoger dan ${bound} (verschil ${gap})`,
    noCertificate: 'geen (klassiek algoritme)',
    histogram: 'Verdeling van de kansen',
    histogramCaption: (n) => `Aantal kandidaten per kansklasse (${n} kandidaten).`,
    histogramMissing: 'De kans per kandidaat zit niet in de gegevens van dit verslag: alleen het bereik (kleinste, gemiddelde, grootste) is getekend.',
    panel: (n) => `Het getrokken panel (${n} codes)`,
    panelLeftOut: 'De codes van het getrokken panel zijn op het geaggregeerde niveau weggelaten; het gepseudonimiseerde verslag bevat ze.',
    panelNone: 'Geen panel: deze loting is niet getrokken.',
    verify: 'Zelf nakijken',
    verifyLeximinPublic:
      'Exporteer het gepubliceerde loterijdocument (pagina Selectie, “loterijdocument”) en voer uit, met de hash, de publieke getallen en de codes van het panel hierboven:',
    verifyLeximinRandom:
      'Het lot werd getrokken met de vastgelegde seed (geen publieke getallen): het panel is het lot met dit nummer in het gepubliceerde loterijdocument, waarvan de hash hierboven staat; de opdrachtregel kijkt alleen lotingen met publieke getallen na.',
    verifyLegacy:
      'Het klassieke algoritme heeft geen loterijdocument: met dezelfde invoer (dezelfde hash) en dezelfde seed geeft het hetzelfde panel. Het verloop staat in het auditlog van het bestand; de opdrachtregel kijkt alleen LEXIMIN-loterijen na.',
    codesLeftOut: 'De codes (chosenCodes) staan niet in dit geaggregeerde verslag.',
    empty: 'Er is nog geen loting getrokken: er valt niets na te rekenen.',
  },
  attendance: {
    title: 'Aanwezigheid en vergoedingen',
    perSession: 'Aanwezigheid per sessie',
    session: 'Sessie',
    date: 'Datum',
    attended: 'Aanwezig',
    excused: 'Verontschuldigd',
    absent: 'Afwezig',
    rate: 'Aanwezig %',
    rateNote: 'Aanwezig % is het aandeel aanwezigen van de verwachte leden (aanwezig, verontschuldigd en afwezig samen).',
    matrix: 'Aanwezigheid per lid',
    matrixLegend: '● aanwezig   ○ verontschuldigd   × afwezig   (leeg: niet verwacht)',
    matrixLeftOut: 'De aanwezigheid per persoon is op het geaggregeerde niveau weggelaten.',
    name: 'Naam',
    code: 'Code',
    sessionsAttended: 'Aanwezig',
    noMarks: 'Geen leden verwacht op de gehouden sessies.',
    perDiem: 'Vergoedingen',
    rules: 'Regels',
    fullDay: 'Volle dag',
    halfDay: 'Halve dag',
    travel: 'Reiskosten, per dag aanwezig',
    childcare: 'Kinderopvang, per dag aanwezig (wie het nodig heeft)',
    travelShort: 'Reiskosten',
    childcareShort: 'Kinderopvang',
    perDay: 'per dag',
    thresholdText: (m) => `Wie meer dan ${m} minuten later komt of vroeger vertrekt, krijgt een halve dag.`,
    payments: 'Uitbetalingen',
    fullDays: 'Volle dagen',
    halfDays: 'Halve dagen',
    perDiemAmount: 'Dagvergoeding',
    amount: 'Bedrag',
    paid: 'Vergoede leden',
    totalsOnly: 'Op het geaggregeerde niveau staan alleen de totalen.',
    noPayments: 'Nog geen vergoedingen.',
    empty: 'Er is nog geen sessie gehouden (niemand ingecheckt): er is geen aanwezigheid te rapporteren.',
  },
};

const reportsFr: ReportsLabels = {
  levelField: 'Niveau de confidentialité',
  levels: { full: 'complet', pseudonymised: 'pseudonymisé', aggregate: 'agrégé' },
  levelExplained: {
    full: 'Complet (secrétariat) : avec les noms des participants. Ne pas diffuser.',
    pseudonymised: 'Pseudonymisé : les participants par leur code seulement, sans noms, coordonnées ni adresses.',
    aggregate: 'Agrégé : des nombres et des pourcentages seulement ; une case qui concerne moins de 5 personnes est indiquée « <5 ».',
  },
  suppressedNote: '« <5 » : moins de 5 personnes, non indiqué à ce niveau (et sans barre dans le graphique).',
  notRecorded: 'non enregistré',
  yes: 'oui',
  no: 'non',
  total: 'Total',
  period: 'Période',
  panelSize: 'Taille du panel',
  sessions: (held, planned) => `${held} ${held <= 1 ? 'session tenue' : 'sessions tenues'} sur ${planned}`,
  recommendations: {
    title: 'Recommandations et résultats',
    subtitle: 'Rapport à l’intention des responsables politiques',
    method: 'Méthode',
    selection: 'Sélection',
    selectionText: (o) =>
      `Le panel de ${o.panel} membres a été tiré au sort parmi ${o.pool} personnes qui ont répondu à l’invitation, ` +
      (o.algorithm === 'leximin'
        ? `avec l’algorithme LEXIMIN (version ${o.version}), qui donne à chacun une chance aussi égale que possible dans le respect des quotas`
        : `avec l’algorithme classique (version ${o.version}), qui tire les membres un par un dans le respect des quotas`) +
      ` (${o.quotas} quotas sur ${o.features} ${o.features <= 1 ? 'critère' : 'critères'}). Le rapport d’audit de la sélection donne tout ce qu’il faut pour vérifier le tirage.`,
    selectionNone: 'Le tirage au sort du panel n’est pas enregistré dans ce fichier.',
    sessionsHeading: 'Sessions',
    sessionsText: (held, planned, first, last) => `Le panel s’est réuni ${held} fois (${planned} sessions prévues), du ${first} au ${last}.`,
    sessionsNone: 'Aucune session n’a encore eu lieu.',
    experts: 'Apport des experts',
    expertsText: (total, roles) => `${total} intervenants ont contribué : ${roles}.`,
    expertsNone: 'Aucun intervenant n’est enregistré.',
    balanceIntro: 'Temps de parole par thème, par point de vue :',
    topic: 'Thème',
    perspectives: 'Points de vue (minutes)',
    oneSided: 'un seul point de vue entendu',
    noPerspective: 'point de vue non précisé',
    voting: 'Règles de vote',
    methods: { yesNo: 'pour / contre / abstention', scale: 'échelle de soutien', approval: 'vote par approbation', borda: 'classement (méthode de Borda)', schulze: 'classement (méthode de Schulze)' },
    rule: (rule) => {
      if (rule.method === 'yesNo') {
        const f = thresholdFraction(rule);
        const abst = rule.abstentionsCount ? 'abstentions comprises dans la base' : 'abstentions non comptées';
        if (rule.threshold === 'simpleMajority') return `adoptée s’il y a plus de voix pour que contre (majorité simple ; ${abst})`;
        if (rule.threshold === 'majorityOfPresent') return 'adoptée si plus de la moitié des membres présents votent pour';
        const base = rule.base === 'present' ? 'des membres présents' : `des suffrages exprimés (${abst})`;
        return `adoptée si au moins ${fractionWords.fr(f![0], f![1])} ${base} votent pour`;
      }
      if (rule.method === 'scale') {
        return `adoptée si au moins ${fractionWords.fr(rule.numerator, rule.denominator)} des bulletins valables choisissent l’un des ${rule.supportLevels} niveaux les plus élevés (${rule.levels.slice(0, rule.supportLevels).join(', ')})`;
      }
      if (rule.method === 'approval') return `chaque membre choisit jusqu’à ${rule.maxPicks} propositions ; elles sont classées selon le nombre de choix`;
      return rule.count === 'borda'
        ? 'méthode de Borda : sur chaque bulletin, une option reçoit un point par option classée après elle'
        : 'méthode de Schulze : les options sont classées selon les chemins les plus forts des comparaisons par paires';
    },
    quorum: (n, d, needed, present, met) =>
      `Quorum : ${fractionWords.fr(n, d)} du panel présents (${needed} membres) ; présents : ${present} — ${met ? 'quorum atteint' : 'quorum non atteint, rien n’est adopté'}.`,
    items: (n) => (n <= 1 ? `${n} proposition` : `${n} propositions`),
    results: 'Les recommandations',
    textOnlyIn: (language) => `(texte disponible en ${language.toLocaleLowerCase('fr')} seulement)`,
    answers: { for: 'Pour', against: 'Contre', abstain: 'Abstention', blank: 'Blanc', spoilt: 'Nul' },
    count: 'Nombre',
    share: 'Part',
    answer: 'Vote',
    base: {
      cast: (n) => `Pourcentages des suffrages exprimés (pour + contre) : ${n}.`,
      castWithAbstentions: (n) => `Pourcentages des votes, abstentions comprises : ${n}.`,
      present: (n) => `Pourcentages des membres présents : ${n}.`,
      valid: (n) => `Pourcentages des bulletins valables : ${n}.`,
    },
    abstainNote: 'Abstentions en part de tous les votes, abstentions comprises.',
    threshold: 'Seuil',
    outcome: 'Résultat',
    adopted: 'ADOPTÉE',
    notAdopted: 'NON ADOPTÉE',
    tie: 'ÉGALITÉ — NON ADOPTÉE',
    quorumNotMet: 'NON ADOPTÉE — quorum non atteint',
    support: 'Soutien',
    markerCaption: (fraction) => `seuil : ${fraction}`,
    order: 'Classement',
    rank: 'Rang',
    option: 'Proposition',
    scores: { approval: 'Choix', borda: 'Points', schulze: 'Duels gagnés' },
    winner: 'gagnante',
    winners: (n) => (n <= 1 ? 'Gagnante' : 'Gagnantes'),
    tieInOrder: 'Égalité : les propositions au même rang ont le même soutien.',
    condorcet: (option) => `Gagnante de Condorcet (bat chacune des autres) : ${option}.`,
    papers: (valid, blank, spoilt) => `Bulletins : ${valid} valables, ${blank} blancs, ${spoilt} nuls.`,
    summary: 'Récapitulatif',
    number: 'N°',
    titleColumn: 'Recommandation',
    percentFor: '% pour',
    ranked: (rank) => `rang ${rank}`,
    empty: 'Aucun vote n’a encore été clôturé : il n’y a pas de résultats à présenter.',
  },
  representativeness: {
    title: 'Représentativité',
    intro: 'Par critère : la part dans la population, dans le vivier (les personnes qui ont répondu), dans le panel (membres confirmés) et parmi les présents à la dernière session tenue.',
    totals: 'Totaux',
    pool: 'Vivier (réponses)',
    poolShort: 'Vivier',
    panelShort: 'Panel',
    panel: 'Panel (membres confirmés)',
    presentLast: 'Présents à la dernière session',
    presentAt: (session, date) => `${session}, ${date}`,
    noSessionHeld: 'aucune session tenue',
    funnel: 'De l’invitation à la participation',
    stages: {
      invited: 'Invités',
      responded: 'Ont répondu (vivier)',
      selected: 'Tirés au sort',
      confirmed: 'Confirmés',
      attendedOnce: 'Présents au moins une fois',
      attendedAll: 'Présents à toutes les sessions tenues',
    },
    stage: 'Étape',
    people: 'Personnes',
    ofPrevious: 'de l’étape précédente',
    funnelNote: 'Le nombre d’invitations envoyées n’est pas enregistré dans ce fichier.',
    features: 'Par critère',
    value: 'Valeur',
    population: 'Population',
    present: 'Présents',
    quota: 'Quota (membres)',
    inQuota: 'Dans le quota',
    quotaRange: (min, max) => (min === null && max === null ? '—' : `${min ?? 0}–${max ?? '…'}`),
    sharesNote: 'Parts du total de chaque colonne ; le graphique montre les mêmes parts.',
    empty: 'Aucun critère n’est défini : il n’y a rien à comparer.',
  },
  selectionAudit: {
    title: 'Audit de la sélection',
    intro: 'Tout ce qu’il faut pour vérifier le tirage au sort, pour chaque tirage effectué (ou remplacé) : les données d’entrée, les quotas, l’algorithme, le hasard utilisé et le panel tiré.',
    run: (kind, date) => `${kind === 'panel' ? 'Tirage du panel' : 'Tirage de remplaçants'} — ${date}`,
    statuses: { prepared: 'préparé, non tiré', drawn: 'tiré, en vigueur', superseded: 'remplacé' },
    fields: {
      runId: 'Identifiant du tirage',
      prepared: 'Préparé',
      drawn: 'Tiré',
      status: 'Statut',
      supersededBy: 'Remplacé par',
      reason: 'Motif',
      algorithm: 'Algorithme',
      panelSize: 'Sièges à tirer',
      onePerHousehold: 'Un par ménage',
      candidates: 'Candidats',
      inputHash: 'Empreinte des données (SHA-256)',
      seedMode: 'Hasard',
      seed: 'Graine',
      publicNumbers: 'Nombres publics',
      ticket: 'Billet tiré',
      lotteryHash: 'Empreinte de la loterie publiée',
      lotterySize: 'Billets de la loterie',
      lotterySource: 'Source des nombres',
      maxDeviation: 'Écart maximal dû à l’arrondi',
    },
    by: (when, who) => `${when} par ${who}`,
    algorithms: { leximin: 'LEXIMIN (chances aussi égales que possible)', legacy: 'classique (tirage un par un)' },
    incomplete: 'arrêté par la limite de temps avant la fin (meilleur résultat obtenu)',
    seedModes: { random: 'graine aléatoire, enregistrée', public: 'nombres tirés en public' },
    sources: { digits: 'chiffres 0–9', die: 'dé à six faces' },
    tickets: (n) => `${n} billets`,
    quotas: 'Quotas',
    noQuotas: 'Aucun quota.',
    feature: 'Critère',
    value: 'Valeur',
    min: 'Min.',
    max: 'Max.',
    probabilities: 'Probabilités de sélection',
    mean: 'Moyenne',
    gini: 'Coefficient de Gini',
    certificate: 'Certificat',
    certificateText: (bound, gap) => `la plus petite probabilité ne peut dépasser ${bound} (écart ${gap})`,
    noCertificate: 'aucun (algorithme classique)',
    histogram: 'Répartition des probabilités',
    histogramCaption: (n) => `Nombre de candidats par classe de probabilité (${n} candidats).`,
    histogramMissing: 'La probabilité de chaque candidat ne figure pas dans les données de ce rapport : seule l’étendue (minimum, moyenne, maximum) est dessinée.',
    panel: (n) => `Le panel tiré (${n} codes)`,
    panelLeftOut: 'Les codes du panel tiré sont omis au niveau agrégé ; le rapport pseudonymisé les contient.',
    panelNone: 'Pas de panel : ce tirage n’a pas été effectué.',
    verify: 'Vérifier soi-même',
    verifyLeximinPublic:
      'Exportez le document de loterie publié (page Sélection, « document de loterie ») et lancez, avec l’empreinte, les nombres publics et les codes du panel ci-dessus :',
    verifyLeximinRandom:
      'Le billet a été tiré avec la graine enregistrée (pas de nombres publics) : le panel est le billet de ce numéro dans le document de loterie publié, dont l’empreinte figure ci-dessus ; la ligne de commande ne vérifie que les tirages à nombres publics.',
    verifyLegacy:
      'L’algorithme classique n’a pas de document de loterie : avec les mêmes données (la même empreinte) et la même graine, il donne le même panel. Le déroulement figure dans le journal d’audit du fichier ; la ligne de commande ne vérifie que les loteries LEXIMIN.',
    codesLeftOut: 'Les codes (chosenCodes) ne figurent pas dans ce rapport agrégé.',
    empty: 'Aucun tirage au sort n’a encore eu lieu : il n’y a rien à vérifier.',
  },
  attendance: {
    title: 'Présences et indemnités',
    perSession: 'Présences par session',
    session: 'Session',
    date: 'Date',
    attended: 'Présents',
    excused: 'Excusés',
    absent: 'Absents',
    rate: '% présents',
    rateNote: 'Le % de présents est la part des présents parmi les membres attendus (présents, excusés et absents).',
    matrix: 'Présences par membre',
    matrixLegend: '● présent   ○ excusé   × absent   (vide : non attendu)',
    matrixLeftOut: 'Les présences par personne sont omises au niveau agrégé.',
    name: 'Nom',
    code: 'Code',
    sessionsAttended: 'Présences',
    noMarks: 'Aucun membre attendu aux sessions tenues.',
    perDiem: 'Indemnités',
    rules: 'Règles',
    fullDay: 'Journée complète',
    halfDay: 'Demi-journée',
    travel: 'Frais de déplacement, par jour de présence',
    childcare: 'Garde d’enfants, par jour de présence (si nécessaire)',
    travelShort: 'Déplacement',
    childcareShort: 'Garde d’enfants',
    perDay: 'par jour',
    thresholdText: (m) => `Arriver plus de ${m} minutes en retard ou partir plus tôt donne une demi-journée.`,
    payments: 'Paiements',
    fullDays: 'Journées',
    halfDays: 'Demi-journées',
    perDiemAmount: 'Indemnité',
    amount: 'Montant',
    paid: 'Membres indemnisés',
    totalsOnly: 'Au niveau agrégé, seuls les totaux sont indiqués.',
    noPayments: 'Pas encore d’indemnités.',
    empty: 'Aucune session n’a encore eu lieu (personne n’a été enregistré) : il n’y a pas de présences à présenter.',
  },
};

const reportsEn: ReportsLabels = {
  levelField: 'Privacy level',
  levels: { full: 'full', pseudonymised: 'pseudonymised', aggregate: 'aggregate' },
  levelExplained: {
    full: 'Full (secretariat): with the participants’ names. Do not circulate.',
    pseudonymised: 'Pseudonymised: participants by their code only, without names, contacts or addresses.',
    aggregate: 'Aggregate: counts and percentages only; a cell describing fewer than 5 people is shown as “<5”.',
  },
  suppressedNote: '“<5”: fewer than 5 people, not shown at this level (and no bar in the chart).',
  notRecorded: 'not recorded',
  yes: 'yes',
  no: 'no',
  total: 'Total',
  period: 'Period',
  panelSize: 'Panel size',
  sessions: (held, planned) => `${held} of ${planned} ${planned === 1 ? 'session' : 'sessions'} held`,
  recommendations: {
    title: 'Recommendations and results',
    subtitle: 'Report for policymakers',
    method: 'Method',
    selection: 'Selection',
    selectionText: (o) =>
      `The panel of ${o.panel} members was drawn by lot from ${o.pool} people who answered the invitation, ` +
      (o.algorithm === 'leximin'
        ? `with the LEXIMIN algorithm (version ${o.version}), which gives everyone as equal a chance as the quotas allow`
        : `with the classic algorithm (version ${o.version}), which draws the members one by one within the quotas`) +
      ` (${o.quotas} quotas on ${o.features} ${o.features === 1 ? 'feature' : 'features'}). The selection audit report holds everything needed to check the draw.`,
    selectionNone: 'The draw of the panel is not recorded in this file.',
    sessionsHeading: 'Sessions',
    sessionsText: (held, planned, first, last) => `The panel met ${held} ${held === 1 ? 'time' : 'times'} (${planned} sessions planned), from ${first} to ${last}.`,
    sessionsNone: 'No session has been held yet.',
    experts: 'Expert input',
    expertsText: (total, roles) => `${total} speakers and guests contributed: ${roles}.`,
    expertsNone: 'No speakers or guests are recorded.',
    balanceIntro: 'Speaking time per topic, by perspective:',
    topic: 'Topic',
    perspectives: 'Perspectives (minutes)',
    oneSided: 'one perspective only',
    noPerspective: 'no perspective given',
    voting: 'Voting rules',
    methods: { yesNo: 'for / against / abstain', scale: 'support scale', approval: 'approval vote', borda: 'ranking (Borda count)', schulze: 'ranking (Schulze method)' },
    rule: (rule) => {
      if (rule.method === 'yesNo') {
        const f = thresholdFraction(rule);
        const abst = rule.abstentionsCount ? 'abstentions count in the base' : 'abstentions not counted';
        if (rule.threshold === 'simpleMajority') return `adopted with more votes for than against (simple majority; ${abst})`;
        if (rule.threshold === 'majorityOfPresent') return 'adopted when more than half of the members present vote for';
        const base = rule.base === 'present' ? 'the members present' : `the votes cast (${abst})`;
        return `adopted when at least ${fractionWords.en(f![0], f![1])} of ${base} vote for`;
      }
      if (rule.method === 'scale') {
        return `adopted when at least ${fractionWords.en(rule.numerator, rule.denominator)} of the valid papers choose one of the top ${rule.supportLevels} levels (${rule.levels.slice(0, rule.supportLevels).join(', ')})`;
      }
      if (rule.method === 'approval') return `each member picks up to ${rule.maxPicks} proposals; they are ranked by the number of picks`;
      return rule.count === 'borda'
        ? 'Borda count: on each paper an option gets one point per option ranked below it'
        : 'Schulze method: options are ordered by the strongest paths in the pairwise comparisons';
    },
    quorum: (n, d, needed, present, met) =>
      `Quorum: ${fractionWords.en(n, d)} of the panel present (${needed} members); present: ${present} — ${met ? 'quorum met' : 'quorum not met, nothing is adopted'}.`,
    items: (n) => (n === 1 ? '1 proposal' : `${n} proposals`),
    results: 'The recommendations',
    textOnlyIn: (language) => `(text available in ${language} only)`,
    answers: { for: 'For', against: 'Against', abstain: 'Abstain', blank: 'Blank', spoilt: 'Spoilt' },
    count: 'Count',
    share: 'Share',
    answer: 'Vote',
    base: {
      cast: (n) => `Percentages of the votes cast (for + against): ${n}.`,
      castWithAbstentions: (n) => `Percentages of the votes cast, abstentions included: ${n}.`,
      present: (n) => `Percentages of the members present: ${n}.`,
      valid: (n) => `Percentages of the valid papers: ${n}.`,
    },
    abstainNote: 'Abstentions as a share of all votes, abstentions included.',
    threshold: 'Threshold',
    outcome: 'Outcome',
    adopted: 'ADOPTED',
    notAdopted: 'NOT ADOPTED',
    tie: 'TIE — NOT ADOPTED',
    quorumNotMet: 'NOT ADOPTED — quorum not met',
    support: 'Support',
    markerCaption: (fraction) => `threshold: ${fraction}`,
    order: 'Order',
    rank: 'Rank',
    option: 'Proposal',
    scores: { approval: 'Picks', borda: 'Points', schulze: 'Pairwise wins' },
    winner: 'winner',
    winners: (n) => (n === 1 ? 'Winner' : 'Winners'),
    tieInOrder: 'Tie: proposals at the same rank have the same support.',
    condorcet: (option) => `Condorcet winner (beats every other proposal): ${option}.`,
    papers: (valid, blank, spoilt) => `Papers: ${valid} valid, ${blank} blank, ${spoilt} spoilt.`,
    summary: 'Summary',
    number: 'No.',
    titleColumn: 'Recommendation',
    percentFor: '% for',
    ranked: (rank) => `ranked ${rank}`,
    empty: 'No ballot has been finalised yet: there are no results to report.',
  },
  representativeness: {
    title: 'Representativeness',
    intro: 'Per feature: the share in the population, in the pool (those who answered), in the panel (confirmed members) and among those present at the last session held.',
    totals: 'Totals',
    pool: 'Pool (respondents)',
    poolShort: 'Pool',
    panelShort: 'Panel',
    panel: 'Panel (confirmed members)',
    presentLast: 'Present at the last session',
    presentAt: (session, date) => `${session}, ${date}`,
    noSessionHeld: 'no session held yet',
    funnel: 'From invitation to attendance',
    stages: {
      invited: 'Invited',
      responded: 'Responded (pool)',
      selected: 'Selected by lot',
      confirmed: 'Confirmed',
      attendedOnce: 'Attended at least once',
      attendedAll: 'Attended every session held',
    },
    stage: 'Stage',
    people: 'People',
    ofPrevious: 'of the previous stage',
    funnelNote: 'The number of invitations sent is not recorded in this file.',
    features: 'Per feature',
    value: 'Value',
    population: 'Population',
    present: 'Present',
    quota: 'Quota (members)',
    inQuota: 'Within quota',
    quotaRange: (min, max) => (min === null && max === null ? '—' : `${min ?? 0}–${max ?? '…'}`),
    sharesNote: 'Shares of each column’s total; the chart shows the same shares.',
    empty: 'No features are defined: there is nothing to compare.',
  },
  selectionAudit: {
    title: 'Selection audit',
    intro: 'Everything needed to check the lottery, for every draw made (or superseded): the input, the quotas, the algorithm, the randomness used and the panel drawn.',
    run: (kind, date) => `${kind === 'panel' ? 'Panel draw' : 'Replacement draw'} — ${date}`,
    statuses: { prepared: 'prepared, not drawn', drawn: 'drawn, in force', superseded: 'superseded' },
    fields: {
      runId: 'Run identifier',
      prepared: 'Prepared',
      drawn: 'Drawn',
      status: 'Status',
      supersededBy: 'Superseded by',
      reason: 'Reason',
      algorithm: 'Algorithm',
      panelSize: 'Seats to draw',
      onePerHousehold: 'One per household',
      candidates: 'Candidates',
      inputHash: 'Input hash (SHA-256)',
      seedMode: 'Randomness',
      seed: 'Seed',
      publicNumbers: 'Public numbers',
      ticket: 'Ticket drawn',
      lotteryHash: 'Published lottery hash',
      lotterySize: 'Tickets in the lottery',
      lotterySource: 'Source of the numbers',
      maxDeviation: 'Largest deviation from rounding',
    },
    by: (when, who) => `${when} by ${who}`,
    algorithms: { leximin: 'LEXIMIN (chances as equal as possible)', legacy: 'classic (draws one by one)' },
    incomplete: 'stopped by the time limit before it finished (best result so far)',
    seedModes: { random: 'random seed, recorded', public: 'numbers drawn in public' },
    sources: { digits: 'digits 0–9', die: 'six-sided die' },
    tickets: (n) => `${n} tickets`,
    quotas: 'Quotas',
    noQuotas: 'No quotas.',
    feature: 'Feature',
    value: 'Value',
    min: 'Min.',
    max: 'Max.',
    probabilities: 'Selection probabilities',
    mean: 'Mean',
    gini: 'Gini coefficient',
    certificate: 'Certificate',
    certificateText: (bound, gap) => `the smallest probability cannot exceed ${bound} (gap ${gap})`,
    noCertificate: 'none (classic algorithm)',
    histogram: 'Distribution of the probabilities',
    histogramCaption: (n) => `Candidates per probability class (${n} candidates).`,
    histogramMissing: 'The probability of each candidate is not in this report’s data: only the range (smallest, mean, largest) is drawn.',
    panel: (n) => `The panel drawn (${n} codes)`,
    panelLeftOut: 'The codes of the panel drawn are left out at the aggregate level; the pseudonymised report lists them.',
    panelNone: 'No panel: this run was not drawn.',
    verify: 'Check it yourself',
    verifyLeximinPublic:
      'Export the published lottery document (Selection page, “lottery document”) and run, with the hash, the public numbers and the panel’s codes above:',
    verifyLeximinRandom:
      'The ticket was drawn with the recorded seed (no public numbers): the panel is the ticket of this number in the published lottery document, whose hash is above; the command line checks draws with public numbers only.',
    verifyLegacy:
      'The classic algorithm has no lottery document: with the same input (the same hash) and the same seed it draws the same panel. The steps are in the file’s audit log; the command line checks LEXIMIN lotteries only.',
    codesLeftOut: 'The codes (chosenCodes) are not in this aggregate report.',
    empty: 'No lottery has been drawn yet: there is nothing to audit.',
  },
  attendance: {
    title: 'Attendance and per-diem',
    perSession: 'Attendance per session',
    session: 'Session',
    date: 'Date',
    attended: 'Present',
    excused: 'Excused',
    absent: 'Absent',
    rate: '% present',
    rateNote: '% present is the share present of the members expected (present, excused and absent together).',
    matrix: 'Attendance per member',
    matrixLegend: '● present   ○ excused   × absent   (empty: not expected)',
    matrixLeftOut: 'Attendance per person is left out at the aggregate level.',
    name: 'Name',
    code: 'Code',
    sessionsAttended: 'Attended',
    noMarks: 'No member was expected at the sessions held.',
    perDiem: 'Per-diem',
    rules: 'Rules',
    fullDay: 'Full day',
    halfDay: 'Half day',
    travel: 'Travel, per day attended',
    childcare: 'Childcare, per day attended (for those who need it)',
    travelShort: 'Travel',
    childcareShort: 'Childcare',
    perDay: 'per day',
    thresholdText: (m) => `Arriving more than ${m} minutes late or leaving that much earlier makes the day a half day.`,
    payments: 'Payments',
    fullDays: 'Full days',
    halfDays: 'Half days',
    perDiemAmount: 'Per-diem',
    amount: 'Amount',
    paid: 'Members paid',
    totalsOnly: 'At the aggregate level only the totals are shown.',
    noPayments: 'No payments yet.',
    empty: 'No session has been held yet (nobody has checked in): there is no attendance to report.',
  },
};

const nl: ReportLabels = {
  locale: 'nl-BE',
  report: nlReport,
  reports: reportsNl,
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
  report: frReport,
  reports: reportsFr,
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
  report: enReport,
  reports: reportsEn,
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
