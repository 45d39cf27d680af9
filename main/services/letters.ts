/**
 * The recruitment letters: the texts the organisers edit (per kind and language, placeholders
 * checked), what every letter shares (deadline, contact, sender, signature), a sample letter to
 * look at, and the mail-merge export of every addressee's letter, in batches of files written
 * where the person chooses (host only: it writes files), with its progress.
 */
import { lstatSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { z } from 'zod';
import { readAssemblyRow } from '../../db/assemblyMeta';
import { timeZone } from '../../db/attendance';
import type { Db } from '../../db/connection';
import { listFeatures } from '../../db/features';
import { deleteLetterText, listLetterTexts, readLetterSettings, readLetterText, writeLetterSettings, writeLetterText } from '../../db/letters';
import { OWNER_ONLY_FILE } from '../../db/privateFiles';
import { baseLanguage, listTranslations } from '../../db/translations';
import type { ExportedBinaryFile } from '../domain/assembly/types';
import { DEFAULT_TEXTS } from '../domain/recruitment/letters/defaults';
import { languagesKey } from '../domain/recruitment/letters/language';
import { describeProblem, PLACEHOLDERS, placeholderProblems } from '../domain/recruitment/letters/placeholders';
import { batchRanges, printCount, sortByPostcode } from '../domain/recruitment/letters/posting';
import { LETTER_KINDS, LETTER_LANGUAGES, type Addressee, type LetterKind, type LetterLanguage, type LetterSettings } from '../domain/recruitment/letters/types';
import { localiserFor } from '../domain/translations/localise';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import type { CardQuestion, LanguageMaterial, LettersPdfOptions } from '../reports/lettersPdf';
import { letterSources } from './letterSources';
import { filePath, id } from './schemas';

const kind = z.enum(LETTER_KINDS, { message: `must be one of ${LETTER_KINDS.join(', ')}` });
const language = z.enum(LETTER_LANGUAGES, { message: `must be one of ${LETTER_LANGUAGES.join(', ')}` });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)').refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d), 'is not a date in the calendar');

/** Letters per file by default: about 200 MB of memory while a file is made, a file a printer takes at once. */
export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_BATCH_SIZE = 2500;

const LANGUAGE_NAMES: Record<LetterLanguage, string> = { nl: 'Dutch', fr: 'French', de: 'German', en: 'English' };

/** Every text (the edited one, else the default) with whether it was edited. */
function textsOf(db: Db) {
  const stored = new Map(listLetterTexts(db).map((t) => [`${t.kind}/${t.language}`, t]));
  return LETTER_KINDS.flatMap((k) =>
    LETTER_LANGUAGES.map((l) => {
      const s = stored.get(`${k}/${l}`);
      return { kind: k, language: l, subject: s?.subject ?? DEFAULT_TEXTS[k][l].subject, body: s?.body ?? DEFAULT_TEXTS[k][l].body, edited: Boolean(s), updatedAt: s?.updatedAt ?? null };
    }),
  );
}

/** The letter material of each language: its text, the assembly's name and the card's questions, localised. */
function materialOf(db: Db, k: LetterKind): Record<LetterLanguage, LanguageMaterial> {
  const assembly = readAssemblyRow(db);
  const rows = listTranslations(db);
  const base = baseLanguage(db);
  const features = listFeatures(db).filter((f) => f.values.length > 0);
  const out = {} as Record<LetterLanguage, LanguageMaterial>;
  for (const lang of LETTER_LANGUAGES) {
    const local = localiserFor(rows, lang, base);
    const stored = readLetterText(db, k, lang);
    const questions: CardQuestion[] = features.map((f) => ({
      question: local('feature', f.id, 'name', f.name),
      options: f.values.map((v) => local('featureValue', v.id, 'value', v.value)),
    }));
    out[lang] = {
      text: stored ? { subject: stored.subject, body: stored.body } : DEFAULT_TEXTS[k][lang],
      assemblyName: assembly ? local('assembly', assembly.id, 'name', assembly.name) : '',
      questions,
    };
  }
  return out;
}

