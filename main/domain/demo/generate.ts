/**
 * The demo assembly as plain data: a respondent pool that looks like the answers to a
 * Belgian invitation letter, its stratification features, and a programme of six sessions.
 * Pure and seeded: the same options give the same result, on every machine.
 */
import { uniqueCode } from '../recruitment/codes';
import { searchKey } from '../text';
import {
  AGE_BANDS,
  BOX_WORD,
  BRUSSELS_DUTCH_SHARE,
  EDUCATION_LEVELS,
  NAMES,
  POPULATION_AGE_SHARE,
  POPULATION_EDUCATION_BY_AGE,
  POPULATION_GENDER_SHARE,
  PROVINCES,
  ROOTS_BY_REGION,
  STREETS,
  cityLanguage,
  populationEducationShare,
  type AgeBand,
  type City,
  type Education,
  type NameOrigin,
  type Province,
  type Region,
  type SpeakerLanguage,
} from './belgium';
import { createRandom, type Random, type Seed } from '../random';

export const DEFAULT_POOL_SIZE = 1500;
/** Ages are counted as this year minus the birth year: the assembly meets early in 2027. */
export const REFERENCE_YEAR = 2027;
export const DEMO_ASSEMBLY_NAME = 'We Need to Talk — Party Funding (demo)';

/** Feature names as stored in the file (data, not UI labels: the UI translates labels only). */
export const FEATURE = {
  gender: 'Gender',
  age: 'Age band',
  region: 'Region',
  province: 'Province',
  education: 'Education',
  language: 'Language',
} as const;
export type FeatureName = (typeof FEATURE)[keyof typeof FEATURE];

export type Gender = keyof typeof POPULATION_GENDER_SHARE;
const GENDERS = Object.keys(POPULATION_GENDER_SHARE) as Gender[];
const REGIONS: readonly Region[] = ['Flanders', 'Wallonia', 'Brussels'];
const LANGUAGE_VALUE: Readonly<Record<SpeakerLanguage, string>> = { nl: 'NL', fr: 'FR', de: 'DE' };

/**
 * Who answers an invitation letter, relative to the average resident. Older and more
 * educated people answer far more often; this is why assemblies stratify at all.
 * The pool is drawn from population share × propensity.
 */
export const RESPONSE_PROPENSITY: {
  age: Readonly<Record<AgeBand, number>>;
  education: Readonly<Record<Education, number>>;
} = {
  age: { '16-24': 0.6, '25-34': 0.8, '35-44': 0.9, '45-54': 1, '55-64': 1.3, '65+': 1.35 },
  education: { low: 0.5, medium: 0.9, high: 1.6 },
};

/**
 * Share of respondents who live at the same address as another respondent (partners,
 * a parent and a grown-up child): 12.5 %, inside the 10-15 % seen in real pools. Hit
 * exactly rather than by chance, so every seed gives a pool the household rule can bite on.
 */
export const SHARED_ADDRESS_SHARE = 0.125;
/** Among those shared addresses, how often three respondents live there rather than two. */
const THREE_AT_ONE_ADDRESS_CHANCE = 0.12;
const HOUSEMATE_KINDS = ['partner', 'child', 'parent'] as const;
const HOUSEMATE_WEIGHT: Readonly<Record<(typeof HOUSEMATE_KINDS)[number], number>> = { partner: 0.7, child: 0.2, parent: 0.1 };
/** Respondents with roots elsewhere who still carry a first name of the local language. */
const LOCAL_FIRST_NAME_CHANCE = 0.3;

export interface DemoFeature {
  name: FeatureName;
  values: string[];
  /** Population share of each value, in percent (census, residents aged 16+). */
  shares: Record<string, number>;
}

export interface DemoPerson {
  /** Pseudonymous code for badges and pseudonymised exports: 6 characters, unique. */
  code: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  birthYear: number;
  language: SpeakerLanguage;
  /** Same key = same address: people living together. Every person has one. */
  householdKey: string;
  /** One value per feature, keyed by feature name. */
  features: Record<FeatureName, string>;
}

export interface DemoSession {
  name: string;
  /** YYYY-MM-DD */
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  kind: 'plenary';
}

