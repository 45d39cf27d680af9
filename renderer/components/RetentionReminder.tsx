import { useTranslation } from 'react-i18next';
import type { AssemblyInfo } from '../../main/domain/assembly/types';
import { formatCalendarDate } from '../format';
import { currentLanguage } from '../i18n';
import { hrefFor } from '../router';

/**
 * The reminder under the header, on the host only, once the retention date has passed and the
 * assembly is not closed (main decides, by its clock and the assembly's zone: AssemblyInfo.retentionPassed).
 */
export function RetentionReminder({ assembly }: { assembly: AssemblyInfo }) {
  const { t } = useTranslation();
  if (!assembly.retentionPassed || !assembly.retentionUntil) return null;
  return (
    // A landmark, not a live region: it is there when the page opens, and must not be taken for a
    // page's own status line.
    <aside className="notice retention-reminder" aria-label={t('closing.reminder.label')} data-testid="retention-reminder">
      <p>{t('closing.reminder.text', { date: formatCalendarDate(assembly.retentionUntil, currentLanguage()) })}</p>
      <a className="button" href={hrefFor('settings')}>
        {t('closing.reminder.action')}
      </a>
    </aside>
  );
}
