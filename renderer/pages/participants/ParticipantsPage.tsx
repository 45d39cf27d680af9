import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { hrefFor, useSubPath } from '../../router';
import { ParticipantList } from './ParticipantList';
import { PerDiemPage } from './PerDiemPage';
import '../attendance/attendance.css';
import './participants.css';

/** The parts of the area: the confirmed participants (`#/participants`) and their per-diem (`#/participants/perdiem`). */
const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'list', Page: ParticipantList },
  { sub: 'perdiem', key: 'perdiem', Page: PerDiemPage },
];

export function ParticipantsPage() {
  const { t } = useTranslation();
  const sub = useSubPath().split('/')[0] ?? '';
  const part = PARTS.find((p) => p.sub === sub) ?? PARTS[0]!;
  return (
    <>
      <PageHeading>{t('participants.title')}</PageHeading>
      <nav className="sub-nav" aria-label={t('participants2.partsLabel')}>
        <ul>
          {PARTS.map((p) => (
            <li key={p.key}>
              <a href={hrefFor('participants', p.sub)} aria-current={p === part ? 'page' : undefined}>
                {t(`participants2.parts.${p.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <part.Page />
    </>
  );
}
