/**
 * Who is still expected: name, phone (a tel: link, to call from a phone or a softphone) and
 * language. Prints on its own (the rest of the page is left out of the printout).
 */
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../main/domain/attendance/types';
import type { Session } from '../../../main/domain/sessions/types';
import { formatCalendarDate, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { languageName } from './shared';

export function NoShowList({ session, rows, started }: { session: Session; rows: RosterEntry[]; started: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const missing = rows.filter((r) => r.state === 'expected');
  return (
    <section aria-labelledby="noshow-title" className="panel att-noshow">
      <div className="att-noshow-head">
        <h3 id="noshow-title">
          {t('noShow.title')}
          <span className="count"> · {formatNumber(missing.length, lang)}</span>
        </h3>
        {missing.length > 0 && (
          <button type="button" className="button button-small att-noprint" onClick={() => window.print()}>
            {t('noShow.print')}
          </button>
        )}
      </div>
      <p className="att-print-only">
        {session.name} · {formatCalendarDate(session.date, lang)} · {session.startTime}
      </p>
      <p className="muted">{started ? t('noShow.afterStart', { time: session.startTime }) : t('noShow.beforeStart', { time: session.startTime })}</p>
      {missing.length === 0 ? (
        <p className="empty-inline">{t('noShow.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact att-noshow-table">
            <caption className="visually-hidden">{t('noShow.caption', { session: session.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('noShow.col.name')}</th>
                <th scope="col">{t('noShow.col.code')}</th>
                <th scope="col">{t('noShow.col.phone')}</th>
                <th scope="col">{t('noShow.col.language')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((r) => (
                <tr key={r.personId}>
                  <th scope="row">
                    {r.lastName}, {r.firstName}
                  </th>
                  <td className="att-mono">{r.code}</td>
                  <td className="nowrap">
                    {r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a> : <span className="muted">{t('noShow.noPhone')}</span>}
                  </td>
                  <td>{languageName(t, r.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
