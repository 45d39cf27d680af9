/**
 * The certificate of an assembly's closing, for the data-protection officer (issue 18): what was
 * removed and what was kept, how many people, when and by whom, which backups were processed (and
 * which could not be, with what to do), and the copies saved elsewhere that the app cannot reach
 * and someone must delete by hand. Built from the closure records (assembly_closures): it can be
 * printed again at any time, in nl, fr or en.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ClosureSummary } from '../domain/assembly/retention';
import { reportLocale, reportT, type ReportLang } from './i18n';
import { GREY, formatDateTime, formatIsoDate, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

export interface CertificateData {
  assemblyName: string;
  filePath: string;
  closedAt: string;
  closedBy: string;
  closures: { at: string; operator: string; device: string | null; summary: ClosureSummary }[];
  removed: string[];
  kept: string[];
}

export interface CertificateOptions {
  lang: ReportLang;
  generatedAt: Date;
  timeZone: string;
}

const heading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 12, 0, 4] });

export async function closureCertificatePdf(data: CertificateData, opts: CertificateOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const number = (n: number) => new Intl.NumberFormat(reportLocale(opts.lang)).format(n);
  const when = (iso: string) => formatDateTime(new Date(iso), opts.lang, opts.timeZone);
  const first = data.closures.find((c) => c.summary.first) ?? data.closures[0]!;
  const s = first.summary;
  const latest = data.closures[data.closures.length - 1]!;
  // A backup counts as processed once any pass reached it; one still failing at the latest pass is listed.
  const processed = [...new Set(data.closures.flatMap((c) => c.summary.backupsProcessed))].sort();
  const failed = latest.summary.backupsFailed;
  const copies = latest.summary.copiesElsewhere;

  const fact = (label: string, value: string): Content[] => [{ text: label, color: GREY }, { text: value }];
  const facts: Content[][] = [
    fact(t('closure.assembly'), data.assemblyName),
    fact(t('closure.file'), data.filePath),
    fact(t('closure.retentionUntil'), s.retentionUntil ? formatIsoDate(s.retentionUntil, opts.lang) : t('closure.none')),
    fact(t('closure.closedAt'), when(data.closedAt)),
    fact(t('closure.closedBy'), first.device ? `${data.closedBy} (${first.device})` : data.closedBy),
    fact(t('closure.peopleCleared'), number(s.peopleCleared)),
    fact(t('closure.peopleRemoved'), s.removeNeverSelected ? number(s.peopleRemoved) : t('closure.notChosen')),
    fact(t('closure.contactEntries'), number(s.contactEntriesRemoved)),
    fact(t('closure.contributors'), number(s.contributorsCleared)),
    fact(t('closure.residents'), number(s.residentsRemoved ?? 0)),
  ];

  const content: Content[] = [
    { text: t('closure.title'), fontSize: 17, bold: true, margin: [0, 4, 0, 6] },
    { text: t('closure.intro', { name: data.assemblyName }), margin: [0, 0, 0, 8] },
    { table: { widths: [215, '*'], body: facts }, layout: 'lightHorizontalLines' },

    heading(t('closure.removedTitle')),
    { ul: data.removed.map((k) => t(`closure.removed.${k}`)) },
    heading(t('closure.keptTitle')),
    { text: t('closure.keptIntro'), margin: [0, 0, 0, 4] },
    { ul: data.kept.map((k) => t(`closure.kept.${k}`)) },
    ...(s.removeNeverSelected ? [{ text: t('closure.neverSelectedNote'), margin: [0, 6, 0, 0] } as Content] : []),

    heading(t('closure.backupsTitle', { count: processed.length })),
    processed.length > 0 ? { ul: processed, fontSize: 9 } : { text: t('closure.noBackups'), color: GREY },
    ...(failed.length > 0
      ? ([
          heading(t('closure.failedTitle', { count: failed.length })),
          { ul: failed.map((f) => `${f.name}: ${f.problem}`), fontSize: 9 },
          { text: t('closure.failedWhat'), bold: true, margin: [0, 4, 0, 0] },
        ] as Content[])
      : []),

    heading(t('closure.copiesTitle')),
    copies.length > 0
      ? {
          stack: [
            { text: t('closure.copiesWhat'), bold: true, margin: [0, 0, 0, 4] },
            {
              table: {
                headerRows: 1,
                widths: ['*', 'auto', 'auto'],
                body: [
                  [{ text: t('closure.copyPath'), bold: true }, { text: t('closure.copyAt'), bold: true }, { text: t('closure.copyBy'), bold: true }],
                  ...copies.map((c) => [{ text: c.path, fontSize: 8.5 }, { text: when(c.at), fontSize: 8.5 }, { text: c.operator, fontSize: 8.5 }]),
                ],
              },
              layout: 'lightHorizontalLines',
            },
          ],
        }
      : { text: t('closure.noCopies') },
    { text: t('closure.otherCopies'), margin: [0, 6, 0, 0], color: GREY },

    heading(t('closure.howTitle')),
    { text: t('closure.how') },
    { text: latest.summary.logCleared ? t('closure.logCleared') : t('closure.logNotCleared'), margin: [0, 4, 0, 0] },
    ...(data.closures.length > 1
      ? [{ text: t('closure.passes', { count: data.closures.length - 1, last: when(latest.at) }), margin: [0, 4, 0, 0] } as Content]
      : []),

    heading(t('closure.signatureTitle')),
    {
      table: {
        widths: [170, '*'],
        heights: [22, 22, 40],
        body: [
          [{ text: t('closure.officer'), color: GREY }, ''],
          [{ text: t('closure.date'), color: GREY }, ''],
          [{ text: t('closure.signature'), color: GREY }, ''],
        ],
      },
      layout: { hLineWidth: (i: number) => (i === 0 ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => '#9a9a9a' },
    },
  ];

  return renderPdf(
    { ...pageFrame({ assemblyName: data.assemblyName, title: t('closure.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: opts.timeZone }), content },
    { creationDate: opts.generatedAt, title: t('closure.title'), author: data.assemblyName },
  );
}
