/**
 * A seeded register extract as a municipality exports it (semicolons, CRLF, a birth date per
 * resident), for the invitation tests and the benchmark: four municipalities of uneven size,
 * one to three residents per address, names with accents.
 */
import { createRandom } from '../../main/domain/random';

const MUNICIPALITIES = [
  ['1000', 'Brussel', 'Rue de la Loi', 0.3],
  ['4700', 'Eupen', 'Bergstraße', 0.2],
  ['2000', 'Antwerpen', 'Kerkstraat', 0.35],
  ['5000', 'Namur', 'Chaussée de Louvain', 0.15],
] as const;
const FIRST = ['Élodie', 'Mehmet', 'Noël', 'Anke', 'Łukasz', 'Zoë', 'Luc', 'Fatima', 'Jan', 'Marie'];
const LAST = ['Dubois', 'Çelik', 'Peeters', 'Janssens', 'Nuñez', 'Maes', 'Lambert', 'El Amrani', 'Schmitz', 'Claes'];

/** A register extract as a municipality exports it: one resident a row, two or three to an address. */
export function registerCsv(n: number, seed = 19): string {
  const random = createRandom(seed);
  const rows = ['Voornaam;Naam;Straat;Huisnummer;Postcode;Gemeente;Geboortedatum;Geslacht;Taal'];
  let address = 0;
  while (rows.length - 1 < n) {
    const u = random.next();
    let acc = 0;
    const m = MUNICIPALITIES.find(([, , , share]) => (acc += share) > u) ?? MUNICIPALITIES[0];
    const people = random.int(1, 3);
    const language = m[1] === 'Eupen' ? 'DE' : m[1] === 'Namur' ? 'FR' : m[1] === 'Brussel' ? random.pick(['FR', 'NL', '']) : 'NL';
    for (let i = 0; i < people && rows.length - 1 < n; i++) {
      const year = random.int(1935, 2009);
      const day = `${String(random.int(1, 28)).padStart(2, '0')}/${String(random.int(1, 12)).padStart(2, '0')}/${year}`;
      rows.push([random.pick(FIRST), random.pick(LAST), m[2], String(address + 1), m[0], m[1], day, random.pick(['M', 'V']), language].join(';'));
    }
    address += 1;
  }
  return rows.join('\r\n') + '\r\n';
}

