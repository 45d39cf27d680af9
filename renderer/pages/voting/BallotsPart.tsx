/** The ballots of a session (`#/voting`): list, create, edit while nothing is counted, delete. */
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotDetail } from '../../../main/domain/voting/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { BallotForm } from './BallotForm';
import { countHref, dependencyText, methodText, notHeldText } from './shared';
import { useContent } from '../../components/content';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';

export function statusText(t: TFunction, d: BallotDetail): string {
  if (d.ballot.status === 'finalised') return t('votingPage.status.finalised');
  if (d.ballot.status === 'notHeld') return t('votingPage.status.notHeld');
  if (d.dependency?.state === 'waiting') return t('votingPage.status.waiting');
  if (d.entries.length === 0) return t('votingPage.status.noCounts');
  if (d.entries.length === 1) return t('votingPage.status.oneEntry', { slot: d.entries[0]!.slot });
  if (d.differences.length > 0) return t('votingPage.status.differ', { count: d.differences.length });
  return t('votingPage.status.ready');
}

export function NoSessions() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('votingPage.empty.noSessions')}>
      <p>{t('votingPage.empty.noSessionsText')}</p>
      <p>
        <a className="button button-primary" href={hrefFor('sessions')}>
          {t('votingPage.empty.toSessions')}
        </a>
      </p>
    </EmptyState>
  );
}

export function BallotsPart() {
  const { t } = useTranslation();
  const content = useContent();
  const lang = currentLanguage();
  const { sessions, list, session, choose } = useSessionChoice();
  const ballots = useApiData(async () => {
    if (!session) return [];
    const rows = await call('voting.list', { sessionId: session.id });
    return Promise.all(rows.map((b) => call('voting.get', { id: b.id })));
  }, [session?.id]);
  const [editing, setEditing] = useState<{ ballot?: Ballot } | null>(null);
  const [deleting, setDeleting] = useState<Ballot | null>(null);
  const [message, setMessage] = useState<{ text: string; ballotId?: string } | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const remove = useAction(async () => {
    if (!deleting) return;
    await call('voting.deleteBallot', { id: deleting.id });
    setMessage({ text: t('votingPage.ballots.deleted', { title: deleting.title }) });
    setDeleting(null);
    await ballots.reload();
    newButton.current?.focus();
  });

  if (sessions.data && list.length === 0) return <NoSessions />;

  const onSaved = async (b: Ballot) => {
    setEditing(null);
    setMessage({ text: t(editing?.ballot ? 'votingPage.ballots.saved' : 'votingPage.ballots.created', { title: b.title }), ballotId: b.id });
    await ballots.reload();
    document.getElementById('vote-status-link')?.focus();
  };

  return (
    <>
      <h2>{t('votingPage.parts.ballots')}</h2>
      <LoadStatus loaded={sessions} />
      {session && (
        <div className="vote-toolbar">
          <SessionPicker label={t('votingPage.session')} className="vote-picker" list={list} session={session} onChoose={choose} />
          {!editing && (
            <button ref={newButton} type="button" className="button button-primary" onClick={() => setEditing({})}>
              {t('votingPage.ballots.new')}
            </button>
          )}
        </div>
      )}
      <StatusLine message={message?.text}>
        {message?.ballotId && (
          <>
            {' '}
            <a id="vote-status-link" href={countHref(message.ballotId)}>
              {t('votingPage.ballots.toCount')}
            </a>
          </>
        )}
      </StatusLine>
      {editing && session && (
        <BallotForm
          sessionId={session.id}
          ballot={editing.ballot}
          onSaved={(b) => void onSaved(b)}
          onCancel={() => {
            setEditing(null);
            setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      )}
      {session && (
        <>
          <LoadStatus loaded={ballots} />
          {ballots.data && ballots.data.length === 0 && !editing && (
            <EmptyState title={t('votingPage.empty.noBallots')}>
              <p>{t('votingPage.empty.noBallotsText')}</p>
            </EmptyState>
          )}
          {ballots.data && ballots.data.length > 0 && (
            <div className="table-wrap">
              <table className="data-table vote-ballots">
                <caption>{t('votingPage.ballots.caption', { session: session.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('votingPage.ballots.title')}</th>
                    <th scope="col">{t('votingPage.ballots.method')}</th>
                    <th scope="col" className="num">
                      {t('votingPage.ballots.items')}
                    </th>
                    <th scope="col">{t('votingPage.ballots.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('votingPage.ballots.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ballots.data.map((d) => {
                    const b = d.ballot;
                    const editable = b.status !== 'finalised' && d.entries.length === 0;
                    return (
                      <tr key={b.id}>
                        <th scope="row">
                          {content('ballot', b.id, 'title', b.title)}
                          {d.dependency && (
                            <span className="vote-dependency-line muted">
                              {b.status === 'notHeld' ? notHeldText(t, d.dependency) : `${dependencyText(t, d.dependency)} (${t(`votingPage.dependency.state.${d.dependency.state}`)})`}
                            </span>
                          )}
                        </th>
                        <td>{methodText(t, b)}</td>
                        <td className="num">{formatNumber(b.items.length, lang)}</td>
                        <td>
                          <span className={`vote-status vote-status-${b.status}`}>{statusText(t, d)}</span>
                        </td>
                        <td>
                          <div className="row-actions-inner">
                            <a className="button button-small" href={countHref(b.id)} aria-label={t(b.status === 'finalised' ? 'votingPage.ballots.openResultLabel' : 'votingPage.ballots.countLabel', { title: b.title })}>
                              {t(b.status === 'finalised' ? 'votingPage.ballots.openResult' : 'votingPage.ballots.count')}
                            </a>
                            {editable && (
                              <button type="button" className="button button-small" onClick={() => setEditing({ ballot: b })} aria-label={t('votingPage.ballots.editLabel', { title: b.title })}>
                                {t('common.edit')}
                              </button>
                            )}
                            {b.status !== 'finalised' && (
                              <button type="button" className="button button-small button-danger-outline" onClick={() => setDeleting(b)} aria-label={t('votingPage.ballots.deleteLabel', { title: b.title })}>
                                {t('common.delete')}
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {deleting && (
        <Dialog title={t('votingPage.ballots.deleteTitle', { title: deleting.title })} role="alertdialog" onClose={() => setDeleting(null)}>
          <p>{t('votingPage.ballots.deleteText')}</p>
          <ErrorNotice error={remove.error} />
          <FormActions busy={remove.busy} tone="danger" submitLabel={t('common.delete')} onConfirm={() => void remove.run()} onCancel={() => setDeleting(null)} cancelFirst />
        </Dialog>
      )}
    </>
  );
}
