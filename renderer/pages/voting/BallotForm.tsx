/**
 * A ballot, new or changed while nothing is counted: title, method and its rule (threshold for
 * yes/no; the levels of a support scale and the support needed; approval's picks; Borda or
 * Schulze), quorum, and the items (number, title, text in nl/fr/en) added, removed and reordered.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot, BallotInput, BallotRule, TieRule } from '../../../main/domain/voting/types';
import { useApiData } from '../../components/AppState';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction, useFocusOnError } from '../../components/useAction';

type Method = BallotRule['method'];
type Threshold = Extract<BallotRule, { method: 'yesNo' }>['threshold'];
const TEXT_LANGUAGES = ['nl', 'fr', 'en'] as const;

interface ItemValues {
  key: string;
  id?: string;
  number: string;
  title: string;
  text: Record<(typeof TEXT_LANGUAGES)[number], string>;
  /** Why the assembly recommends it (in the base language; translated on the Translations page). */
  rationale: string;
}

interface Values {
  title: string;
  method: Method;
  threshold: Threshold;
  numerator: string;
  denominator: string;
  base: 'cast' | 'present';
  abstentionsCount: boolean;
  levels: string[];
  supportLevels: string;
  supportPercent: string;
  maxPicks: string;
  count: 'borda' | 'schulze';
  quorumNumerator: string;
  quorumDenominator: string;
  tieRule: TieRule;
  /** Sequential ballot: the earlier ballot ('' for none), its item, and the condition. */
  dependsOnBallot: string;
  dependsOnItem: string;
  dependsOnWhen: 'adopted' | 'notAdopted';
  items: ItemValues[];
}

let nextKey = 0;
const newKey = () => `item-${++nextKey}`;
const emptyItem = (number: string): ItemValues => ({ key: newKey(), number, title: '', text: { nl: '', fr: '', en: '' }, rationale: '' });

function initialValues(ballot: Ballot | undefined, defaultLevels: string[]): Values {
  const values: Values = {
    title: ballot?.title ?? '',
    method: ballot?.rule.method ?? 'yesNo',
    threshold: 'simpleMajority',
    numerator: '1',
    denominator: '2',
    base: 'cast',
    abstentionsCount: false,
    levels: defaultLevels,
    supportLevels: '2',
    supportPercent: '50',
    maxPicks: '3',
    count: 'borda',
    quorumNumerator: String(ballot?.quorum.numerator ?? 2),
    quorumDenominator: String(ballot?.quorum.denominator ?? 3),
    tieRule: ballot?.tieRule ?? 'newVote',
    dependsOnBallot: ballot?.dependsOn?.ballotId ?? '',
    dependsOnItem: ballot?.dependsOn?.itemId ?? '',
    dependsOnWhen: ballot?.dependsOn?.when ?? 'adopted',
    items: ballot ? ballot.items.map((i) => ({ key: newKey(), id: i.id, number: i.number, title: i.title, text: { nl: i.text.nl ?? '', fr: i.text.fr ?? '', en: i.text.en ?? '' }, rationale: i.rationale ?? '' })) : [emptyItem('1')],
  };
  const r = ballot?.rule;
  if (r?.method === 'yesNo') {
    Object.assign(values, { threshold: r.threshold, abstentionsCount: r.abstentionsCount, base: r.base ?? 'cast' });
    if (r.numerator !== undefined) values.numerator = String(r.numerator);
    if (r.denominator !== undefined) values.denominator = String(r.denominator);
  } else if (r?.method === 'scale') {
    values.levels = [...r.levels];
    values.supportLevels = String(r.supportLevels);
    values.supportPercent = String(Math.round((r.numerator / r.denominator) * 1000) / 10);
  } else if (r?.method === 'approval') values.maxPicks = String(r.maxPicks);
  else if (r?.method === 'ranking') values.count = r.count;
  return values;
}

const int = (s: string) => (s.trim() === '' ? NaN : Number(s));