export interface DemoAssembly {
  assembly: { name: string; panelSize: number };
  features: DemoFeature[];
  people: DemoPerson[];
  sessions: DemoSession[];
}

export interface DemoOptions {
  seed: Seed;
  panelSize: number;
  poolSize?: number;
}

// ---------------------------------------------------------------------------------------

interface Address {
  province: Province;
  city: City;
  cityName: string;
  street: string;
  houseNumber: string;
  language: SpeakerLanguage;
}

/** A person before codes, contacts and household keys are handed out. */
interface Resident {
  address: Address;
  household: number;
  origin: NameOrigin;
  gender: Gender;
  age: number;
  education: Education;
  firstName: string;
  lastName: string;
}

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return '16-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

/** Every (age band, education) pair with its weight in the pool: population × propensity. */
const AGE_EDUCATION_WEIGHTS = AGE_BANDS.flatMap((band) =>
  EDUCATION_LEVELS.map((education) => ({
    band,
    education,
    weight:
      POPULATION_AGE_SHARE[band] *
      RESPONSE_PROPENSITY.age[band] *
      POPULATION_EDUCATION_BY_AGE[band][education] *
      RESPONSE_PROPENSITY.education[education],
  })),
);

/** 65 to 97; fewer people at every later age (the weight falls linearly to 0 at 100). */
const AGES_65_PLUS = Array.from({ length: 33 }, (_, i) => 65 + i);

function ageInBand(random: Random, band: AgeBand): number {
  if (band === '65+') {
    return random.weighted(AGES_65_PLUS, (age) => 100 - age);
  }
  const [low, high] = band.split('-').map(Number) as [number, number];
  return random.int(low, high);
}

function educationFor(random: Random, age: number): Education {
  const band = ageBandOf(age);
  return random.weighted(EDUCATION_LEVELS, (e) => POPULATION_EDUCATION_BY_AGE[band][e] * RESPONSE_PROPENSITY.education[e]);
}

/** Low numbers are more common than high ones: every street has a 1, few have a 200. */
const HOUSE_NUMBERS = Array.from({ length: 240 }, (_, i) => i + 1);

function drawAddress(random: Random): Address {
  const province = random.weighted(PROVINCES, (p) => p.population);
  const city = random.weighted(province.cities, (c) => c.weight);
  let language = cityLanguage(province, city);
  if (province.region === 'Brussels' && random.chance(BRUSSELS_DUTCH_SHARE)) language = 'nl';
  const cityName = language === 'nl' && city.nameNl ? city.nameNl : city.name;

  // Flats (box numbers) are common in Brussels and city centres, rarer elsewhere.
  const boxChance = province.region === 'Brussels' ? 0.45 : 0.15;
  let houseNumber = String(random.weighted(HOUSE_NUMBERS, (n) => 1 / Math.sqrt(n)));
  if (random.chance(0.06)) houseNumber += random.pick(['A', 'B', 'C']);
  if (random.chance(boxChance)) houseNumber += BOX_WORD[language] + String(random.int(1, 24));

  return { province, city, cityName, street: random.pick(STREETS[language]), houseNumber, language };
}

function drawOrigin(random: Random, region: Region, language: SpeakerLanguage): NameOrigin {
  const roots = Object.entries(ROOTS_BY_REGION[region]) as [NameOrigin, number][];
  const elsewhere = roots.reduce((sum, [, share]) => sum + share, 0);
  return random.weighted<[NameOrigin, number]>([[language, 1 - elsewhere], ...roots], ([, share]) => share)[0];
}

function firstNameFor(random: Random, origin: NameOrigin, language: SpeakerLanguage, gender: Gender): string {
  const list = origin !== language && random.chance(LOCAL_FIRST_NAME_CHANCE) ? NAMES[language] : NAMES[origin];
  const sex = gender === 'other' ? random.pick(['female', 'male'] as const) : gender;
  return random.pick(list[sex]);
}

const addressKey = (a: Address): string => `${a.city.postcode}|${a.cityName}|${a.street}|${a.houseNumber}`;

