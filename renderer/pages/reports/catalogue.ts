/**
 * What can be exported from the Reports page (REPORT_NAMES and REPORT_TABLES of preload/vocabulary.ts):
 * the formats each comes in, who it is for, and the privacy level offered first.
 */
import type { PrivacyLevelName, ReportRequest } from '../../../main/reports/types';
import { REPORT_TABLES, type ReportName, type ReportTable } from '../../../preload/vocabulary';

export type Audience = 'secretariat' | 'policymakers' | 'press' | 'auditors';
export type ExportFormat = ReportRequest['format'];

export const LEVELS: readonly PrivacyLevelName[] = ['full', 'pseudonymised', 'aggregate'];

export interface ExportChoice {
  /** 'report' (the PDF reports and the workbook) or 'table' (one table of the workbook as CSV). */
  kind: 'report' | 'table';
  name: ReportName | ReportTable;
  /** The formats offered, the first chosen by default. */
  formats: readonly ExportFormat[];
  audiences: readonly Audience[];
  defaultLevel: PrivacyLevelName;
}

/** Attendance is for the secretariat (who was there, who is paid): full; everything else aggregate. */
const defaultLevelOf = (name: string): PrivacyLevelName => (name === 'attendance' ? 'full' : 'aggregate');

const report = (name: ReportName, formats: readonly ExportFormat[], audiences: readonly Audience[]): ExportChoice => ({
  kind: 'report',
  name,
  formats,
  audiences,
  defaultLevel: defaultLevelOf(name),
});

const table = (name: ReportTable): ExportChoice => ({ kind: 'table', name, formats: ['csv'], audiences: [], defaultLevel: defaultLevelOf(name) });

export const REPORTS: readonly ExportChoice[] = [
  report('workbook', ['xlsx'], ['secretariat', 'auditors']),
  report('recommendations', ['pdf'], ['policymakers', 'press']),
  report('representativeness', ['pdf', 'csv'], ['policymakers', 'press', 'auditors']),
  report('selectionAudit', ['pdf'], ['auditors']),
  report('attendance', ['pdf', 'csv'], ['secretariat']),
  report('agenda', ['pdf', 'csv'], ['secretariat', 'press']),
  report('publicReport', ['pdf'], ['policymakers', 'press']),
];

/** Every table of the workbook, in the workbook's order (preload/vocabulary.ts). */
export const TABLES: readonly ExportChoice[] = REPORT_TABLES.map(table);

/** Lower case, no accents, dashes: as main/services/reports.ts names the file. */
export function slugOf(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'assembly'
  );
}

/** The file name the export will carry (the server's answer is the truth; this is the preview). */
export function expectedFileName(assemblyName: string, choice: ExportChoice, level: PrivacyLevelName, format: ExportFormat, now = new Date()): string {
  return `${slugOf(assemblyName)}-${choice.name}-${level}-${now.toISOString().slice(0, 10)}.${format}`;
}
