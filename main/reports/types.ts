/** Report requests, as they cross the API. */
import type { CsvDialectName, Language, ReportName, ReportTable } from '../../preload/vocabulary';

export type PrivacyLevelName = 'full' | 'pseudonymised' | 'aggregate';

export interface ReportRequest {
  /** A report (workbook as xlsx; the others as pdf), or a table (csv). */
  report: ReportName | ReportTable;
  format: 'xlsx' | 'pdf' | 'csv';
  level: PrivacyLevelName;
  lang?: Language;
  /** For csv: excel (default: semicolon, decimal comma, byte-order mark) or plain (comma, decimal point). */
  dialect?: CsvDialectName;
}
