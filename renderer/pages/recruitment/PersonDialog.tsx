import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../main/domain/recruitment/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { PersonContactLog } from './PersonContactLog';
import { PersonDetailsForm } from './PersonDetailsForm';
import { ErasureReachNotice, PersonErase } from './PersonErase';
import type { ErasureReach } from '../../../main/domain/recruitment/types';
import { StatusBadge, fullName, reasonsText } from './PersonShared';
import { PersonStatusSection } from './PersonStatusSection';

interface Props {
  personId: string;
  /** Show another person in the same dialog (replaced by, replaces, a possible duplicate). */
  onOpen: (id: string) => void;
  onClose: () => void;
  /** Something about the person changed: the list behind the dialog should load again. */
  onChanged: () => void;
}

/** One person's card: details, status and its history, contacts, features, duplicates, erasure. */
export function PersonDialog({ personId, onOpen, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const loaded = useApiData(() => call('people.get', { id: personId }), [personId]);
  const [updated, setUpdated] = useState<PersonDetail | null>(null);
  const identity = useRef<HTMLDivElement>(null);
  const [switched, setSwitched] = useState(0);

  const person = updated?.id === personId ? updated : loaded.data?.id === personId ? loaded.data : undefined;

  // After moving to another person in the same dialog, continue at the top of the new card.
  useEffect(() => {
    if (switched > 0 && person) identity.current?.focus();
  }, [switched, person?.id]);

  // Where the erasure reached (backups, copies elsewhere): shown once, right after erasing.
  const [reach, setReach] = useState<ErasureReach | null>(null);
  function changed(next: PersonDetail & { erasure?: ErasureReach }) {
    setUpdated(next);
    if (next.erasure) setReach(next.erasure);
    onChanged();
  }

  function switchTo(id: string) {
    setUpdated(null);
    onOpen(id);
    setSwitched((n) => n + 1);
  }

  const title = person ? (person.erased ? t('peoplePage.person.erasedTitle', { code: person.code }) : fullName(person)) : t('peoplePage.person.loadingTitle');

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="person-view">
        <button type="button" className="button button-small person-close" onClick={onClose}>
          {t('common.close')}
        </button>
        <ErrorNotice error={loaded.error} />
        {!person && !loaded.error && <p className="muted">{t('app.loading')}</p>}
        {person && (
          <>
            <div className="person-identity" ref={identity} tabIndex={-1}>
              <span className="person-code">
                {t('peoplePage.person.code')} <strong>{person.code}</strong>
              </span>
              <StatusBadge status={person.status} />
              {person.externalId && <span className="muted">{t('peoplePage.person.externalId', { id: person.externalId })}</span>}
              {person.householdSize > 1 && <span className="muted">{t('peoplePage.person.household', { count: person.householdSize, n: person.householdSize })}</span>}
            </div>
            {person.erased && (
              <div className="notice person-erased-notice">
                <p className="notice-title">{t('peoplePage.person.erasedNotice', { when: person.erasedAt ? formatInstant(person.erasedAt, lang) : '' })}</p>
                <p>{t('peoplePage.person.erasedExplain')}</p>
                {reach && <ErasureReachNotice reach={reach} />}
              </div>
            )}

            <div className="person-columns">
              <div className="person-column">
                <PersonDetailsForm key={`details-${person.id}-${person.erased}`} person={person} onSaved={changed} />
              </div>
              <div className="person-column">
                <PersonStatusSection key={`status-${person.id}`} person={person} onChanged={changed} onOpen={switchTo} />
                <PersonContactLog key={`contacts-${person.id}`} person={person} onChanged={changed} />

                <section className="person-section" aria-labelledby={`features-${person.id}`}>
                  <h3 id={`features-${person.id}`}>{t('peoplePage.features.title')}</h3>
                  {Object.keys(person.features).length === 0 ? (
                    <p className="muted">{t('peoplePage.features.none')}</p>
                  ) : (
                    <dl className="facts person-features">
                      {Object.entries(person.features).map(([name, value]) => (
                        <div key={name}>
                          <dt>{name}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </section>

                <section className="person-section" aria-labelledby={`dups-${person.id}`}>
                  <h3 id={`dups-${person.id}`}>{t('peoplePage.personDups.title')}</h3>
                  {person.duplicates.length === 0 ? (
                    <p className="muted">{t('peoplePage.personDups.none')}</p>
                  ) : (
                    <>
                      <ul className="person-dup-list">
                        {person.duplicates.map((flag) => {
                          const other = flag.a.id === person.id ? flag.b : flag.a;
                          // A pair resolved by removing a record: this person is the one kept.
                          const otherRemoved = flag.status === 'resolved';
                          return (
                            <li key={flag.id}>
                              {otherRemoved ? (
                                <span>{t('peoplePage.personDups.open', { name: other.name, code: other.code })}</span>
                              ) : (
                                <>
                                  <button type="button" className="people-link" onClick={() => switchTo(other.id)}>
                                    {t('peoplePage.personDups.open', { name: other.name, code: other.code })}
                                  </button>{' '}
                                  <StatusBadge status={other.status} />
                                </>
                              )}
                              <span className="person-dup-meta">
                                {reasonsText(t, flag.reasons)} ·{' '}
                                <strong>{otherRemoved ? t('peoplePage.personDups.removed') : t(`peoplePage.dup.flagStatus.${flag.status}`)}</strong>
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                      <p>
                        <a href={hrefFor('recruitment', 'duplicates')}>{t('peoplePage.personDups.review')}</a>
                      </p>
                    </>
                  )}
                </section>
              </div>
            </div>

            {!person.erased && <PersonErase key={`erase-${person.id}`} person={person} onErased={changed} onFocusAfter={() => identity.current?.focus()} />}
          </>
        )}
      </div>
    </Dialog>
  );
}