/** Today in the assembly's time zone (YYYY-MM-DD): the letters' date. */
function today(db: Db, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone(db), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function pdfOptions(db: Db, ctx: AppContext, k: LetterKind, letterDate: string | undefined): LettersPdfOptions {
  return { kind: k, material: materialOf(db, k), settings: readLetterSettings(db), letterDate: letterDate ?? today(db, ctx.clock()), generatedAt: ctx.clock() };
}

/** Fictional addressees for the sample letter, one per choice on the screen. */
const SAMPLES: Record<'nl' | 'fr' | 'de' | 'en' | 'brussels', Addressee> = {
  nl: { code: 'VB7K2Q', name: 'An Voorbeeld', addressLines: ['Voorbeeldstraat 1 bus 2'], postcode: '9000', municipality: 'Gent', language: 'nl' },
  fr: { code: 'EX4M9P', name: 'Camille Exemple', addressLines: ['Rue de l’Exemple 1'], postcode: '5000', municipality: 'Namur', language: 'fr' },
  de: { code: 'BS3P8L', name: 'Kim Beispiel', addressLines: ['Beispielstraße 1'], postcode: '4700', municipality: 'Eupen', language: 'de' },
  en: { code: 'SM5X3E', name: 'Sam Example', addressLines: ['Example Street 1'], postcode: '3000', municipality: 'Leuven', language: 'en' },
  brussels: { code: 'BX6N4R', name: 'Noor Voorbeeld-Exemple', addressLines: ['Wetstraat 16 / Rue de la Loi 16'], postcode: '1000', municipality: 'Brussel / Bruxelles', language: null },
};

// ---------------------------------------------------------------------------------------------
// The export in progress (one per app context)

export interface LettersProgress {
  running: boolean;
  /** Letters made so far, and in all. */
  done: number;
  total: number;
  /** Files written so far. */
  files: number;
  /** Files the export will write. */
  fileCount: number;
}

const exporting = new WeakMap<AppContext, LettersProgress>();

/** The files an export writes: `<name>.pdf` for one batch, `<name>-01.pdf`, `<name>-02.pdf` … for several. */
export function batchFileNames(target: string, batches: number): string[] {
  const ext = extname(target).toLowerCase() === '.pdf' ? extname(target) : '';
  const stem = ext ? target.slice(0, -ext.length) : target;
  if (batches === 1) return [`${stem}.pdf`];
  const width = Math.max(2, String(batches).length);
  return Array.from({ length: batches }, (_, i) => `${stem}-${String(i + 1).padStart(width, '0')}.pdf`);
}

const settingsArgs = z.strictObject({
  deadline: isoDate.nullable(),
  contact: z.string().max(500, 'must be at most 500 characters').trim(),
  sender: z.string().max(500, 'must be at most 500 characters').trim(),
  signature: z.string().max(300, 'must be at most 300 characters').trim(),
  url: z.string().max(300, 'must be at most 300 characters').trim(),
});

export const letterHandlers = handlers({
  /** Every letter text (edited or the default), the shared settings and the placeholders. */
  'letters.texts': {
    args: z.strictObject({}),
    run: (_args, ctx) => {
      const db = ctx.requireDb();
      return { texts: textsOf(db), settings: readLetterSettings(db), placeholders: [...PLACEHOLDERS] };
    },
  },

  /**
   * Stores a text. Every placeholder problem of the subject and the body is refused at once,
   * each named with its line (`{nmae}`: unknown); nothing is stored then.
   */
  'letters.setText': {
    args: z.strictObject({
      kind,
      language,
      subject: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
      body: z.string().trim().min(1, 'is required').max(20_000, 'must be at most 20000 characters'),
    }),
    run: (args, ctx) => {
      const where = (field: 'subject' | 'body') => `the ${LANGUAGE_NAMES[args.language]} ${args.kind} ${field}`;
      const problems = (['subject', 'body'] as const).flatMap((field) => placeholderProblems(args[field]).map((p) => ({ field, p })));
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new AppError(
          'VALIDATION',
          problems.map(({ field, p }) => describeProblem(p, where(field))).join(' '),
          {
            fields: problems.map(({ field, p }) => ({ field, rule: `placeholder.${p.kind}`, message: describeProblem(p, where(field)), params: { found: p.found, line: p.line } })),
            params: { found: first.p.found, line: first.p.line, count: problems.length, known: PLACEHOLDERS.map((n) => `{${n}}`).join(' ') },
          },
          `letters.placeholder.${first.p.kind}`,
        );
      }
      return ctx.mutate((db, audit) => {
        const before = readLetterText(db, args.kind, args.language);
        writeLetterText(db, args.kind, args.language, { subject: args.subject, body: args.body }, ctx.nowIso());
        audit({ entity: 'letterText', entityId: `${args.kind}/${args.language}`, action: 'set', before: before ? { subject: before.subject, body: before.body } : null, after: { subject: args.subject, body: args.body } });
        return textsOf(db).find((t) => t.kind === args.kind && t.language === args.language)!;
      });
    },
  },

  /** Back to the app's default text for a kind and language. */
  'letters.resetText': {
    args: z.strictObject({ kind, language }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = readLetterText(db, args.kind, args.language);
        if (deleteLetterText(db, args.kind, args.language)) {
          audit({ entity: 'letterText', entityId: `${args.kind}/${args.language}`, action: 'reset', before: before ? { subject: before.subject, body: before.body } : null, after: null });
        }
        return textsOf(db).find((t) => t.kind === args.kind && t.language === args.language)!;
      }),
  },

  /** What every letter shares: the deadline, the contact, the sender's lines, who signs, the reply form's address. */
  'letters.setSettings': {
    args: settingsArgs,
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = readLetterSettings(db);
        const after: LetterSettings = { ...args };
        writeLetterSettings(db, after, ctx.nowIso());
        audit({ entity: 'letterSettings', entityId: null, action: 'set', before, after });
        return after;
      }),
  },

  /** One letter to a fictional addressee (nl, fr, de, en, or a bilingual Brussels one), as it would print. */
  'letters.sample': {
    args: z.strictObject({ kind, sample: z.enum(['nl', 'fr', 'de', 'en', 'brussels'], { message: 'must be nl, fr, de, en or brussels' }), letterDate: isoDate.optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile & { pages: number }> => {
      const db = ctx.requireDb();
      const { lettersPdf } = await import('../reports/lettersPdf');
      const batch = await lettersPdf([SAMPLES[args.sample]], pdfOptions(db, ctx, args.kind, args.letterDate));
      return { fileName: `letter-${args.kind}-${args.sample}-sample.pdf`, mimeType: 'application/pdf', contentBase64: batch.bytes.toString('base64'), pages: batch.pages };
    },
  },

  /**
   * The letters of an invitation run (or, for the reminder, of those who have not answered),
   * sorted by postcode, written as PDF files at `path` (`<name>-01.pdf`, … of `batchSize`
   * letters each); no file is overwritten. Answers the files with their letters and pages, and
   * the page and sheet counts for the post. Host only: it writes files.
   */
  'letters.export': {
    args: z.strictObject({
      path: filePath,
      kind,
      runId: id.optional(),
      /** The reminder goes to these codes only (those who have not answered), when given. */
      codes: z.array(z.string().min(1).max(64)).max(1_000_000).optional(),
      /** The reminder goes to those with no answer recorded on or before this date. */
      notAnsweredSince: isoDate.optional(),
      batchSize: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_BATCH_SIZE, `must be at most ${MAX_BATCH_SIZE}`).optional(),
      letterDate: isoDate.optional(),
    }),
    run: async (args, ctx) => {
      const db = ctx.requireDb();
      ctx.requireOperator();
      if (exporting.has(ctx.base)) {
        throw new AppError('CONFLICT', 'Letters are already being made. Wait until they are done before starting again.', {}, 'letters.busy');
      }
      const sources = letterSources();
      let addressees = sources.invitees(db, args.runId ?? null);
      if (args.notAnsweredSince !== undefined) {
        if (!sources.notAnswered) {
          throw new AppError('VALIDATION', 'No responses are recorded yet, so "not answered since" cannot be worked out. Give the codes instead.', {}, 'letters.noResponses');
        }
        const open = sources.notAnswered(db, args.runId ?? null, args.notAnsweredSince);
        addressees = addressees.filter((a) => open.has(a.code));
      }
      if (args.codes) {
        const known = new Set(addressees.map((a) => a.code));
        const unknown = args.codes.filter((c) => !known.has(c));
        if (unknown.length > 0) {
          throw new AppError('VALIDATION', `${unknown.length} code(s) are not among the invited: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}. Nothing was written.`, { params: { count: unknown.length, codes: unknown.slice(0, 10).join(', ') } }, 'letters.unknownCodes');
        }
        const wanted = new Set(args.codes);
        addressees = addressees.filter((a) => wanted.has(a.code));
      }
      if (addressees.length === 0) {
        throw new AppError('VALIDATION', 'There is nobody to write to: the list of addressees is empty.', {}, 'letters.nobody');
      }
      const sorted = sortByPostcode(addressees);
      const ranges = batchRanges(sorted.length, args.batchSize ?? DEFAULT_BATCH_SIZE);
      const target = ctx.resolveUserPath(args.path);
      if (!lstatSync(dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('NOT_FOUND', `The folder ${dirname(target)} does not exist. Choose a folder that exists; nothing was written.`, { params: { folder: dirname(target) } }, 'letters.folderMissing');
      }
      const names = batchFileNames(target, ranges.length);
      const existing = names.find((n) => lstatSync(n, { throwIfNoEntry: false }));
      if (existing) {
        throw new AppError('FILE_EXISTS', `${basename(existing)} already exists. Choose another name; nothing was written.`, { path: existing, params: { name: basename(existing) } }, 'letters.fileExists');
      }

      const opts = pdfOptions(db, ctx, args.kind, args.letterDate);
      const progress: LettersProgress = { running: true, done: 0, total: sorted.length, files: 0, fileCount: ranges.length };
      exporting.set(ctx.base, progress);
      const written: string[] = [];
      const files: { path: string; letters: number; pages: number; firstPostcode: string; lastPostcode: string }[] = [];
      const pagesPerLetter: number[] = [];
      const byLanguage: Record<string, number> = {};
      try {
        const { lettersPdf } = await import('../reports/lettersPdf');
        for (const [i, [start, end]] of ranges.entries()) {
          const batch = await lettersPdf(sorted.slice(start, end), {
            ...opts,
            onProgress: (made) => {
              progress.done = start + made;
            },
          });
          // Owner-only, never over a file that appeared meanwhile.
          writeFileSync(names[i]!, batch.bytes, { flag: 'wx', mode: OWNER_ONLY_FILE });
          written.push(names[i]!);
          for (const l of batch.letters) {
            pagesPerLetter.push(l.pages);
            const key = languagesKey(l.languages);
            byLanguage[key] = (byLanguage[key] ?? 0) + 1;
          }
          files.push({ path: names[i]!, letters: end - start, pages: batch.pages, firstPostcode: sorted[start]!.postcode, lastPostcode: sorted[end - 1]!.postcode });
          progress.done = end;
          progress.files = i + 1;
        }
        if (ctx.open?.db !== db) throw new AppError('CONFLICT', 'The assembly was closed while the letters were being made. The files were removed.', {}, 'letters.closed');
        // The files hold names and addresses: each is recorded, so that an erasure later names them.
        ctx.mutate((_db, audit) => {
          for (const f of files) audit({ entity: 'letters', entityId: null, action: 'letters.export', after: { path: f.path, kind: args.kind, letters: f.letters, pages: f.pages } });
        });
      } catch (e) {
        // No half-made mailing: the files of this export go.
        for (const w of written) rmSync(w, { force: true });
        throw e;
      } finally {
        exporting.delete(ctx.base);
      }
      const simplex = printCount(pagesPerLetter);
      return {
        kind: args.kind,
        files,
        letters: simplex.letters,
        pages: simplex.pages,
        sheets: simplex.sheets,
        sheetsDuplex: printCount(pagesPerLetter, true).sheets,
        byLanguage,
      };
    },
  },

  /** How far the export in progress is (running false when none is). */
  'letters.progress': {
    args: z.strictObject({}),
    run: (_args, ctx): LettersProgress => {
      const p = exporting.get(ctx.base);
      // A copy: the export goes on changing its own.
      return p ? { ...p } : { running: false, done: 0, total: 0, files: 0, fileCount: 0 };
    },
  },
});
