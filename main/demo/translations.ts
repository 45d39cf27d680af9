/**
 * The demo's public texts in Dutch and French (the base texts are English): its reports and
 * screens are bilingual like a Belgian assembly's. Matched by base text, so the generator's
 * wording stays in one place.
 */
import type { Db } from '../../db/connection';
import { publicTextRows, writeTranslation } from '../../db/translations';

/** English base text -> [Dutch, French]. */
const WORDS: Record<string, [string, string]> = {
  'We Need to Talk — Party Funding (demo)': ['We moeten praten — partijfinanciering (demo)', 'Il faut qu’on parle — financement des partis (démo)'],
  'Recommendations on party funding': ['Aanbevelingen over partijfinanciering', 'Recommandations sur le financement des partis'],
  'In favour of public funding': ['Voor publieke financiering', 'Favorable au financement public'],
  'Critical of public funding': ['Kritisch over publieke financiering', 'Critique envers le financement public'],
  'Neutral / academic': ['Neutraal / academisch', 'Neutre / académique'],
  'Party funding': ['Partijfinanciering', 'Financement des partis'],
  Transparency: ['Transparantie', 'Transparence'],
  'Welcome and the day ahead': ['Welkom en het programma van de dag', 'Accueil et programme de la journée'],
  'How Belgian parties are funded today': ['Hoe Belgische partijen vandaag gefinancierd worden', 'Comment les partis belges sont financés aujourd’hui'],
  'Questions to the expert': ['Vragen aan de deskundige', 'Questions à l’expert'],
  'Should the state fund parties?': ['Moet de staat partijen financieren?', 'L’État doit-il financer les partis ?'],
  Coffee: ['Koffie', 'Café'],
  'Small-group deliberation': ['Beraadslaging in kleine groepen', 'Délibération en petits groupes'],
  Lunch: ['Lunch', 'Déjeuner'],
  "Party leaders' hearing": ['Hoorzitting met partijvoorzitters', 'Audition des présidents de parti'],
  'Vote on the recommendations': ['Stemming over de aanbevelingen', 'Vote sur les recommandations'],
  'Plenary: what the groups found': ['Plenaire zitting: wat de groepen vonden', 'Séance plénière : ce que les groupes ont trouvé'],
  'Court of Audit': ['Rekenhof', 'Cour des comptes'],
  'Facilitation team': ['Begeleidingsteam', 'Équipe d’animation'],
  'Party A': ['Partij A', 'Parti A'],
  'Party B': ['Partij B', 'Parti B'],
  Gender: ['Gender', 'Genre'],
  female: ['vrouw', 'femme'],
  male: ['man', 'homme'],
  other: ['anders', 'autre'],
  'Age band': ['Leeftijdsgroep', 'Tranche d’âge'],
  Region: ['Gewest', 'Région'],
  Flanders: ['Vlaanderen', 'Flandre'],
  Wallonia: ['Wallonië', 'Wallonie'],
  Brussels: ['Brussel', 'Bruxelles'],
  Province: ['Provincie', 'Province'],
  Antwerp: ['Antwerpen', 'Anvers'],
  'East Flanders': ['Oost-Vlaanderen', 'Flandre-Orientale'],
  'West Flanders': ['West-Vlaanderen', 'Flandre-Occidentale'],
  'Flemish Brabant': ['Vlaams-Brabant', 'Brabant flamand'],
  Limburg: ['Limburg', 'Limbourg'],
  Hainaut: ['Henegouwen', 'Hainaut'],
  Liège: ['Luik', 'Liège'],
  Namur: ['Namen', 'Namur'],
  'Walloon Brabant': ['Waals-Brabant', 'Brabant wallon'],
  Luxembourg: ['Luxemburg', 'Luxembourg'],
  'Brussels-Capital': ['Brussels Hoofdstedelijk Gewest', 'Bruxelles-Capitale'],
  Education: ['Opleiding', 'Formation'],
  low: ['laag', 'faible'],
  medium: ['middelmatig', 'moyenne'],
  high: ['hoog', 'élevée'],
  Language: ['Taal', 'Langue'],
  NL: ['Nederlands', 'néerlandais'],
  FR: ['Frans', 'français'],
  DE: ['Duits', 'allemand'],
  '16-24': ['16-24 jaar', '16-24 ans'],
  '25-34': ['25-34 jaar', '25-34 ans'],
  '35-44': ['35-44 jaar', '35-44 ans'],
  '45-54': ['45-54 jaar', '45-54 ans'],
  '55-64': ['55-64 jaar', '55-64 ans'],
  '65+': ['65 jaar en ouder', '65 ans et plus'],
  // Names that stay as they are: written as their own translation, so nothing is listed as missing.
  'KU Leuven': ['KU Leuven', 'KU Leuven'],
  'Université libre de Bruxelles': ['Université libre de Bruxelles', 'Université libre de Bruxelles'],
  'Transparency International Belgium': ['Transparency International België', 'Transparency International Belgique'],
};

const DAYS: Record<string, [string, string]> = { Saturday: ['zaterdag', 'samedi'], Sunday: ['zondag', 'dimanche'] };

/** "Weekend 2 — Sunday" -> "Weekend 2 — zondag" / "Week-end 2 — dimanche". */
function sessionName(base: string): [string, string] | null {
  const m = /^Weekend (\d+) — (\w+)$/.exec(base);
  const day = m ? DAYS[m[2]!] : undefined;
  return m && day ? [`Weekend ${m[1]} — ${day[0]}`, `Week-end ${m[1]} — ${day[1]}`] : null;
}

/**
 * Writes the Dutch and French of every demo text it knows. Ballot item titles and rationales
 * come with the ballot (`items`: id -> [nl, fr] per field).
 */
export function translateDemo(db: Db, at: string, items: Map<string, { title?: [string, string]; rationale?: [string, string] }> = new Map()): number {
  let written = 0;
  for (const row of publicTextRows(db)) {
    const pair = row.kind === 'session' ? sessionName(row.base) : row.kind === 'ballotItem' ? items.get(row.entityId)?.[row.field as 'title' | 'rationale'] : WORDS[row.base];
    if (!pair) continue;
    (['nl', 'fr'] as const).forEach((language, i) => {
      writeTranslation(db, { kind: row.kind, entityId: row.entityId, field: row.field, language, text: pair[i]! }, at);
      written++;
    });
  }
  return written;
}
