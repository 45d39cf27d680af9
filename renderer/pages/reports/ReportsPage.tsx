/**
 * Reports (#/reports): every report (reports.export) with what it is for and who it is for, and
 * each table of the workbook as CSV. Each opens the export dialog: privacy level, language and,
 * where there are two, the format. Nothing is loaded to show the page, so it works on an empty
 * assembly too; a report with nothing to show says so when it is exported.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { StatusLine } from '../../components/StatusLine';
import { REPORTS, TABLES, type ExportChoice } from './catalogue';
import { ExportDialog } from './ExportDialog';
import './reports.css';

const titleKey = (c: ExportChoice) => `reportsPage.${c.kind}.${c.name}.title`;
const purposeKey = (c: ExportChoice) => `reportsPage.${c.kind}.${c.name}.purpose`;

export function ReportsPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ExportChoice | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const opener = useRef<HTMLButtonElement | null>(null);

  function openDialog(choice: ExportChoice, button: HTMLButtonElement) {
    opener.current = button;
    setLastSaved(null);
    setOpen(choice);
    setDialogOpen(true);
  }

  function close() {
    setOpen(null);
    setDialogOpen(false);
    // The native dialog gives focus back to its opener; make sure even after a re-render.
    requestAnimationFrame(() => opener.current?.focus());
  }

  const formatList = (c: ExportChoice) => c.formats.map((f) => t(`reportsPage.format.${f}`)).join(' · ');

  return (
    <>
      <PageHeading intro={t('reportsPage.intro')}>{t('reports.title')}</PageHeading>
      {/* The dialog announces its own saves; the page repeats the last one once it is closed. */}
      <StatusLine message={!dialogOpen && lastSaved ? t('reportsPage.saved', { fileName: lastSaved }) : null} />

      <section className="panel" aria-labelledby="reports-list-title">
        <h2 id="reports-list-title">{t('reportsPage.reportsTitle')}</h2>
        <p className="muted">{t('reportsPage.reportsIntro')}</p>
        <ul className="reports-cards">
          {REPORTS.map((c) => (
            <li key={c.name} className="reports-card">
              <h3>{t(titleKey(c))}</h3>
              <p className="reports-card-formats">{formatList(c)}</p>
              <p className="reports-card-purpose">{t(purposeKey(c))}</p>
              <p className="reports-card-audience">
                <span className="reports-card-label">{t('reportsPage.forWhom')}</span>{' '}
                {c.audiences.map((a) => t(`reportsPage.audience.${a}`)).join(', ')}
              </p>
              <p className="reports-card-level muted">{t('reportsPage.defaultLevel', { level: t(`reportsPage.level.${c.defaultLevel}.name`) })}</p>
              <button
                type="button"
                className="button button-primary"
                aria-haspopup="dialog"
                onClick={(e) => openDialog(c, e.currentTarget)}
              >
                {t('reportsPage.exportButton', { name: t(titleKey(c)) })}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="reports-tables-title">
        <h2 id="reports-tables-title">{t('reportsPage.tablesTitle')}</h2>
        <p className="muted">{t('reportsPage.tablesIntro')}</p>
        <DataTable
          className="reports-tables"
          caption={t('reportsPage.tablesCaption')}
          columns={[t('reportsPage.col.table'), t('reportsPage.col.holds'), t('reportsPage.col.level'), { label: t('reportsPage.col.action'), hidden: true }]}
        >
          {TABLES.map((c) => (
            <tr key={c.name}>
              <th scope="row">{t(titleKey(c))}</th>
              <td>{t(purposeKey(c))}</td>
              <td className="nowrap">{t(`reportsPage.level.${c.defaultLevel}.name`)}</td>
              <td className="reports-tables-action">
                <button
                  type="button"
                  className="button button-small"
                  aria-haspopup="dialog"
                  aria-label={t('reportsPage.exportCsv', { name: t(titleKey(c)) })}
                  onClick={(e) => openDialog(c, e.currentTarget)}
                >
                  {t('reportsPage.exportCsvShort')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      {open && <ExportDialog choice={open} title={t(titleKey(open))} onClose={close} onSaved={setLastSaved} />}
    </>
  );
}
