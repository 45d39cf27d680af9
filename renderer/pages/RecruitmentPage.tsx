import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { hrefFor, useSubPath } from '../router';
import { DuplicatesPage } from './recruitment/DuplicatesPage';
import { ImportPage } from './recruitment/ImportPage';
import { PeoplePage } from './recruitment/PeoplePage';
import { QuotasPage } from './recruitment/QuotasPage';

/** The parts of recruitment, each at `#/recruitment/<part>` (the people list at `#/recruitment`). */
const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'people', Page: PeoplePage },
  { sub: 'import', key: 'import', Page: ImportPage },
  { sub: 'quotas', key: 'quotas', Page: QuotasPage },
  { sub: 'duplicates', key: 'duplicates', Page: DuplicatesPage },
];

export function RecruitmentPage() {
  const { t } = useTranslation();
  const sub = useSubPath().split('/')[0] ?? '';
  const part = PARTS.find((p) => p.sub === sub) ?? PARTS[0]!;
  return (
    <>
      <PageHeading>{t('recruitment.title')}</PageHeading>
      <nav className="sub-nav" aria-label={t('recruitment.partsLabel')}>
        <ul>
          {PARTS.map((p) => (
            <li key={p.key}>
              <a href={hrefFor('recruitment', p.sub)} aria-current={p === part ? 'page' : undefined}>
                {t(`recruitment.parts.${p.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <part.Page />
    </>
  );
}
