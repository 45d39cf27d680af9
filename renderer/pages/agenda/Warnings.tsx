/**
 * The planning warnings, each as a sentence in the UI language built from its kind and the
 * slots and people it names (the server's English sentence when the kind is unknown), with
 * links that take the focus to the slot or the person concerned.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaOverview, AgendaSlot, AgendaWarning } from '../../../main/domain/agenda/types';
import type { PersonLanguage } from '../../../preload/vocabulary';
import { formatCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { useContent } from '../../components/content';

const KNOWN = new Set(['speakerDoubleBooked', 'speakerUnavailable', 'roomDoubleBooked', 'roomTooSmall', 'outsideSession', 'roomOverlap', 'languageGap', 'speakerWithoutSlot', 'oneSidedTopic']);

/** "“Title” (10:00)", or "the plenary talk at 10:00" for a slot without a title. */
export function useSlotLabel() {
  const { t } = useTranslation();
  const content = useContent();
  return (slot: Pick<AgendaSlot, 'title' | 'kind' | 'startTime'> & { id?: string } | undefined, fallbackTitle = '', fallbackStart = '') => {
    if (!slot) return fallbackTitle ? t('agendaPage.warn.slotTitled', { title: fallbackTitle, start: fallbackStart }) : t('agendaPage.warn.slotSomewhere');
    return slot.title
      ? t('agendaPage.warn.slotTitled', { title: slot.id ? content('slot', slot.id, 'title', slot.title) : slot.title, start: slot.startTime })
      : t('agendaPage.warn.slotUntitled', { kind: t(`agendaPage.kind.${slot.kind}`), start: slot.startTime });
  };
}

export function useWarningText(overview: AgendaOverview) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const slotLabel = useSlotLabel();
  const content = useContent();
  const slotById = new Map(overview.slots.map((s) => [s.id, s]));
  const sessionById = new Map(overview.sessions.map((s) => [s.id, s]));
  const langNames = (codes: string) =>
    codes
      .split('/')
      .filter(Boolean)
      .map((c) => t(`agendaPage.lang.${c as PersonLanguage}`))
      .join('/');

  return (w: AgendaWarning): string => {
    if (!KNOWN.has(w.kind)) return w.message;
    const p = w.params;
    const str = (k: string) => (p[k] === undefined ? '' : String(p[k]));
    const [a, b] = w.slotIds.map((id) => slotById.get(id));
    const first = slotLabel(a, str('first') || str('slot'), str('firstStart') || str('start'));
    const second = slotLabel(b, str('second'), str('secondStart'));
    const date = str('date') ? formatCalendarDate(str('date'), lang) : '';
    const sessionName = (s: AgendaSlot | undefined) => {
      const session = s ? sessionById.get(s.sessionId) : undefined;
      return session ? content('session', session.id, 'name', session.name) : '';
    };
    const values: Record<string, string | number> = {
      ...p,
      date,
      slot: first,
      first,
      second,
      firstSession: sessionName(a),
      secondSession: sessionName(b),
      speaks: langNames(str('speaks')),
      slotLanguages: langNames(str('slotLanguages')),
    };
    return t(`agendaPage.warn.${w.kind}`, { ...values, defaultValue: w.message });
  };
}

interface ListProps {
  overview: AgendaOverview;
  warnings: AgendaWarning[];
  onSlot: (slotId: string) => void;
  onPerson: (contributorId: string) => void;
}

/** One list of warnings, each with the links to what it is about. */
export function WarningList({ overview, warnings, onSlot, onPerson }: ListProps) {
  const { t } = useTranslation();
  const text = useWarningText(overview);
  const slotLabel = useSlotLabel();
  const slotById = new Map(overview.slots.map((s) => [s.id, s]));
  const person = new Map(overview.contributors.map((c) => [c.id, c]));
  return (
    <ul className="warning-list">
      {warnings.map((w, i) => (
        <li key={`${w.kind}-${w.slotIds.join('-')}-${w.contributorIds.join('-')}-${i}`} className="warning-item">
          <span className="warning-mark" aria-hidden="true">
            !
          </span>
          <div>
            <p className="warning-text">{text(w)}</p>
            <p className="warning-links">
              {w.slotIds
                .filter((id) => slotById.has(id))
                .slice(0, 6)
                .map((id) => (
                  <a
                    key={id}
                    href={`#/agenda`}
                    onClick={(e) => {
                      e.preventDefault();
                      onSlot(id);
                    }}
                  >
                    {t('agendaPage.warn.goToSlot', { slot: slotLabel(slotById.get(id)) })}
                  </a>
                ))}
              {w.kind === 'speakerWithoutSlot' &&
                w.contributorIds
                  .filter((id) => person.has(id))
                  .map((id) => (
                    <a
                      key={id}
                      href="#/agenda/people"
                      onClick={(e) => {
                        e.preventDefault();
                        onPerson(id);
                      }}
                    >
                      {t('agendaPage.warn.goToPerson', { name: person.get(id)!.name })}
                    </a>
                  ))}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