function ruleOf(v: Values): BallotRule {
  switch (v.method) {
    case 'yesNo': {
      const rule: Extract<BallotRule, { method: 'yesNo' }> = { method: 'yesNo', threshold: v.threshold, abstentionsCount: v.threshold === 'majorityOfPresent' ? false : v.abstentionsCount };
      if (v.threshold === 'custom') Object.assign(rule, { numerator: int(v.numerator), denominator: int(v.denominator) });
      if (v.threshold === 'twoThirds' || v.threshold === 'eightyPercent' || v.threshold === 'custom') rule.base = v.base;
      return rule;
    }
    case 'scale': {
      // "at least 66.7 %": tenths of a per cent, as a fraction the server compares exactly.
      const tenths = Math.round(Number(v.supportPercent.replace(',', '.')) * 10);
      const whole = tenths % 10 === 0;
      return { method: 'scale', levels: v.levels.map((l) => l.trim()), supportLevels: int(v.supportLevels), numerator: whole ? tenths / 10 : tenths, denominator: whole ? 100 : 1000 };
    }
    case 'approval':
      return { method: 'approval', maxPicks: int(v.maxPicks) };
    case 'ranking':
      return { method: 'ranking', count: v.count };
  }
}

function inputOf(sessionId: string, v: Values): BallotInput & { items: (BallotInput['items'][number] & { id?: string })[] } {
  return {
    sessionId,
    title: v.title.trim(),
    rule: ruleOf(v),
    quorum: { numerator: int(v.quorumNumerator), denominator: int(v.quorumDenominator) },
    tieRule: v.tieRule,
    dependsOn: v.dependsOnBallot ? { ballotId: v.dependsOnBallot, itemId: v.dependsOnItem, when: v.dependsOnWhen } : null,
    items: v.items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      number: i.number.trim(),
      title: i.title.trim(),
      text: Object.fromEntries(TEXT_LANGUAGES.filter((l) => i.text[l].trim() !== '').map((l) => [l, i.text[l].trim()])),
      ...(i.rationale.trim() !== '' ? { rationale: i.rationale.trim() } : {}),
    })),
  };
}

interface Props {
  sessionId: string;
  ballot?: Ballot;
  /** A new ballot prefilled (a new vote after a tie): its values, without ids. */
  template?: Ballot;
  onSaved: (ballot: Ballot) => void;
  onCancel: () => void;
}

