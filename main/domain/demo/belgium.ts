/**
 * Data tables for the demo assembly: Belgium's provinces, who lives there, what they are
 * called and where they live. Figures are rounded (Statbel, mid-2020s) and only need to look
 * right on a pool summary; nothing here is a real person or a real address.
 */

export type Region = 'Flanders' | 'Wallonia' | 'Brussels';
/** The language a person is written to in: Belgium's three official languages. */
export type SpeakerLanguage = 'nl' | 'fr' | 'de';

export interface City {
  name: string;
  /** Dutch name of a bilingual Brussels municipality, used for Dutch speakers. */
  nameNl?: string;
  postcode: string;
  /** Relative number of residents within the province. */
  weight: number;
  /** Set for the German-speaking community's municipalities (Liège province). */
  language?: 'de';
}

export interface Province {
  name: string;
  region: Region;
  /** Residents in thousands; used as relative weights. */
  population: number;
  /** Trunk code of the main city's landlines (+32 <zone> ...). */
  landlineZone: string;
  cities: readonly City[];
}

/** Share of Brussels respondents who choose Dutch (the rest French). */
export const BRUSSELS_DUTCH_SHARE = 0.14;

export const PROVINCES: readonly Province[] = [
  {
    name: 'Antwerp',
    region: 'Flanders',
    population: 1926,
    landlineZone: '3',
    cities: [
      { name: 'Antwerpen', postcode: '2000', weight: 40 },
      { name: 'Berchem', postcode: '2600', weight: 8 },
      { name: 'Mechelen', postcode: '2800', weight: 9 },
      { name: 'Turnhout', postcode: '2300', weight: 4.5 },
      { name: 'Lier', postcode: '2500', weight: 3.7 },
      { name: 'Herentals', postcode: '2200', weight: 2.9 },
      { name: 'Schoten', postcode: '2900', weight: 3.5 },
      { name: 'Geel', postcode: '2440', weight: 4.1 },
      { name: 'Mol', postcode: '2400', weight: 3.7 },
      { name: 'Boom', postcode: '2850', weight: 1.9 },
    ],
  },
  {
    name: 'East Flanders',
    region: 'Flanders',
    population: 1560,
    landlineZone: '9',
    cities: [
      { name: 'Gent', postcode: '9000', weight: 27 },
      { name: 'Aalst', postcode: '9300', weight: 9 },
      { name: 'Sint-Niklaas', postcode: '9100', weight: 8 },
      { name: 'Dendermonde', postcode: '9200', weight: 4.7 },
      { name: 'Lokeren', postcode: '9160', weight: 4.2 },
      { name: 'Oudenaarde', postcode: '9700', weight: 3.2 },
      { name: 'Deinze', postcode: '9800', weight: 4.4 },
      { name: 'Eeklo', postcode: '9900', weight: 2.1 },
      { name: 'Ronse', postcode: '9600', weight: 2.7 },
    ],
  },
  {
    name: 'West Flanders',
    region: 'Flanders',
    population: 1218,
    landlineZone: '50',
    cities: [
      { name: 'Brugge', postcode: '8000', weight: 12 },
      { name: 'Kortrijk', postcode: '8500', weight: 8 },
      { name: 'Oostende', postcode: '8400', weight: 7.3 },
      { name: 'Roeselare', postcode: '8800', weight: 6.5 },
      { name: 'Ieper', postcode: '8900', weight: 3.5 },
      { name: 'Waregem', postcode: '8790', weight: 3.9 },
      { name: 'Knokke-Heist', postcode: '8300', weight: 3.3 },
      { name: 'Tielt', postcode: '8700', weight: 2.1 },
      { name: 'Poperinge', postcode: '8970', weight: 2 },
    ],
  },
  {
    name: 'Flemish Brabant',
    region: 'Flanders',
    population: 1182,
    landlineZone: '16',
    cities: [
      { name: 'Leuven', postcode: '3000', weight: 10 },
      { name: 'Vilvoorde', postcode: '1800', weight: 4.6 },
      { name: 'Halle', postcode: '1500', weight: 4 },
      { name: 'Tienen', postcode: '3300', weight: 3.5 },
      { name: 'Aarschot', postcode: '3200', weight: 3 },
      { name: 'Zaventem', postcode: '1930', weight: 3.5 },
      { name: 'Overijse', postcode: '3090', weight: 2.5 },
      { name: 'Diest', postcode: '3290', weight: 2.4 },
      { name: 'Dilbeek', postcode: '1700', weight: 4.3 },
    ],
  },
  {
    name: 'Limburg',
    region: 'Flanders',
    population: 889,
    landlineZone: '11',
    cities: [
      { name: 'Hasselt', postcode: '3500', weight: 8 },
      { name: 'Genk', postcode: '3600', weight: 6.7 },
      { name: 'Sint-Truiden', postcode: '3800', weight: 4.1 },
      { name: 'Tongeren', postcode: '3700', weight: 3.1 },
      { name: 'Beringen', postcode: '3580', weight: 4.8 },
      { name: 'Maasmechelen', postcode: '3630', weight: 3.9 },
      { name: 'Pelt', postcode: '3900', weight: 3.3 },
      { name: 'Lommel', postcode: '3920', weight: 3.5 },
    ],
  },
  {
    name: 'Hainaut',
    region: 'Wallonia',
    population: 1353,
    landlineZone: '71',
    cities: [
      { name: 'Charleroi', postcode: '6000', weight: 20 },
      { name: 'Mons', postcode: '7000', weight: 9.5 },
      { name: 'La Louvière', postcode: '7100', weight: 8 },
      { name: 'Tournai', postcode: '7500', weight: 6.9 },
      { name: 'Mouscron', postcode: '7700', weight: 5.9 },
      { name: 'Châtelet', postcode: '6200', weight: 3.6 },
      { name: 'Ath', postcode: '7800', weight: 2.9 },
      { name: 'Binche', postcode: '7130', weight: 3.3 },
      { name: 'Thuin', postcode: '6530', weight: 1.5 },
      { name: 'Soignies', postcode: '7060', weight: 2.8 },
    ],
  },
  {
    name: 'Liège',
    region: 'Wallonia',
    population: 1119,
    landlineZone: '4',
    // The French-speaking cities weigh 474 and the German-speaking ones 36: 36 / 510 ≈ 7 %,
    // the German-speaking community's share of the province's residents.
    cities: [
      { name: 'Liège', postcode: '4000', weight: 197 },
      { name: 'Seraing', postcode: '4100', weight: 64 },
      { name: 'Verviers', postcode: '4800', weight: 55 },
      { name: 'Herstal', postcode: '4040', weight: 40 },
      { name: 'Ans', postcode: '4430', weight: 29 },
      { name: 'Flémalle', postcode: '4400', weight: 25 },
      { name: 'Huy', postcode: '4500', weight: 21 },
      { name: 'Visé', postcode: '4600', weight: 18 },
      { name: 'Waremme', postcode: '4300', weight: 15 },
      { name: 'Spa', postcode: '4900', weight: 10 },
      { name: 'Eupen', postcode: '4700', weight: 10, language: 'de' },
      { name: 'Kelmis', postcode: '4720', weight: 5.5, language: 'de' },
      { name: 'Raeren', postcode: '4730', weight: 5.5, language: 'de' },
      { name: 'Sankt Vith', postcode: '4780', weight: 5, language: 'de' },
      { name: 'Büllingen', postcode: '4760', weight: 3.5, language: 'de' },
      { name: 'Bütgenbach', postcode: '4750', weight: 3.5, language: 'de' },
      { name: 'Amel', postcode: '4770', weight: 3, language: 'de' },
    ],
  },
  {
    name: 'Namur',
    region: 'Wallonia',
    population: 503,
    landlineZone: '81',
    cities: [
      { name: 'Namur', postcode: '5000', weight: 11 },
      { name: 'Jambes', postcode: '5100', weight: 2.2 },
      { name: 'Sambreville', postcode: '5060', weight: 2.9 },
      { name: 'Andenne', postcode: '5300', weight: 2.7 },
      { name: 'Dinant', postcode: '5500', weight: 1.4 },
      { name: 'Gembloux', postcode: '5030', weight: 2.6 },
      { name: 'Ciney', postcode: '5590', weight: 1.7 },
      { name: 'Philippeville', postcode: '5600', weight: 0.9 },
    ],
  },
  {
    name: 'Walloon Brabant',
    region: 'Wallonia',
    population: 412,
    landlineZone: '10',
    cities: [
      { name: 'Wavre', postcode: '1300', weight: 3.5 },
      { name: 'Ottignies-Louvain-la-Neuve', postcode: '1340', weight: 3.2 },
      { name: 'Nivelles', postcode: '1400', weight: 2.9 },
      { name: 'Waterloo', postcode: '1410', weight: 3 },
      { name: "Braine-l'Alleud", postcode: '1420', weight: 4 },
      { name: 'Rixensart', postcode: '1330', weight: 2.2 },
      { name: 'Jodoigne', postcode: '1370', weight: 1.4 },
      { name: 'Tubize', postcode: '1480', weight: 2.7 },
    ],
  },
  {
    name: 'Luxembourg',
    region: 'Wallonia',
    population: 293,
    landlineZone: '63',
    cities: [
      { name: 'Arlon', postcode: '6700', weight: 3 },
      { name: 'Marche-en-Famenne', postcode: '6900', weight: 1.8 },
      { name: 'Bastogne', postcode: '6600', weight: 1.6 },
      { name: 'Libramont-Chevigny', postcode: '6800', weight: 1.1 },
      { name: 'Virton', postcode: '6760', weight: 1.2 },
      { name: 'Neufchâteau', postcode: '6840', weight: 0.8 },
      { name: 'Vielsalm', postcode: '6690', weight: 0.8 },
      { name: 'Aubange', postcode: '6790', weight: 1.7 },
    ],
  },
  {
    name: 'Brussels-Capital',
    region: 'Brussels',
    population: 1249,
    landlineZone: '2',
    cities: [
      { name: 'Bruxelles', nameNl: 'Brussel', postcode: '1000', weight: 19 },
      { name: 'Schaerbeek', nameNl: 'Schaarbeek', postcode: '1030', weight: 13 },
      { name: 'Anderlecht', postcode: '1070', weight: 12 },
      { name: 'Molenbeek-Saint-Jean', nameNl: 'Sint-Jans-Molenbeek', postcode: '1080', weight: 9.7 },
      { name: 'Ixelles', nameNl: 'Elsene', postcode: '1050', weight: 8.7 },
      { name: 'Uccle', nameNl: 'Ukkel', postcode: '1180', weight: 8.4 },
      { name: 'Forest', nameNl: 'Vorst', postcode: '1190', weight: 5.6 },
      { name: 'Woluwe-Saint-Lambert', nameNl: 'Sint-Lambrechts-Woluwe', postcode: '1200', weight: 5.7 },
      { name: 'Jette', postcode: '1090', weight: 5.3 },
      { name: 'Etterbeek', postcode: '1040', weight: 4.8 },
      { name: 'Saint-Gilles', nameNl: 'Sint-Gillis', postcode: '1060', weight: 5 },
      { name: 'Evere', postcode: '1140', weight: 4.3 },
      { name: 'Auderghem', nameNl: 'Oudergem', postcode: '1160', weight: 3.5 },
      { name: 'Saint-Josse-ten-Noode', nameNl: 'Sint-Joost-ten-Node', postcode: '1210', weight: 2.7 },
      { name: 'Koekelberg', postcode: '1081', weight: 2.2 },
    ],
  },
];