function drawPrimary(random: Random, household: number, addressesTaken: Set<string>): Resident {
  // Two unrelated respondents at one address would look like one household to the
  // household rule; redraw instead, so that same address <=> same household key.
  let address = drawAddress(random);
  while (addressesTaken.has(addressKey(address))) address = drawAddress(random);
  addressesTaken.add(addressKey(address));
  const origin = drawOrigin(random, address.province.region, address.language);
  const gender = random.weighted(GENDERS, (g) => POPULATION_GENDER_SHARE[g]);
  const { band, education } = random.weighted(AGE_EDUCATION_WEIGHTS, (c) => c.weight);
  return {
    address,
    household,
    origin,
    gender,
    age: ageInBand(random, band),
    education,
    firstName: firstNameFor(random, origin, address.language, gender),
    lastName: random.pick(NAMES[origin].last),
  };
}

/**
 * Someone else at the primary's address who also answered: a partner most often, else a
 * grown-up child or a parent (only when the ages make sense; a partner otherwise).
 */
function drawHousemate(random: Random, primary: Resident): Resident {
  let kind = random.weighted(HOUSEMATE_KINDS, (k) => HOUSEMATE_WEIGHT[k]);
  if (kind === 'child' && primary.age - 22 < 16) kind = 'partner';
  if (kind === 'parent' && primary.age + 22 > 95) kind = 'partner';

  let age: number;
  let sameLastName = true;
  let gender: Gender;
  if (kind === 'child') {
    age = primary.age - random.int(22, Math.min(38, primary.age - 16));
  } else if (kind === 'parent') {
    age = primary.age + random.int(22, Math.min(38, 95 - primary.age));
  } else {
    age = Math.min(95, Math.max(18, primary.age + random.int(-6, 6)));
    sameLastName = random.chance(0.5);
  }
  if (kind === 'partner' && primary.gender !== 'other' && random.chance(0.9)) {
    gender = primary.gender === 'female' ? 'male' : 'female';
  } else {
    gender = random.weighted(GENDERS, (g) => POPULATION_GENDER_SHARE[g]);
  }
  return {
    address: primary.address,
    household: primary.household,
    origin: primary.origin,
    gender,
    age,
    education: educationFor(random, age),
    firstName: firstNameFor(random, primary.origin, primary.address.language, gender),
    lastName: sameLastName ? primary.lastName : random.pick(NAMES[primary.origin].last),
  };
}

// ---------------------------------------------------------------------------------------
// Contacts and codes
// ---------------------------------------------------------------------------------------

/** ASCII for e-mail local parts: accents dropped (searchKey), then anything else removed. */
export function asciiFold(text: string): string {
  // searchKey leaves Turkish dotless ı alone (NFD has nothing to strip from it).
  return searchKey(text.replace(/ı/g, 'i')).replace(/[^a-z0-9-]+/g, '');
}

/**
 * Reserved domains (RFC 2606 / RFC 6761) only: a demo file shared by mistake must never
 * make anyone mail a real inbox.
 */
const EMAIL_DOMAINS: readonly [string, number][] = [
  ['example.com', 5],
  ['example.net', 2],
  ['example.org', 1],
  ['mail.example', 3],
  ['post.example', 2],
  ['inbox.example', 1],
];

