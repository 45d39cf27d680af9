/**
 * The small-group tables of one round as an Excel workbook, in the chosen language: sheet
 * "Tables" (per table its members — table number, group, facilitator, last name, first name,
 * code, language and one column per feature the plan shows) and sheet "Wall list" (everyone
 * sorted by last name as the language sorts, with their table). Each sheet is one table (see
 * xlsx.ts). A plan that seats nobody is refused with a RangeError.
 */
import type { Session } from '../domain/sessions/types';
import type { TableMember, TablePlan } from '../domain/tables/types';
import { byLastName, reportT, type ReportLang } from './i18n';
import { addTableSheet, newWorkbook, workbookBytes, type CellInput, type ColumnSpec } from './xlsx';

export interface TablesWorkbookOptions {
  session: Session;
  /** Contributor id -> name (the facilitators). */
  facilitators: Map<string, string>;
  assemblyName: string;
  lang: ReportLang;
}

/** A language code as a short tag ("NL"). */
const languageTag = (language: string | null): string => (language ? (language.length <= 3 ? language.toUpperCase() : language) : '');

/** The features the plan shows (not ignored), in its order, then any other a member carries. Same rule as tablesPdf.ts. */
function shownFeatures(plan: TablePlan): string[] {
  const shown = Object.entries(plan.settings.modes)
    .filter(([, mode]) => mode !== 'ignore')
    .map(([name]) => name);
  const carried = new Set(plan.tables.flatMap((t) => t.members.flatMap((m) => Object.keys(m.features))));
  return [...shown.filter((f) => carried.has(f)), ...[...carried].filter((f) => !shown.includes(f)).sort()];
}

export async function tablesWorkbook(plan: TablePlan, opts: TablesWorkbookOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  if (plan.tables.length === 0 || plan.tables.every((x) => x.members.length === 0)) throw new RangeError(t('tables.empty'));
  const tables = [...plan.tables].sort((a, b) => a.number - b.number);
  const features = shownFeatures(plan);

  const wb = newWorkbook({ title: `${t('tables.wallTitle')} — ${opts.session.name} — ${t('tables.round', { n: plan.round })} — ${opts.assemblyName}` });

  const tableColumns: ColumnSpec[] = [
    { header: t('tables.columns.table'), kind: 'integer', minWidth: 10 },
    { header: t('tables.columns.group'), maxWidth: 30 },
    { header: t('tables.columns.facilitator'), maxWidth: 36 },
    { header: t('tables.columns.lastName'), maxWidth: 36 },
    { header: t('tables.columns.firstName'), maxWidth: 30 },
    { header: t('tables.columns.code'), minWidth: 10 },
    { header: t('tables.columns.language'), minWidth: 10 },
    // At least 10 wide: exceljs leaves out a width of exactly 9 (its default), and Excel then uses its own.
    ...features.map((f): ColumnSpec => ({ header: f, minWidth: 10, maxWidth: 30 })),
  ];
  const tableRows: CellInput[][] = tables.flatMap((table) => {
    // None (or one no longer known): an empty cell.
    const facilitator = (table.facilitatorId ? opts.facilitators.get(table.facilitatorId)?.trim() : '') || null;
    return byLastName(table.members, opts.lang).map((m: TableMember) => [
      table.number,
      table.group,
      facilitator,
      m.lastName,
      m.firstName,
      m.code,
      languageTag(m.language),
      ...features.map((f) => m.features[f] ?? ''),
    ]);
  });
  addTableSheet(wb, t('tables.sheets.tables'), tableColumns, tableRows);

  const wallColumns: ColumnSpec[] = [
    { header: t('tables.columns.lastName'), maxWidth: 36 },
    { header: t('tables.columns.firstName'), maxWidth: 30 },
    { header: t('tables.columns.code'), minWidth: 10 },
    { header: t('tables.columns.table'), kind: 'integer', minWidth: 10 },
  ];
  const seated = tables.flatMap((table) => table.members.map((m) => ({ ...m, table: table.number })));
  const wallRows: CellInput[][] = byLastName(seated, opts.lang).map((m) => [m.lastName, m.firstName, m.code, m.table]);
  addTableSheet(wb, t('tables.sheets.wall'), wallColumns, wallRows);

  return workbookBytes(wb);
}
