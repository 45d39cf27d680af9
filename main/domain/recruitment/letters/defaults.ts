/**
 * The texts a new assembly starts with, per kind and language, and the fixed words printed
 * around them (the reply card, the date line). The organisers edit the texts on the Letters
 * screen; the fixed words are here rather than in the report words (renderer/i18n/report.*.json)
 * because letters also go out in German, which the app's screens and reports do not have.
 *
 * French typography: a narrow no-break space (U+202F) before ; : ? and ! as French prints them.
 */
import type { LetterKind, LetterLanguage, LetterText } from './types';

const NNBSP = '\u202f';
const fr = (s: string): string => s.replace(/ ([;:?!])/g, `${NNBSP}$1`);

export const DEFAULT_TEXTS: Record<LetterKind, Record<LetterLanguage, LetterText>> = {
  invitation: {
    nl: {
      subject: 'Uitnodiging: neem deel aan {assembly}',
      body: `Beste {name}

Uw adres is door loting gekozen uit het bevolkingsregister. Daarom nodigen wij u uit om deel te nemen aan {assembly}: een groep inwoners die samen een vraag over onze samenleving bespreekt en aanbevelingen schrijft voor de beleidsmakers.

U hebt geen voorkennis nodig. Elke stem telt, ook als u nog nooit aan zoiets hebt deelgenomen. Deelnemers krijgen een vergoeding voor hun tijd en hun verplaatsing. Hebt u kinderopvang of andere ondersteuning nodig, laat het ons weten.

Wilt u meedoen? Antwoord ten laatste op {deadline}: vul de antwoordkaart onderaan in en stuur ze terug in de bijgevoegde omslag, of bel ons met uw persoonlijke code {code}. Onder wie ja antwoordt, loten we daarna een groep die de bevolking weerspiegelt. U hoort in elk geval van ons.

Hebt u vragen? Neem contact op met {contact}.

Met vriendelijke groeten`,
    },
    fr: {
      subject: 'Invitation : participez à {assembly}',
      body: fr(`Bonjour {name},

Votre adresse a été tirée au sort dans le registre de la population. Nous vous invitons donc à participer à {assembly} : un groupe d’habitantes et d’habitants qui examinent ensemble une question de société et rédigent des recommandations à l’intention des responsables politiques.

Aucune connaissance préalable n’est nécessaire. Chaque voix compte, même si vous n’avez jamais participé à une telle démarche. Les participants reçoivent une indemnité pour leur temps et leurs déplacements. Si vous avez besoin d’une garde d’enfants ou d’un autre soutien, dites-le-nous.

Vous souhaitez participer ? Répondez au plus tard le {deadline} : remplissez le coupon-réponse ci-dessous et renvoyez-le dans l’enveloppe jointe, ou appelez-nous en indiquant votre code personnel {code}. Parmi les personnes qui répondent oui, nous tirerons ensuite au sort un groupe qui reflète la population. Vous aurez de nos nouvelles dans tous les cas.

Des questions ? Contactez-nous : {contact}.

Avec nos salutations les meilleures,`),
    },
    de: {
      subject: 'Einladung: Nehmen Sie an {assembly} teil',
      body: `Guten Tag {name},

Ihre Adresse wurde per Los aus dem Einwohnerregister gezogen. Deshalb laden wir Sie ein, an {assembly} teilzunehmen: einer Gruppe von Bürgerinnen und Bürgern, die gemeinsam eine gesellschaftliche Frage berät und Empfehlungen an die Politik formuliert.

Vorkenntnisse sind nicht nötig. Jede Stimme zählt, auch wenn Sie noch nie an so etwas teilgenommen haben. Die Teilnehmenden erhalten eine Entschädigung für ihre Zeit und ihre Fahrtkosten. Wenn Sie eine Kinderbetreuung oder andere Unterstützung brauchen, sagen Sie es uns.

Möchten Sie mitmachen? Antworten Sie bitte bis zum {deadline}: Füllen Sie die Antwortkarte unten aus und senden Sie sie im beiliegenden Umschlag zurück, oder rufen Sie uns an und nennen Sie Ihren persönlichen Code {code}. Unter allen, die mit Ja antworten, losen wir anschließend eine Gruppe aus, die die Bevölkerung widerspiegelt. Sie hören in jedem Fall von uns.

Haben Sie Fragen? Kontakt: {contact}.

Mit freundlichen Grüßen`,
    },
    en: {
      subject: 'Invitation: take part in {assembly}',
      body: `Dear {name},

Your address was drawn by lot from the population register. We therefore invite you to take part in {assembly}: a group of residents who discuss a question about our society together and write recommendations for the policymakers.

You need no prior knowledge. Every voice counts, even if you have never taken part in anything like this. Participants receive an allowance for their time and travel. If you need childcare or other support, let us know.

Would you like to take part? Answer by {deadline}: fill in the reply card below and send it back in the enclosed envelope, or call us with your personal code {code}. Among those who answer yes, we will then draw by lot a group that reflects the population. You will hear from us in any case.

Any questions? Contact {contact}.

Kind regards,`,
    },
  },
  reminder: {
    nl: {
      subject: 'Herinnering: uw uitnodiging voor {assembly}',
      body: `Beste {name}

Enkele weken geleden nodigden wij u uit om deel te nemen aan {assembly}. Wij hebben uw antwoord nog niet ontvangen. Misschien is onze brief verloren gegaan, of had u nog geen tijd om te antwoorden.

Uw stem is belangrijk: hoe meer mensen antwoorden, hoe beter de groep de hele bevolking weerspiegelt. Ook als u niet wilt deelnemen, helpt uw antwoord ons.

Antwoord ten laatste op {deadline}: vul de antwoordkaart onderaan in en stuur ze terug, of bel ons met uw persoonlijke code {code}. Hebt u intussen al geantwoord? Dan mag u deze brief als onbestaande beschouwen.

Hebt u vragen? Neem contact op met {contact}.

Met vriendelijke groeten`,
    },
    fr: {
      subject: 'Rappel : votre invitation à {assembly}',
      body: fr(`Bonjour {name},

Il y a quelques semaines, nous vous avons invité(e) à participer à {assembly}. Nous n’avons pas encore reçu votre réponse. Notre lettre s’est peut-être perdue, ou vous n’avez pas encore eu le temps de répondre.

Votre réponse compte : plus nombreuses sont les personnes qui répondent, mieux le groupe reflète l’ensemble de la population. Même si vous ne souhaitez pas participer, votre réponse nous aide.

Répondez au plus tard le {deadline} : remplissez le coupon-réponse ci-dessous et renvoyez-le, ou appelez-nous en indiquant votre code personnel {code}. Si vous avez déjà répondu entre-temps, veuillez ne pas tenir compte de cette lettre.

Des questions ? Contactez-nous : {contact}.

Avec nos salutations les meilleures,`),
    },
    de: {
      subject: 'Erinnerung: Ihre Einladung zu {assembly}',
      body: `Guten Tag {name},

vor einigen Wochen haben wir Sie eingeladen, an {assembly} teilzunehmen. Ihre Antwort haben wir noch nicht erhalten. Vielleicht ist unser Brief verloren gegangen, oder Sie hatten noch keine Zeit zu antworten.

Ihre Antwort ist wichtig: Je mehr Menschen antworten, desto besser spiegelt die Gruppe die ganze Bevölkerung wider. Auch wenn Sie nicht teilnehmen möchten, hilft uns Ihre Antwort.

Antworten Sie bitte bis zum {deadline}: Füllen Sie die Antwortkarte unten aus und senden Sie sie zurück, oder rufen Sie uns an und nennen Sie Ihren persönlichen Code {code}. Haben Sie inzwischen schon geantwortet? Dann betrachten Sie dieses Schreiben bitte als gegenstandslos.

Haben Sie Fragen? Kontakt: {contact}.

Mit freundlichen Grüßen`,
    },
    en: {
      subject: 'Reminder: your invitation to {assembly}',
      body: `Dear {name},

A few weeks ago we invited you to take part in {assembly}. We have not received your answer yet. Perhaps our letter went astray, or you have not had time to answer.

Your answer matters: the more people answer, the better the group reflects the whole population. Even if you do not wish to take part, your answer helps us.

Answer by {deadline}: fill in the reply card below and send it back, or call us with your personal code {code}. If you have answered in the meantime, please disregard this letter.

Any questions? Contact {contact}.

Kind regards,`,
    },
  },
};

