/**
 * Voting: the ballots of a session (`#/voting`), the double entry of the counts
 * (`#/voting/count?ballot=ID`), the finalised results (`#/voting/results`) and the room screen
 * for the projector (`#/voting/room`, over the whole window).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaTabs, useAreaPart } from '../../components/AreaTabs';
import { PageHeading } from '../../components/PageHeading';
import { BallotsPart } from './BallotsPart';
import { CountPart } from './CountPart';
import { ResultsPart } from './ResultsPart';
import { RoomScreen } from './RoomScreen';
import './voting.css';

const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'ballots', Page: BallotsPart },
  { sub: 'count', key: 'count', Page: CountPart },
  { sub: 'results', key: 'results', Page: ResultsPart },
  { sub: 'room', key: 'room', Page: RoomScreen },
];

export function VotingPage() {
  const { t } = useTranslation();
  const part = useAreaPart(PARTS);
  if (part.key === 'room') return <RoomScreen />;
  return (
    <>
      <PageHeading intro={part.sub === '' ? t('votingPage.intro') : undefined}>{t('voting.title')}</PageHeading>
      <AreaTabs area="voting" label={t('votingPage.partsLabel')} current={part.sub} parts={PARTS.map((p) => ({ sub: p.sub, label: t(`votingPage.parts.${p.key}`) }))} />
      <part.Page />
    </>
  );
}