/** Which official language a resident of this city is written to, before Brussels' choice. */
export function cityLanguage(province: Province, city: City): SpeakerLanguage {
  if (city.language) return city.language;
  return province.region === 'Flanders' ? 'nl' : 'fr';
}

// ---------------------------------------------------------------------------------------
// Names. "Local" groups follow the official language; the others are families with roots
// elsewhere, as common in Belgium, spelled as they are spelled (Çelik, Łukasz, Nuñez).
// ---------------------------------------------------------------------------------------

export type NameOrigin =
  | SpeakerLanguage
  | 'turkish'
  | 'moroccan'
  | 'polish'
  | 'italian'
  | 'spanish'
  | 'congolese'
  | 'nordic';

export interface NameList {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

export const NAMES: Readonly<Record<NameOrigin, NameList>> = {
  nl: {
    female: [
      'An', 'Els', 'Griet', 'Katrien', 'Lieve', 'Sofie', 'Lotte', 'Lien', 'Marie', 'Eline', 'Hanne', 'Febe',
      'Fien', 'Nore', 'Liesbeth', 'Inge', 'Ilse', 'Veerle', 'Annelies', 'Mieke', 'Julie', 'Noor', 'Emma',
      'Jolien', 'Saar', 'Renée', 'Zoë', 'Anaïs', 'Chloë', 'Leen', 'Ann-Sofie', 'Marijke', 'Lies', 'Tine',
    ],
    male: [
      'Jan', 'Pieter', 'Wouter', 'Thomas', 'Lars', 'Bram', 'Jens', 'Koen', 'Stijn', 'Dries', 'Jef', 'Luc',
      'Marc', 'Bart', 'Tom', 'Joris', 'Wim', 'Geert', 'Rik', 'Seppe', 'Arne', 'Ruben', 'Mathias', 'Kobe',
      'Lucas', 'Daan', 'Vic', 'Ward', 'Senne', 'Jozef', 'Hendrik', 'Frederik', 'Michiel', 'Noë',
    ],
    last: [
      'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
      'Vermeulen', 'Van den Broeck', 'Hermans', 'Aerts', 'Pauwels', 'Van Damme', 'De Vos', 'Verstraete',
      'Desmet', 'Van de Velde', 'Coppens', 'Smets', 'Vandenberghe', 'Declercq', 'Verhoeven', 'Lemmens', 'Cools',
      'Dewulf', 'Bogaert', 'Van Acker', 'Martens', 'Claeys', 'Van Hoof', 'Sterckx', "D'Hondt", 'Van Hecke',
      'De Backer', 'Vanhoutte', 'Callewaert', 'Segers', 'Thys', 'Vercammen', 'Verbruggen', 'Op de Beeck',
    ],
  },
  fr: {
    female: [
      'Marie', 'Élodie', 'Anaïs', 'Chloé', 'Françoise', 'Isabelle', 'Nathalie', 'Sophie', 'Céline', 'Aurélie',
      'Amélie', 'Camille', 'Léa', 'Manon', 'Louise', 'Juliette', 'Hélène', 'Mélanie', 'Émilie', 'Noémie', 'Zoé',
      'Inès', 'Margaux', 'Béatrice', 'Geneviève', 'Dominique', 'Joséphine', 'Maëlle', 'Océane', 'Laetitia',
      'Anne-Françoise', 'Marie-Thérèse', 'Gaëlle', 'Agnès',
    ],
    male: [
      'Jean', 'Pierre', 'Jérôme', 'François', 'Olivier', 'Benoît', 'Michel', 'Philippe', 'Nicolas', 'Julien',
      'Sébastien', 'Maxime', 'Antoine', 'Hugo', 'Louis', 'Théo', 'Mathéo', 'Arthur', 'Noah', 'Guillaume',
      'Cédric', 'Frédéric', 'Grégory', 'Raphaël', 'Gaëtan', 'Loïc', 'Jean-Luc', 'Jean-François', 'Quentin',
      'Adrien', 'Valentin', 'Jérémy', 'Hervé', 'André',
    ],
    last: [
      'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Lejeune', 'Leclercq', 'Renard', 'Lefèvre',
      'Dumont', 'François', 'Mathieu', 'Gérard', 'Collignon', 'Delvaux', 'Hubert', 'Denis', 'Lemaire',
      'Michaux', 'Fontaine', 'Thiry', 'Henrard', 'Piérard', 'Noël', 'Lecomte', 'Deschamps', 'Wauthier',
      'Bodart', 'Jacquemin', 'Goffin', 'Nélis', 'Rémy', 'Gilson', 'Dethier', 'Léonard', 'Ménard', 'Frère',
      'Delhaye', 'Ghislain', 'Hennuy', 'Marchal',
    ],
  },
  de: {
    female: [
      'Jutta', 'Birgit', 'Sabine', 'Anke', 'Ursula', 'Gisela', 'Lea', 'Lena', 'Hannah', 'Jana', 'Katrin',
      'Monika', 'Brigitte', 'Käthe', 'Jördis', 'Anna-Lena', 'Hildegard', 'Gertrud',
    ],
    male: [
      'Jürgen', 'Günter', 'Klaus', 'Stefan', 'Andreas', 'Jörg', 'Lukas', 'Jonas', 'Tobias', 'Matthias',
      'Michael', 'Bernd', 'Dieter', 'Maximilian', 'Florian', 'Björn', 'Jörn', 'Hans-Peter',
    ],
    last: [
      'Müller', 'Schmitz', 'Krings', 'Heinen', 'Mertes', 'Kessler', 'Lentz', 'Cremer', 'Schröder', 'Weiß',
      'Großmann', 'Förster', 'Kohnen', 'Jost', 'Hoffmann', 'Pötter', 'Thönnissen', 'Gößmann', 'Brüll', 'Ernst',
    ],
  },
  turkish: {
    female: ['Gülsüm', 'Ayşe', 'Elif', 'Zeynep', 'Büşra', 'Şeyma', 'Merve', 'Özlem', 'Emine', 'Hülya'],
    male: ['Mehmet', 'Emre', 'Burak', 'Murat', 'Yusuf', 'Hakan', 'Özgür', 'Çağan', 'İsmail', 'Oğuz'],
    last: ['Çelik', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Öztürk', 'Aydın', 'Doğan', 'Koç', 'Güneş', 'Erdoğan', 'Kılıç'],
  },
  moroccan: {
    female: ['Fatima', 'Nadia', 'Samira', 'Khadija', 'Salma', 'Imane', 'Yasmina', 'Leïla', 'Houda', 'Naïma'],
    male: ['Mohamed', 'Youssef', 'Karim', 'Mehdi', 'Hamza', 'Rachid', 'Bilal', 'Ilias', 'Nordin', 'Soufiane'],
    last: [
      'El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Aït Ben Ali', 'Ouali', 'Azzouzi', 'Bakkali', 'Chaïbi',
      'El Khattabi', 'Tahiri', 'Ahrouch',
    ],
  },
  polish: {
    female: ['Agnieszka', 'Małgorzata', 'Katarzyna', 'Joanna', 'Zofia', 'Magdalena', 'Ewa', 'Żaneta'],
    male: ['Łukasz', 'Paweł', 'Piotr', 'Krzysztof', 'Tomasz', 'Michał', 'Wojciech', 'Grzegorz'],
    // Surnames that do not change with gender (Kowalski/Kowalska would need agreement).
    last: ['Nowak', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek', 'Dudek'],
  },
  italian: {
    female: ['Giulia', 'Francesca', 'Maria', 'Chiara', 'Rosa', 'Antonella', 'Concetta', 'Graziella'],
    male: ['Giuseppe', 'Salvatore', 'Antonio', 'Marco', 'Luca', 'Giovanni', 'Niccolò', 'Francesco'],
    last: ['Rossi', 'Russo', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Lo Presti', "D'Angelo", 'Cannizzaro', 'Santoro'],
  },
  spanish: {
    female: ['María José', 'Lucía', 'Carmen', 'Pilar', 'Begoña', 'Inés', 'Nerea', 'Sofía'],
    male: ['José', 'Jesús', 'Álvaro', 'Sergio', 'Javier', 'Raúl', 'Andrés', 'Íñigo'],
    last: ['García', 'Fernández', 'Nuñez', 'Martínez', 'Rodríguez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Muñoz', 'Ibáñez'],
  },
  congolese: {
    female: ['Grâce', 'Merveille', 'Nadège', 'Bénédicte', 'Chancelle', 'Divine', 'Rachel', 'Espérance'],
    male: ['Jean-Pierre', 'Patrick', 'Christian', 'Didier', 'Fiston', 'Glody', 'Trésor', 'Héritier'],
    last: ['Mukendi', 'Kabongo', 'Tshibanda', 'Ilunga', 'Kalala', 'Mbuyi', 'Lukusa', 'Nkulu', 'Kasongo', 'Mputu'],
  },
  nordic: {
    female: ['Åsa', 'Ingrid', 'Sigrún', 'Maja', 'Linnéa'],
    male: ['Søren', 'Mads', 'Björn', 'Åke', 'Jørgen'],
    last: ['Sørensen', 'Ødegaard', 'Lindqvist', 'Åberg', 'Hansen', 'Bjørklund'],
  },
};

/**
 * How often a respondent's family name has roots elsewhere, per region (rough: Brussels is
 * far more mixed than Flanders; Wallonia has its Italian mining families). The local share
 * is what remains, and follows the person's language.
 */
export const ROOTS_BY_REGION: Readonly<Record<Region, Readonly<Partial<Record<NameOrigin, number>>>>> = {
  Flanders: { moroccan: 0.04, turkish: 0.035, polish: 0.02, italian: 0.01, spanish: 0.008, congolese: 0.01, nordic: 0.004 },
  Wallonia: { italian: 0.07, moroccan: 0.035, turkish: 0.02, polish: 0.015, spanish: 0.015, congolese: 0.02, nordic: 0.005 },
  Brussels: { moroccan: 0.16, turkish: 0.06, congolese: 0.06, polish: 0.04, italian: 0.03, spanish: 0.03, nordic: 0.01 },
};

// ---------------------------------------------------------------------------------------
// Streets, in the language of the address (Brussels streets are bilingual: a Dutch speaker
// there gets the Dutch form).
// ---------------------------------------------------------------------------------------

export const STREETS: Readonly<Record<SpeakerLanguage, readonly string[]>> = {
  nl: [
    'Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Molenstraat', 'Nieuwstraat', 'Schoolstraat', 'Kapelstraat',
    'Veldstraat', 'Hoogstraat', 'Lindenlaan', 'Kastanjelaan', 'Beukenlaan', 'Kouterstraat', 'Sint-Jansplein',
    'Brugsesteenweg', 'Koningin Astridlaan', 'Leopoldlaan', 'Grote Markt', 'Tramstraat', 'Begijnhofstraat',
    'Vredestraat', 'Meersstraat', 'Populierenlaan', 'Processiestraat',
  ],
  fr: [
    'Rue de la Station', "Rue de l'Église", 'Rue du Moulin', 'Rue Haute', 'Rue des Écoles', 'Rue de la Gare',
    'Avenue des Tilleuls', 'Rue des Prés', 'Chaussée de Bruxelles', 'Rue Saint-Rémy', 'Place du Marché',
    'Rue de la Fontaine', 'Rue du Château', 'Avenue Reine Astrid', 'Rue des Bouleaux', 'Rue Émile Vandervelde',
    "Rue de l'Abbaye", 'Rue Léopold', 'Rue des Hêtres', 'Rue du Pont', 'Rue des Déportés', 'Rue de la Brasserie',
  ],
  de: [
    'Kirchstraße', 'Bahnhofstraße', 'Hauptstraße', 'Schulstraße', 'Mühlenweg', 'Aachener Straße',
    'Klosterstraße', 'Lindenallee', 'Marktplatz', 'Talstraße', 'Bergstraße', 'Neustraße', 'Malmedyer Straße',
    'Am Weiher', 'Hütter Weg', 'Rotenbergplatz',
  ],
};

/** How a box (apartment) number is written: "12 bus 3", "12 bte 3", "12/3". */
export const BOX_WORD: Readonly<Record<SpeakerLanguage, string>> = { nl: ' bus ', fr: ' bte ', de: '/' };

// ---------------------------------------------------------------------------------------
// The population aged 16 and over, the baseline the respondent pool is skewed against.
// ---------------------------------------------------------------------------------------

export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const EDUCATION_LEVELS = ['low', 'medium', 'high'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

/** Share of each age band among residents aged 16+. */
export const POPULATION_AGE_SHARE: Readonly<Record<AgeBand, number>> = {
  '16-24': 0.125,
  '25-34': 0.155,
  '35-44': 0.16,
  '45-54': 0.16,
  '55-64': 0.16,
  '65+': 0.24,
};

/**
 * Highest completed education per age band. The young are often still studying (so "low"
 * for now); the oldest went to school when secondary school was shorter.
 */
export const POPULATION_EDUCATION_BY_AGE: Readonly<Record<AgeBand, Readonly<Record<Education, number>>>> = {
  '16-24': { low: 0.45, medium: 0.42, high: 0.13 },
  '25-34': { low: 0.14, medium: 0.36, high: 0.5 },
  '35-44': { low: 0.15, medium: 0.35, high: 0.5 },
  '45-54': { low: 0.22, medium: 0.38, high: 0.4 },
  '55-64': { low: 0.3, medium: 0.38, high: 0.32 },
  '65+': { low: 0.45, medium: 0.32, high: 0.23 },
};

/** Population share of one education level among residents aged 16+. */
export function populationEducationShare(level: Education): number {
  return AGE_BANDS.reduce((sum, band) => sum + POPULATION_AGE_SHARE[band] * POPULATION_EDUCATION_BY_AGE[band][level], 0);
}

/** Registered gender; a small share of people register neither. */
export const POPULATION_GENDER_SHARE = { female: 0.507, male: 0.488, other: 0.005 } as const;
