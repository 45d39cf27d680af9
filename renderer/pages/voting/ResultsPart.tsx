/** The finalised results for the secretariat (`#/voting/results`), per session or all. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/StatusLine';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { NoSessions } from './BallotsPart';
import { ResultTable } from './ResultTable';
import { countHref, dependencyText, methodText, notHeldText, roomHref } from './shared';
import { useContent } from '../../components/content';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';

export function ResultsPart() {
  const { t } = useTranslation();
  const content = useContent();
  const lang = currentLanguage();
  const { sessions, list } = useSessionChoice();
  const [sessionId, setSessionId] = useState('');
  const results = useApiData(() => call('voting.results', sessionId ? { sessionId } : {}), [sessionId]);
  const notHeld = useApiData(() => call('voting.notHeld', sessionId ? { sessionId } : {}), [sessionId]);
  if (sessions.data && list.length === 0) return <NoSessions />;
  const session = list.find((s) => s.id === sessionId) ?? null;
  return (
    <>
      <h2>{t('votingPage.parts.results')}</h2>
      <div className="vote-toolbar">
        <SessionPicker label={t('votingPage.session')} className="vote-picker" list={list} session={session} onChoose={setSessionId} allLabel={t('votingPage.results.allSessions')} />
        <a className="button" href={hrefFor('voting', 'room')}>
          {t('votingPage.results.toRoom')}
        </a>
      </div>
      <LoadStatus loaded={results} />
      {results.data && results.data.length === 0 && (
        <EmptyState title={t('votingPage.results.none')}>
          <p>{t('votingPage.results.noneText')}</p>
        </EmptyState>
      )}
      {results.data?.map(({ ballot, result, dependency }) => (
        <section key={ballot.id} className="panel vote-result-panel" aria-labelledby={`vote-result-${ballot.id}`}>
          <h3 id={`vote-result-${ballot.id}`}>{content('ballot', ballot.id, 'title', ballot.title)}</h3>
          <p className="muted">
            {[list.find((s) => s.id === ballot.sessionId)?.name, methodText(t, ballot), ballot.finalisedAt ? t('votingPage.results.finalisedAt', { at: formatInstant(ballot.finalisedAt, lang), operator: ballot.finalisedBy ?? '' }) : null]
              .filter(Boolean)
              .join(' · ')}{' '}
            <a href={countHref(ballot.id)}>{t('votingPage.results.details')}</a> · <a href={roomHref(ballot.id)}>{t('votingPage.results.showInRoom')}</a>
          </p>
          {dependency && <p className="muted vote-dependency-line">{dependencyText(t, dependency)}</p>}
          <ResultTable ballot={ballot} result={result} />
        </section>
      ))}
      {notHeld.data && notHeld.data.length > 0 && (
        <section className="panel vote-not-held-panel" aria-labelledby="vote-not-held-title">
          <h3 id="vote-not-held-title">{t('votingPage.results.notHeldTitle')}</h3>
          <ul className="vote-not-held-list">
            {notHeld.data.map(({ ballot, dependency }) => (
              <li key={ballot.id}>
                <strong>{ballot.title}</strong> — {notHeldText(t, dependency)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
