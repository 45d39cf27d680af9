/**
 * A respondent-pool file as a Belgian office exports it: semicolons, Windows-1252, CRLF,
 * Dutch headers, accented names, a respondent id, eleven personal columns and four features.
 * Deterministic (a small seeded generator), so every run measures the same bytes.
 */
const FIRST = ['Élodie', 'Noël', 'Zoë', 'Mehmet', 'Anke', 'François', 'Lotte', 'Jérôme', 'Inès', 'Bart', 'Aïcha', 'Luc', 'Sofie', 'Hélène', 'Wout',
  'Fatima', 'Jan', 'Marie', 'Pieter', 'Nathalie', 'Youssef', 'Emma', 'Louis', 'Lucas', 'Léa', 'Arthur', 'Olivia', 'Anaïs', 'Ruben', 'Jana'];
const LAST = ['Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambert', 'Çelik', 'Claes', 'Lefèvre', 'Wouters', 'Dupont', 'Mertens', 'Willems',
  'Goossens', 'Jacobs', 'Vermeulen', 'Martin', 'Simon', 'Laurent', 'Renard', 'Leroy', 'Yilmaz', 'El Amrani', 'Nowak', 'Rossi', 'De Smet', 'Van Damme'];
const SUFFIX = ['', 's', 'ens', 'man', 'aert', 'ckx', 'ier', 'eau', 'mans', 'ssen', 'ez', 'oglu', 'ic', 'elle', 'ot', 'in', 'ard', 'ère'];
const STREETS = ['Kerkstraat', 'Rue de la Loi', 'Stationsstraat', 'Chaussée de Wavre', 'Dorpsstraat', 'Avenue Louise', 'Veldstraat'];
const CITIES = [
  ['2000', 'Antwerpen', 'Antwerpen'],
  ['9000', 'Gent', 'Oost-Vlaanderen'],
  ['1000', 'Bruxelles', 'Brussel'],
  ['4000', 'Liège', 'Luik'],
  ['5000', 'Namur', 'Namen'],
  ['3000', 'Leuven', 'Vlaams-Brabant'],
] as const;

export const POOL_HEADER = [
  'Respondent',
  'Voornaam',
  'Naam',
  'E-mail',
  'GSM',
  'Straat',
  'Huisnummer',
  'Postcode',
  'Gemeente',
  'Geboortejaar',
  'Taal',
  'Geslacht',
  'Provincie',
  'Opleiding',
  'Opmerkingen',
];

export function poolCsv(rows: number, seed = 1): Buffer {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: fast, good enough for test data
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const lines = [POOL_HEADER.join(';')];
  for (let i = 0; i < rows; i++) {
    const [postcode, city, province] = pick(CITIES);
    // Surnames from two parts ("Peeters-Çelik", "Maesclaes"): thousands of distinct names, so
    // name + birth year matches stay as rare as in a real pool.
    const first = pick(FIRST);
    const last = next() < 0.5 ? `${pick(LAST)}-${pick(LAST)}` : `${pick(LAST)}${pick(SUFFIX)}`;
    lines.push(
      [
        `R${100000 + i}`,
        first,
        last,
        `r${i}@example.be`,
        `04${70 + (i % 30)} ${String(i).padStart(6, '0')}`,
        pick(STREETS),
        String(1 + Math.floor(next() * 200)),
        postcode,
        city,
        String(1935 + Math.floor(next() * 72)),
        pick(['NL', 'FR', 'nl', 'Frans', 'DE']),
        pick(['man', 'vrouw', 'X']),
        province,
        pick(['laag', 'midden', 'hoog']),
        i % 10 === 0 ? 'Belt liever "s avonds; na 18u' : '',
      ]
        .map((cell) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}
