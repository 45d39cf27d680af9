/** The perspectives (an ordered list) and the rooms (name and capacity) of the assembly. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Perspective, Room } from '../../../main/domain/agenda/types';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useFocusOnError } from '../../components/useAction';
import { useAgenda, useProblemText } from './shared';

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export function SettingsPart() {
  const { overview } = useAgenda();
  if (!overview.data) return <LoadStatus loaded={overview} />;
  return (
    <>
      <PerspectivesPanel initial={overview.data.perspectives} reload={overview.reload} />
      <RoomsPanel initial={overview.data.rooms} reload={overview.reload} />
    </>
  );
}

interface Row {
  key: string;
  id?: string;
  name: string;
}

function PerspectivesPanel({ initial, reload }: { initial: Perspective[]; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => initial.map((p) => ({ key: p.id, id: p.id, name: p.name })));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, error);
  const problem = useProblemText(error);
  const focus = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

  function moveRow(i: number, delta: number) {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + delta, 0, row!);
    setRows(next);
    // Keep the focus on the same button of the moved row, or its other arrow at an end.
    const j = i + delta;
    focus(j === 0 ? `persp-down-${row!.key}` : j === next.length - 1 ? `persp-up-${row!.key}` : `persp-${delta < 0 ? 'up' : 'down'}-${row!.key}`);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await call('perspectives.set', { perspectives: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim() })) });
      setRows(saved.map((p) => ({ key: p.id, id: p.id, name: p.name })));
      await reload();
      setNotice(t('agendaPage.settings.perspectivesSaved', { count: saved.length }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="agenda-perspectives-title">
      <h2 id="agenda-perspectives-title">{t('agendaPage.settings.perspectivesTitle')}</h2>
      <p className="muted">{t('agendaPage.settings.perspectivesIntro')}</p>
      <form ref={formRef} onSubmit={(e) => void save(e)} noValidate>
        <ErrorNotice error={error} />
        {rows.length === 0 && <p className="empty-inline">{t('agendaPage.settings.noPerspectives')}</p>}
        <ol className="settings-list">
          {rows.map((r, i) => (
            <li key={r.key} className="settings-row">
              <Field id={`persp-name-${r.key}`} label={t('agendaPage.settings.perspectiveN', { n: i + 1 })} error={problem(`perspectives.${i}.name`)}>
                {(p) => <input {...p} type="text" value={r.name} maxLength={100} onChange={(e) => setRows(rows.map((x) => (x.key === r.key ? { ...x, name: e.target.value } : x)))} />}
              </Field>
              <div className="settings-row-actions">
                <button type="button" id={`persp-up-${r.key}`} className="button button-small" disabled={i === 0} onClick={() => moveRow(i, -1)} aria-label={t('agendaPage.settings.upNamed', { name: r.name || i + 1 })}>
                  {t('agendaPage.settings.up')}
                </button>
                <button
                  type="button"
                  id={`persp-down-${r.key}`}
                  className="button button-small"
                  disabled={i === rows.length - 1}
                  onClick={() => moveRow(i, 1)}
                  aria-label={t('agendaPage.settings.downNamed', { name: r.name || i + 1 })}
                >
                  {t('agendaPage.settings.down')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => {
                    setRows(rows.filter((x) => x.key !== r.key));
                    focus('persp-add');
                  }}
                  aria-label={t('agendaPage.settings.removeNamed', { name: r.name || i + 1 })}
                >
                  {t('agendaPage.settings.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button
            type="button"
            id="persp-add"
            className="button"
            onClick={() => {
              const key = newKey();
              setRows([...rows, { key, name: '' }]);
              focus(`persp-name-${key}`);
            }}
          >
            {t('agendaPage.settings.addPerspective')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.busy') : t('agendaPage.settings.savePerspectives')}
          </button>
        </div>
        <p className="field-hint">{t('agendaPage.settings.perspectivesHint')}</p>
      </form>
      <StatusLine message={notice} />
    </section>
  );
}

interface RoomRow {
  key: string;
  id?: string;
  name: string;
  capacity: string;
}

function RoomsPanel({ initial, reload }: { initial: Room[]; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RoomRow[]>(() => initial.map((r) => ({ key: r.id, id: r.id, name: r.name, capacity: String(r.capacity) })));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, error);
  const problem = useProblemText(error);
  const focus = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const update = (key: string, patch: Partial<RoomRow>) => setRows(rows.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await call('rooms.set', {
        rooms: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim(), capacity: r.capacity.trim() === '' ? 0 : Number(r.capacity) })),
      });
      setRows(saved.map((r) => ({ key: r.id, id: r.id, name: r.name, capacity: String(r.capacity) })));
      await reload();
      setNotice(t('agendaPage.settings.roomsSaved', { count: saved.length }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="agenda-rooms-title">
      <h2 id="agenda-rooms-title">{t('agendaPage.settings.roomsTitle')}</h2>
      <p className="muted">{t('agendaPage.settings.roomsIntro')}</p>
      <form ref={formRef} onSubmit={(e) => void save(e)} noValidate>
        <ErrorNotice error={error} />
        {rows.length === 0 && <p className="empty-inline">{t('agendaPage.settings.noRooms')}</p>}
        <ul className="settings-list">
          {rows.map((r, i) => (
            <li key={r.key} className="settings-row room-row">
              <Field id={`room-name-${r.key}`} label={t('agendaPage.settings.roomName', { n: i + 1 })} error={problem(`rooms.${i}.name`)}>
                {(p) => <input {...p} type="text" value={r.name} maxLength={100} onChange={(e) => update(r.key, { name: e.target.value })} />}
              </Field>
              <Field id={`room-cap-${r.key}`} label={t('agendaPage.settings.roomCapacity', { n: i + 1 })} error={problem(`rooms.${i}.capacity`)}>
                {(p) => <input {...p} type="number" min={0} step={1} value={r.capacity} onChange={(e) => update(r.key, { capacity: e.target.value })} />}
              </Field>
              <div className="settings-row-actions">
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => {
                    setRows(rows.filter((x) => x.key !== r.key));
                    focus('room-add');
                  }}
                  aria-label={t('agendaPage.settings.removeNamed', { name: r.name || i + 1 })}
                >
                  {t('agendaPage.settings.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button
            type="button"
            id="room-add"
            className="button"
            onClick={() => {
              const key = newKey();
              setRows([...rows, { key, name: '', capacity: '' }]);
              focus(`room-name-${key}`);
            }}
          >
            {t('agendaPage.settings.addRoom')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.busy') : t('agendaPage.settings.saveRooms')}
          </button>
        </div>
        <p className="field-hint">{t('agendaPage.settings.roomsHint')}</p>
      </form>
      <StatusLine message={notice} />
    </section>
  );
}
