import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaTabs, useAreaPart } from '../components/AreaTabs';
import { PageHeading } from '../components/PageHeading';
import { DuplicatesPage } from './recruitment/DuplicatesPage';
import { ImportPage } from './recruitment/ImportPage';
import { InvitationsPage } from './recruitment/invitations/InvitationsPage';
import { LettersPage } from './recruitment/LettersPage';
import { PeoplePage } from './recruitment/PeoplePage';
import { QuotasPage } from './recruitment/QuotasPage';

/** The parts of recruitment, each at `#/recruitment/<part>` (the people list at `#/recruitment`). */
const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'people', Page: PeoplePage },
  { sub: 'invitations', key: 'invitations', Page: InvitationsPage },
  { sub: 'letters', key: 'letters', Page: LettersPage },
  { sub: 'import', key: 'import', Page: ImportPage },
  { sub: 'quotas', key: 'quotas', Page: QuotasPage },
  { sub: 'duplicates', key: 'duplicates', Page: DuplicatesPage },
];

export function RecruitmentPage() {
  const { t } = useTranslation();
  const part = useAreaPart(PARTS);
  return (
    <>
      <PageHeading>{t('recruitment.title')}</PageHeading>
      <AreaTabs area="recruitment" label={t('recruitment.partsLabel')} current={part.sub} parts={PARTS.map((p) => ({ sub: p.sub, label: t(`recruitment.parts.${p.key}`) }))} />
      <part.Page />
    </>
  );
}
