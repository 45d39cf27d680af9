import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaTabs, useAreaPart } from '../../components/AreaTabs';
import { PageHeading } from '../../components/PageHeading';
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
  const part = useAreaPart(PARTS);
  return (
    <>
      <PageHeading>{t('participants.title')}</PageHeading>
      <AreaTabs area="participants" label={t('participants2.partsLabel')} current={part.sub} parts={PARTS.map((p) => ({ sub: p.sub, label: t(`participants2.parts.${p.key}`) }))} />
      <part.Page />
    </>
  );
}