export function BallotForm({ sessionId, ballot, template, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const defaultLevels = ['strongSupport', 'support', 'neutral', 'oppose', 'strongOppose'].map((k) => t(`votingPage.form.level.${k}`));
  const [v, setV] = useState<Values>(() => {
    if (ballot || !template) return initialValues(ballot, defaultLevels);
    const copy = initialValues(template, defaultLevels);
    return { ...copy, items: copy.items.map((i) => ({ ...i, id: undefined })) };
  });
  // The ballots this one may depend on: of this session or an earlier one, not itself.
  const earlier = useApiData(async () => {
    const [all, sessions] = await Promise.all([call('voting.list', {}), call('sessions.list', {})]);
    const own = sessions.find((s) => s.id === sessionId);
    const at = (id: string) => sessions.find((s) => s.id === id);
    return all.filter((b) => {
      const s = at(b.sessionId);
      return b.id !== ballot?.id && own && s && (s.date < own.date || (s.date === own.date && s.startTime <= own.startTime));
    });
  }, [sessionId, ballot?.id]);
  const dependsOn = earlier.data?.find((b) => b.id === v.dependsOnBallot);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfter = useRef<string | null>(null);
  const save = useAction(async () => {
    const input = inputOf(sessionId, v);
    const saved = ballot
      ? await call('voting.updateBallot', { id: ballot.id, title: input.title, rule: input.rule, quorum: input.quorum, tieRule: input.tieRule, dependsOn: input.dependsOn, items: input.items })
      : await call('voting.createBallot', input);
    onSaved(saved);
  });
  useFocusOnError(formRef, save.error);
  const err = (field: string) => (isApiCallError(save.error) ? fieldText(save.error.fieldProblem(field)) : null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));
  const setItem = (index: number, patch: Partial<ItemValues>) => setV((old) => ({ ...old, items: old.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) }));

  useEffect(() => {
    if (focusAfter.current) document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const addItem = () => {
    const item = emptyItem(String(v.items.length + 1));
    focusAfter.current = `ballot-item-${item.key}-number`;
    set('items', [...v.items, item]);
  };
  const removeItem = (index: number) => {
    const rest = v.items.filter((_, i) => i !== index);
    const next = rest[Math.min(index, rest.length - 1)];
    focusAfter.current = next ? `ballot-item-${next.key}-number` : 'ballot-add-item';
    set('items', rest);
  };
  const move = (index: number, by: -1 | 1) => {
    const items = [...v.items];
    const [it] = items.splice(index, 1);
    items.splice(index + by, 0, it!);
    focusAfter.current = `ballot-item-${it!.key}-${by < 0 ? 'up' : 'down'}`;
    if (index + by === 0 || index + by === items.length - 1) focusAfter.current = `ballot-item-${it!.key}-number`;
    set('items', items);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }

  const fractionThreshold = v.threshold === 'twoThirds' || v.threshold === 'eightyPercent' || v.threshold === 'custom';

  return (
    <form ref={formRef} className="panel vote-ballot-form" onSubmit={submit} noValidate aria-labelledby="ballot-form-title">
      <h2 id="ballot-form-title" tabIndex={-1}>
        {ballot ? t('votingPage.form.editTitle', { title: ballot.title }) : t('votingPage.form.newTitle')}
      </h2>
      <Field id="ballot-title" label={t('votingPage.form.title')} error={err('title')}>
        {(p) => <input {...p} type="text" maxLength={300} value={v.title} onChange={(e) => set('title', e.target.value)} data-autofocus />}
      </Field>

      <fieldset>
        <legend>{t('votingPage.form.method')}</legend>
        <div className="radio-row">
          {(['yesNo', 'scale', 'approval', 'ranking'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="ballot-method" value={m} checked={v.method === m} onChange={() => set('method', m)} />
              {t(`votingPage.method.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {v.method === 'yesNo' && (
        <div className="form-grid">
          <Field id="ballot-threshold" label={t('votingPage.form.threshold')}>
            {(p) => (
              <select {...p} value={v.threshold} onChange={(e) => set('threshold', e.target.value as Threshold)}>
                {(['simpleMajority', 'majorityOfPresent', 'twoThirds', 'eightyPercent', 'custom'] as const).map((th) => (
                  <option key={th} value={th}>
                    {t(`votingPage.form.thresholds.${th}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {v.threshold === 'custom' && (
            <div className="vote-fraction">
              <Field id="ballot-numerator" label={t('votingPage.form.numerator')} error={err('rule.numerator')}>
                {(p) => <input {...p} type="number" min={0} step={1} className="input-short" value={v.numerator} onChange={(e) => set('numerator', e.target.value)} />}
              </Field>
              <Field id="ballot-denominator" label={t('votingPage.form.denominator')} error={err('rule.denominator')}>
                {(p) => <input {...p} type="number" min={1} step={1} className="input-short" value={v.denominator} onChange={(e) => set('denominator', e.target.value)} />}
              </Field>
            </div>
          )}
          {fractionThreshold && (
            <Field id="ballot-base" label={t('votingPage.form.base')}>
              {(p) => (
                <select {...p} value={v.base} onChange={(e) => set('base', e.target.value as 'cast' | 'present')}>
                  <option value="cast">{t('votingPage.form.baseCast')}</option>
                  <option value="present">{t('votingPage.form.basePresent')}</option>
                </select>
              )}
            </Field>
          )}
          {v.threshold !== 'majorityOfPresent' && !(fractionThreshold && v.base === 'present') && (
            <div className="field span-2">
              <label className="vote-checkbox">
                <input type="checkbox" checked={v.abstentionsCount} onChange={(e) => set('abstentionsCount', e.target.checked)} /> {t('votingPage.form.abstentionsCount')}
              </label>
            </div>
          )}
        </div>
      )}

      {v.method === 'scale' && (
        <fieldset>
          <legend>{t('votingPage.form.levels')}</legend>
          <p className="field-hint">{t('votingPage.form.levelsHint')}</p>
          <ol className="vote-levels">
            {v.levels.map((level, i) => (
              <li key={i}>
                <Field id={`ballot-level-${i}`} label={t('votingPage.form.levelLabel', { n: i + 1 })} error={err(`rule.levels.${i}`)}>
                  {(p) => <input {...p} type="text" maxLength={60} value={level} onChange={(e) => set('levels', v.levels.map((l, k) => (k === i ? e.target.value : l)))} />}
                </Field>
                {v.levels.length > 2 && (
                  <button type="button" className="button button-small" onClick={() => set('levels', v.levels.filter((_, k) => k !== i))} aria-label={t('votingPage.form.removeLevelLabel', { n: i + 1 })}>
                    {t('votingPage.form.remove')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {v.levels.length < 10 && (
            <button type="button" className="button button-small" onClick={() => set('levels', [...v.levels, ''])}>
              {t('votingPage.form.addLevel')}
            </button>
          )}
          <div className="form-grid vote-scale-rule">
            <Field id="ballot-support-levels" label={t('votingPage.form.supportLevels')} error={err('rule.supportLevels')}>
              {(p) => (
                <select {...p} value={v.supportLevels} onChange={(e) => set('supportLevels', e.target.value)}>
                  {v.levels.slice(0, -1).map((_, k) => (
                    <option key={k} value={String(k + 1)}>
                      {v.levels.slice(0, k + 1).join(t('votingPage.or'))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="ballot-support-percent" label={t('votingPage.form.supportPercent')} error={err('rule.numerator')}>
              {(p) => <input {...p} type="number" min={0} max={100} step={0.1} className="input-short" value={v.supportPercent} onChange={(e) => set('supportPercent', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
      )}

      {v.method === 'approval' && (
        <Field id="ballot-max-picks" label={t('votingPage.form.maxPicks')} error={err('rule.maxPicks')}>
          {(p) => <input {...p} type="number" min={1} step={1} className="input-short" value={v.maxPicks} onChange={(e) => set('maxPicks', e.target.value)} />}
        </Field>
      )}

      {v.method === 'ranking' && (
        <fieldset>
          <legend>{t('votingPage.form.count')}</legend>
          <div className="radio-row">
            {(['borda', 'schulze'] as const).map((c) => (
              <label key={c} className="radio">
                <input type="radio" name="ballot-count" value={c} checked={v.count === c} onChange={() => set('count', c)} />
                {t(`votingPage.method.ranking_${c}`)}
              </label>
            ))}
          </div>
          <p className="field-hint">{t(`votingPage.rule.${v.count}`)}</p>
        </fieldset>
      )}

      <fieldset>
        <legend>{t('votingPage.form.quorum')}</legend>
        <div className="vote-fraction">
          <Field id="ballot-quorum-numerator" label={t('votingPage.form.numerator')} error={err('quorum.numerator')}>
            {(p) => <input {...p} type="number" min={0} step={1} className="input-short" value={v.quorumNumerator} onChange={(e) => set('quorumNumerator', e.target.value)} />}
          </Field>
          <Field id="ballot-quorum-denominator" label={t('votingPage.form.denominator')} error={err('quorum.denominator')}>
            {(p) => <input {...p} type="number" min={1} step={1} className="input-short" value={v.quorumDenominator} onChange={(e) => set('quorumDenominator', e.target.value)} />}
          </Field>
        </div>
        <p className="field-hint">{t('votingPage.form.quorumHint')}</p>
      </fieldset>

      <fieldset className="vote-tie-rule">
        <legend>{t('votingPage.form.tieRule')}</legend>
        <div className="radio-row">
          {(['castingVote', 'newVote'] as const).map((r) => (
            <label key={r} className="radio">
              <input type="radio" name="ballot-tie-rule" value={r} checked={v.tieRule === r} onChange={() => set('tieRule', r)} />
              {t(`votingPage.form.tieRules.${r}`)}
            </label>
          ))}
        </div>
        <p className="field-hint">{t('votingPage.form.tieRuleHint')}</p>
      </fieldset>

      <fieldset className="vote-dependency">
        <legend>{t('votingPage.form.dependency')}</legend>
        <div className="form-grid">
          <Field id="ballot-depends-on" label={t('votingPage.form.dependsOnBallot')} error={err('dependsOn.ballotId')}>
            {(p) => (
              <select
                {...p}
                value={v.dependsOnBallot}
                onChange={(e) => {
                  const b = earlier.data?.find((x) => x.id === e.target.value);
                  setV((old) => ({ ...old, dependsOnBallot: e.target.value, dependsOnItem: b?.items[0]?.id ?? '' }));
                }}
              >
                <option value="">{t('votingPage.form.dependsOnNone')}</option>
                {(earlier.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {dependsOn && (
            <>
              <Field id="ballot-depends-on-item" label={t('votingPage.form.dependsOnItem')} error={err('dependsOn.itemId')}>
                {(p) => (
                  <select {...p} value={v.dependsOnItem} onChange={(e) => set('dependsOnItem', e.target.value)}>
                    {dependsOn.items.map((i) => (
                      <option key={i.id} value={i.id}>
                        {`${i.number} ${i.title}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="ballot-depends-on-when" label={t('votingPage.form.dependsOnWhen')}>
                {(p) => (
                  <select {...p} value={v.dependsOnWhen} onChange={(e) => set('dependsOnWhen', e.target.value as 'adopted' | 'notAdopted')}>
                    <option value="adopted">{t('votingPage.form.when.adopted')}</option>
                    <option value="notAdopted">{t('votingPage.form.when.notAdopted')}</option>
                  </select>
                )}
              </Field>
            </>
          )}
        </div>
        <p className="field-hint">{t('votingPage.form.dependencyHint')}</p>
      </fieldset>

      <fieldset className="vote-items">
        <legend>{v.method === 'ranking' ? t('votingPage.form.options') : t('votingPage.form.items')}</legend>
        {err('items') && (
          <p className="field-error" role="alert">
            {err('items')}
          </p>
        )}
        <ol className="vote-item-list">
          {v.items.map((item, i) => {
            const prefix = `ballot-item-${item.key}`;
            const textError = err(`items.${i}.text`);
            return (
              <li key={item.key} className="vote-item-edit">
                <div className="vote-item-head">
                  <Field id={`${prefix}-number`} label={t('votingPage.form.itemNumber')} error={err(`items.${i}.number`)} className="vote-item-number-field">
                    {(p) => <input {...p} type="text" maxLength={20} value={item.number} onChange={(e) => setItem(i, { number: e.target.value })} />}
                  </Field>
                  <Field id={`${prefix}-title`} label={t('votingPage.form.itemTitle')} error={err(`items.${i}.title`)} className="vote-item-title-field">
                    {(p) => <input {...p} type="text" maxLength={300} value={item.title} onChange={(e) => setItem(i, { title: e.target.value })} />}
                  </Field>
                  <div className="vote-item-buttons">
                    <button type="button" id={`${prefix}-up`} className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('votingPage.form.moveUpLabel', { n: item.number || i + 1 })}>
                      ↑ <span className="visually-hidden">{t('votingPage.form.moveUp')}</span>
                    </button>
                    <button type="button" id={`${prefix}-down`} className="button button-small" disabled={i === v.items.length - 1} onClick={() => move(i, 1)} aria-label={t('votingPage.form.moveDownLabel', { n: item.number || i + 1 })}>
                      ↓ <span className="visually-hidden">{t('votingPage.form.moveDown')}</span>
                    </button>
                    <button type="button" className="button button-small button-danger-outline" disabled={v.items.length === 1} onClick={() => removeItem(i)} aria-label={t('votingPage.form.removeItemLabel', { n: item.number || i + 1 })}>
                      {t('votingPage.form.remove')}
                    </button>
                  </div>
                </div>
                <div className="vote-item-texts">
                  {TEXT_LANGUAGES.map((lang) => (
                    <Field key={lang} id={`${prefix}-text-${lang}`} label={t(`votingPage.form.text.${lang}`)} optional error={lang === 'nl' ? textError : null}>
                      {(p) => <textarea {...p} rows={3} value={item.text[lang]} onChange={(e) => setItem(i, { text: { ...item.text, [lang]: e.target.value } })} />}
                    </Field>
                  ))}
                </div>
                <Field id={`${prefix}-rationale`} label={t('votingPage.form.rationale')} hint={t('votingPage.form.rationaleHint')} optional error={err(`items.${i}.rationale`)}>
                  {(p) => <textarea {...p} rows={4} maxLength={10000} value={item.rationale} onChange={(e) => setItem(i, { rationale: e.target.value })} />}
                </Field>
              </li>
            );
          })}
        </ol>
        <button type="button" id="ballot-add-item" className="button" onClick={addItem} disabled={v.items.length >= 200}>
          {v.method === 'ranking' ? t('votingPage.form.addOption') : t('votingPage.form.addItem')}
        </button>
        <p className="field-hint">{t('votingPage.form.textHint')}</p>
      </fieldset>

      <ErrorNotice error={save.error} />
      <FormActions busy={save.busy} submitLabel={ballot ? t('votingPage.form.saveChanges') : t('votingPage.form.create')} onCancel={onCancel} />
    </form>
  );
}