/** The fixed words of a letter in one language. */
export interface LetterWords {
  /** The date line's place before the date ("Brussel, 7 december 2026" has none here: the date alone). */
  cardTitle: string;
  cardReturn: string;
  code: string;
  yes: string;
  no: string;
  questions: string;
  consent: string;
  signature: string;
  cut: string;
  /** When no deadline is set yet. */
  noDeadline: string;
  /** For the reminder: printed above the card. */
  reminderTitle: string;
  other: string;
  page: string;
}

export const LETTER_WORDS: Record<LetterLanguage, LetterWords> = {
  nl: {
    cardTitle: 'Antwoordkaart',
    cardReturn: 'Terugsturen vóór {deadline} in de bijgevoegde omslag.',
    code: 'Uw code',
    yes: 'Ja, ik wil graag deelnemen.',
    no: 'Nee, ik wil niet deelnemen.',
    questions: 'Zodat de groep de bevolking weerspiegelt:',
    consent: 'Ik ga ermee akkoord dat mijn antwoorden gebruikt worden om de groep te loten en om mij daarover te contacteren. Mijn gegevens worden gewist wanneer de werving afloopt.',
    signature: 'Datum en handtekening',
    cut: 'Hier afknippen',
    noDeadline: '(datum volgt)',
    reminderTitle: 'Herinnering',
    other: 'anders',
    page: 'pagina',
  },
  fr: {
    cardTitle: 'Coupon-réponse',
    cardReturn: `À renvoyer avant le {deadline} dans l’enveloppe jointe.`,
    code: 'Votre code',
    yes: 'Oui, je souhaite participer.',
    no: 'Non, je ne souhaite pas participer.',
    questions: `Pour que le groupe reflète la population${NNBSP}:`,
    consent: 'J’accepte que mes réponses servent au tirage au sort du groupe et que l’on me contacte à ce sujet. Mes données sont effacées à la fin du recrutement.',
    signature: 'Date et signature',
    cut: 'Découper ici',
    noDeadline: '(date à préciser)',
    reminderTitle: 'Rappel',
    other: 'autre',
    page: 'page',
  },
  de: {
    cardTitle: 'Antwortkarte',
    cardReturn: 'Bitte bis zum {deadline} im beiliegenden Umschlag zurücksenden.',
    code: 'Ihr Code',
    yes: 'Ja, ich möchte teilnehmen.',
    no: 'Nein, ich möchte nicht teilnehmen.',
    questions: 'Damit die Gruppe die Bevölkerung widerspiegelt:',
    consent: 'Ich bin einverstanden, dass meine Antworten für die Auslosung der Gruppe verwendet werden und dass man mich dazu kontaktiert. Meine Daten werden gelöscht, wenn die Anwerbung endet.',
    signature: 'Datum und Unterschrift',
    cut: 'Hier abtrennen',
    noDeadline: '(Datum folgt)',
    reminderTitle: 'Erinnerung',
    other: 'anderes',
    page: 'Seite',
  },
  en: {
    cardTitle: 'Reply card',
    cardReturn: 'Return by {deadline} in the enclosed envelope.',
    code: 'Your code',
    yes: 'Yes, I would like to take part.',
    no: 'No, I do not wish to take part.',
    questions: 'So that the group reflects the population:',
    consent: 'I agree that my answers are used to draw the group by lot and that I am contacted about it. My data are erased when recruitment closes.',
    signature: 'Date and signature',
    cut: 'Cut here',
    noDeadline: '(date to follow)',
    reminderTitle: 'Reminder',
    other: 'other',
    page: 'page',
  },
};

const LOCALES: Record<LetterLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

const formatters = new Map<LetterLanguage, Intl.DateTimeFormat>();
const written = new Map<string, string>();

/**
 * A date (YYYY-MM-DD) written out as the language writes it: "15 januari 2027", "15 janvier
 * 2027", "15. Januar 2027". Remembered: a mailing writes the same two dates thousands of times,
 * and making a DateTimeFormat costs more than laying out a line of text.
 */
export function longDate(isoDate: string, lang: LetterLanguage): string {
  const key = `${lang}/${isoDate}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  let format = formatters.get(lang);
  if (!format) {
    // Formatted in UTC at noon: the same calendar day in every time zone.
    format = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, format);
  }
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const text = format.format(new Date(Date.UTC(y, m - 1, d, 12)));
  if (written.size > 1000) written.clear();
  written.set(key, text);
  return text;
}