function uniqueEmail(random: Random, resident: Resident, taken: Set<string>): string {
  const first = asciiFold(resident.firstName);
  const last = asciiFold(resident.lastName);
  const yy = String((REFERENCE_YEAR - resident.age) % 100).padStart(2, '0');
  // first.last is the most common pattern, hence listed twice.
  const local = random.pick([
    `${first}.${last}`,
    `${first}.${last}`,
    `${first}${last}`,
    `${first[0]}.${last}`,
    `${first}.${last}${yy}`,
    `${last}.${first}`,
    `${first}_${last}`,
  ]);
  const domain = random.weighted(EMAIL_DOMAINS, ([, w]) => w)[0];
  for (let n = 1; ; n++) {
    const email = `${n === 1 ? local : local + n}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Prefixes of Belgian mobile numbers (046x, 047x, 048x, 049x ranges in use). */
const MOBILE_PREFIXES = ['460', '465', '466', '467', '468', ...range(470, 479), ...range(483, 499)].map(String);

const digits = (random: Random, n: number): string => Array.from({ length: n }, () => random.int(0, 9)).join('');

/** Belgian numbers in international form: mobiles "+32 475 12 34 56"; some older people give a landline. */
function uniquePhone(random: Random, resident: Resident, taken: Set<string>): string {
  for (;;) {
    let phone: string;
    if (resident.age >= 65 && random.chance(0.35)) {
      const zone = resident.address.province.landlineZone;
      // Landline numbers have 8 digits after the 0: one-digit zones leave 7, two-digit zones 6.
      const head = digits(random, zone.length === 1 ? 3 : 2);
      phone = `+32 ${zone} ${head} ${digits(random, 2)} ${digits(random, 2)}`;
    } else {
      phone = `+32 ${random.pick(MOBILE_PREFIXES)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`;
    }
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------

/** Fictional venues; one per demo. */
const VENUES = [
  'Brussels, Palais des Tilleuls',
  'Brussels, Hôtel de la Concorde',
  'Brussels, Residentie Zavelhof',
  'Brussels, Maison des Citoyens',
];
const FIRST_SATURDAY = Date.UTC(2027, 0, 16);
const DAY_MS = 86_400_000;
/** Weekends two weeks apart: time to read the briefing pack in between. */
const WEEKEND_GAP_DAYS = 14;

function demoSessions(random: Random): DemoSession[] {
  const location = random.pick(VENUES);
  const sessions: DemoSession[] = [];
  for (let weekend = 0; weekend < 3; weekend++) {
    const saturday = FIRST_SATURDAY + weekend * WEEKEND_GAP_DAYS * DAY_MS;
    for (const [offset, day] of [[0, 'Saturday'], [1, 'Sunday']] as const) {
      sessions.push({
        name: `Weekend ${weekend + 1} — ${day}`,
        date: new Date(saturday + offset * DAY_MS).toISOString().slice(0, 10),
        startTime: '09:30',
        endTime: '17:00',
        location,
        kind: 'plenary',
      });
    }
  }
  return sessions;
}

// ---------------------------------------------------------------------------------------

/** Sizes of the households, summing to poolSize, with SHARED_ADDRESS_SHARE of people in sizes 2 or 3. */
function householdSizes(random: Random, poolSize: number): number[] {
  const sharing = Math.round(poolSize * SHARED_ADDRESS_SHARE);
  const sizes: number[] = [];
  let placed = 0;
  // Pairs and some triples until exactly `sharing` people are placed (never a leftover of 1).
  while (sharing - placed >= 2) {
    const left = sharing - placed;
    const size = left === 3 || (left >= 5 && random.chance(THREE_AT_ONE_ADDRESS_CHANCE)) ? 3 : 2;
    sizes.push(size);
    placed += size;
  }
  while (placed < poolSize) {
    sizes.push(1);
    placed++;
  }
  return random.shuffle(sizes);
}

function checkOptions({ panelSize, poolSize }: { panelSize: number; poolSize: number }): void {
  if (!Number.isInteger(panelSize) || panelSize < 1) throw new RangeError(`panelSize must be a positive integer, got ${panelSize}`);
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new RangeError(`poolSize must be a positive integer, got ${poolSize}`);
  if (panelSize > poolSize) throw new RangeError(`panelSize (${panelSize}) cannot exceed the pool size (${poolSize})`);
}

export function generateDemo({ seed, panelSize, poolSize = DEFAULT_POOL_SIZE }: DemoOptions): DemoAssembly {
  checkOptions({ panelSize, poolSize });
  // Separate streams per part, so that changing how sessions are drawn leaves people alone.
  const peopleRandom = createRandom(`${seed}/people`);
  const contactRandom = createRandom(`${seed}/contacts`);

  const residents: Resident[] = [];
  const addressesTaken = new Set<string>();
  householdSizes(peopleRandom, poolSize).forEach((size, household) => {
    const primary = drawPrimary(peopleRandom, household, addressesTaken);
    residents.push(primary);
    for (let i = 1; i < size; i++) residents.push(drawHousemate(peopleRandom, primary));
  });

  // Answers arrive in any order: shuffle so housemates are not neighbours in the list,
  // then number households by first appearance.
  const householdKeys = new Map<number, string>();
  const codes = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const people = peopleRandom.shuffle(residents).map((r): DemoPerson => {
    let householdKey = householdKeys.get(r.household);
    if (!householdKey) {
      householdKey = `H-${String(householdKeys.size + 1).padStart(4, '0')}`;
      householdKeys.set(r.household, householdKey);
    }
    const a = r.address;
    return {
      code: uniqueCode((characters) => contactRandom.pick(characters), codes),
      firstName: r.firstName,
      lastName: r.lastName,
      email: uniqueEmail(contactRandom, r, emails),
      phone: uniquePhone(contactRandom, r, phones),
      street: a.street,
      houseNumber: a.houseNumber,
      postcode: a.city.postcode,
      city: a.cityName,
      birthYear: REFERENCE_YEAR - r.age,
      language: a.language,
      householdKey,
      features: {
        [FEATURE.gender]: r.gender,
        [FEATURE.age]: ageBandOf(r.age),
        [FEATURE.region]: a.province.region,
        [FEATURE.province]: a.province.name,
        [FEATURE.education]: r.education,
        [FEATURE.language]: LANGUAGE_VALUE[a.language],
      },
    };
  });

  return {
    assembly: { name: DEMO_ASSEMBLY_NAME, panelSize },
    features: demoFeatures(),
    people,
    sessions: demoSessions(createRandom(`${seed}/sessions`)),
  };
}

/** Percent with two decimals: census tables are published to about this precision. */
const percent = (fraction: number) => Math.round(fraction * 10_000) / 100;

/**
 * The features with the population shares (residents aged 16+) a recruitment officer would
 * enter from the census: gender, age and education from the tables above, region, province and
 * language from the provinces' populations (Brussels split by BRUSSELS_DUTCH_SHARE, Liège by the
 * weight of its German-speaking municipalities).
 */
export function demoFeatures(): DemoFeature[] {
  const total = PROVINCES.reduce((sum, p) => sum + p.population, 0);
  const regionShare = (region: Region) => PROVINCES.filter((p) => p.region === region).reduce((sum, p) => sum + p.population, 0) / total;
  const speakers: Record<SpeakerLanguage, number> = { nl: 0, fr: 0, de: 0 };
  for (const p of PROVINCES) {
    const weight = p.cities.reduce((sum, c) => sum + c.weight, 0);
    const german = p.cities.filter((c) => c.language === 'de').reduce((sum, c) => sum + c.weight, 0) / weight;
    if (p.region === 'Flanders') speakers.nl += p.population;
    else if (p.region === 'Brussels') {
      speakers.nl += p.population * BRUSSELS_DUTCH_SHARE;
      speakers.fr += p.population * (1 - BRUSSELS_DUTCH_SHARE);
    } else {
      speakers.de += p.population * german;
      speakers.fr += p.population * (1 - german);
    }
  }
  const shares = <V extends string>(values: readonly V[], share: (v: V) => number) =>
    Object.fromEntries(values.map((v) => [v, percent(share(v))])) as Record<string, number>;
  const languages = Object.keys(LANGUAGE_VALUE) as SpeakerLanguage[];
  return [
    { name: FEATURE.gender, values: [...GENDERS], shares: shares(GENDERS, (g) => POPULATION_GENDER_SHARE[g]) },
    { name: FEATURE.age, values: [...AGE_BANDS], shares: shares(AGE_BANDS, (b) => POPULATION_AGE_SHARE[b]) },
    { name: FEATURE.region, values: [...REGIONS], shares: shares(REGIONS, regionShare) },
    {
      name: FEATURE.province,
      values: PROVINCES.map((p) => p.name),
      shares: Object.fromEntries(PROVINCES.map((p) => [p.name, percent(p.population / total)])),
    },
    { name: FEATURE.education, values: [...EDUCATION_LEVELS], shares: shares(EDUCATION_LEVELS, populationEducationShare) },
    {
      name: FEATURE.language,
      values: languages.map((l) => LANGUAGE_VALUE[l]),
      shares: Object.fromEntries(languages.map((l) => [LANGUAGE_VALUE[l], percent(speakers[l] / total)])),
    },
  ];
}
