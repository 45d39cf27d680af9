import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_LANGUAGES, type PersonLanguage } from '../../../preload/vocabulary';
import type { PersonDetail, PersonEdit } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction, useFocusOnError } from '../../components/useAction';
import { fieldErrorsOf } from './PersonShared';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  birthYear: string;
  language: PersonLanguage | '';
  notes: string;
  accessibility: string;
  diet: string;
  childcare: boolean;
  travel: string;
  consentDate: string;
  consentVersion: string;
  iban: string;
  ibanConsentDate: string;
}

function valuesOf(p: PersonDetail): Values {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email ?? '',
    phone: p.phone ?? '',
    street: p.street ?? '',
    houseNumber: p.houseNumber ?? '',
    postcode: p.postcode ?? '',
    city: p.city ?? '',
    birthYear: p.birthYear === null ? '' : String(p.birthYear),
    language: p.language ?? '',
    notes: p.notes,
    accessibility: p.needs.accessibility,
    diet: p.needs.diet,
    childcare: p.needs.childcare,
    travel: p.needs.travel,
    consentDate: p.consentDate ?? '',
    consentVersion: p.consentVersion ?? '',
    iban: p.iban === null ? '' : p.iban.replace(/(.{4})(?=.)/g, '$1 '),
    ibanConsentDate: p.ibanConsentDate ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function editOf(v: Values): PersonEdit {
  const year = v.birthYear.trim();
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    street: orNull(v.street),
    houseNumber: orNull(v.houseNumber),
    postcode: orNull(v.postcode),
    city: orNull(v.city),
    // Not a number (typed letters) stays a number the server refuses, rather than silently nothing.
    birthYear: year === '' ? null : Number(year),
    language: v.language === '' ? null : v.language,
    notes: v.notes,
    needs: { accessibility: v.accessibility, diet: v.diet, childcare: v.childcare, travel: v.travel },
    consentDate: orNull(v.consentDate),
    consentVersion: orNull(v.consentVersion),
    // Spaces are the server's to remove: what was typed is compared, so a regrouped IBAN is unchanged.
    iban: orNull(v.iban.replace(/\s+/g, '')),
    ibanConsentDate: orNull(v.ibanConsentDate),
  };
}

/** Only what was changed since the last save: an untouched field is never sent (nor refused). */
function changesOf(base: Values, now: Values): PersonEdit {
  const before = editOf(base);
  const after = editOf(now);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PersonEdit)[]) {
    if (key === 'needs') continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  const needs: Record<string, unknown> = {};
  for (const key of ['accessibility', 'diet', 'childcare', 'travel'] as const) {
    if (after.needs?.[key] !== before.needs?.[key]) needs[key] = after.needs?.[key];
  }
  if (Object.keys(needs).length > 0) changes.needs = needs;
  return changes as PersonEdit;
}

/** The editable personal details, needs and consent of one person (read-only once erased). */
export function PersonDetailsForm({ person, onSaved }: { person: PersonDetail; onSaved: (p: PersonDetail) => void }) {
  const { t } = useTranslation();
  const prefix = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(person));
  const [baseline, setBaseline] = useState<Values>(() => valuesOf(person));
  const [unchanged, setUnchanged] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = person.erased;
  const save = useAction(async (changes: PersonEdit) => {
    const next = await call('people.update', { id: person.id, ...changes });
    setValues(valuesOf(next));
    setBaseline(valuesOf(next));
    setSaved(true);
    onSaved(next);
  });
  const { error, busy } = save;

  useFocusOnError(formRef, error);

  const errors = fieldErrorsOf(t, error);
  const shownFields = new Set([
    'firstName', 'lastName', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city', 'birthYear', 'language', 'notes',
    'needs.accessibility', 'needs.diet', 'needs.childcare', 'needs.travel', 'consentDate', 'consentVersion',
    'iban', 'ibanConsentDate',
  ]);
  const unplaced = isApiCallError(error) && error.fields.some((f) => !shownFields.has(f.field));
  const showNotice = Boolean(error) && (!isApiCallError(error) || error.fields.length === 0 || unplaced);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setUnchanged(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const id = (name: string) => `${prefix}-${name}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || readOnly) return;
    save.clearError();
    setSaved(false);
    const changes = changesOf(baseline, values);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    void save.run(changes);
  }

  const text = (name: keyof Values, label: string, opts: { type?: string; autoComplete?: string; maxLength?: number; className?: string; optional?: boolean; errorKey?: string; inputMode?: 'numeric' | 'tel' | 'email' } = {}) => (
    <Field id={id(name)} label={label} error={errors[opts.errorKey ?? name]} className={opts.className} optional={opts.optional}>
      {(p) => (
        <input
          {...p}
          type={opts.type ?? 'text'}
          autoComplete={opts.autoComplete ?? 'off'}
          maxLength={opts.maxLength}
          inputMode={opts.inputMode}
          value={values[name] as string}
          onChange={(e) => set(name, e.target.value as never)}
        />
      )}
    </Field>
  );

  return (
    <section className="person-section" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('peoplePage.details.title')}</h3>
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={id('title')}>
        {showNotice && <ErrorNotice error={error} title={t('peoplePage.details.notSaved')} />}
        <fieldset disabled={readOnly || busy} className="person-fieldset">
          <legend className="visually-hidden">{t('peoplePage.details.personal')}</legend>
          <div className="form-grid person-grid">
            {text('firstName', t('peoplePage.field.firstName'), { maxLength: 100 })}
            {text('lastName', t('peoplePage.field.lastName'), { maxLength: 100 })}
            {text('email', t('peoplePage.field.email'), { type: 'email', maxLength: 254, className: 'span-2', inputMode: 'email' })}
            {text('phone', t('peoplePage.field.phone'), { type: 'tel', maxLength: 40, inputMode: 'tel' })}
            <Field id={id('language')} label={t('peoplePage.field.language')} error={errors.language}>
              {(p) => (
                <select {...p} value={values.language} onChange={(e) => set('language', e.target.value as PersonLanguage | '')}>
                  <option value="">{t('peoplePage.field.noLanguage')}</option>
                  {PERSON_LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {t(`peoplePage.language.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('street', t('peoplePage.field.street'), { maxLength: 200 })}
            {text('houseNumber', t('peoplePage.field.houseNumber'), { maxLength: 20 })}
            {text('postcode', t('peoplePage.field.postcode'), { maxLength: 12 })}
            {text('city', t('peoplePage.field.city'), { maxLength: 100 })}
            {text('birthYear', t('peoplePage.field.birthYear'), { maxLength: 4, inputMode: 'numeric' })}
          </div>
          <Field id={id('notes')} label={t('peoplePage.field.notes')} error={errors.notes}>
            {(p) => <textarea {...p} rows={3} maxLength={2000} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
          </Field>
        </fieldset>

        <fieldset disabled={readOnly || busy} className="person-fieldset">
          <legend>{t('peoplePage.needs.title')}</legend>
          <div className="form-grid person-grid">
            {text('accessibility', t('peoplePage.needs.accessibility'), { maxLength: 500, errorKey: 'needs.accessibility', className: 'span-2' })}
            {text('diet', t('peoplePage.needs.diet'), { maxLength: 500, errorKey: 'needs.diet' })}
            {text('travel', t('peoplePage.needs.travel'), { maxLength: 500, errorKey: 'needs.travel' })}
          </div>
          <label className="people-checkbox">
            <input type="checkbox" checked={values.childcare} onChange={(e) => set('childcare', e.target.checked)} />
            <span>{t('peoplePage.needs.childcare')}</span>
          </label>
        </fieldset>

        <fieldset disabled={readOnly || busy} className="person-fieldset">
          <legend>{t('peoplePage.consent.title')}</legend>
          <div className="form-grid person-grid">
            {text('consentDate', t('peoplePage.consent.date'), { type: 'date', errorKey: 'consentDate' })}
            {text('consentVersion', t('peoplePage.consent.version'), { maxLength: 50, errorKey: 'consentVersion' })}
          </div>
        </fieldset>

        <fieldset disabled={readOnly || busy} className="person-fieldset">
          <legend>{t('peoplePage.bank.title')}</legend>
          <p className="field-hint">{t('peoplePage.bank.hint')}</p>
          <div className="form-grid person-grid">
            {text('iban', t('peoplePage.bank.iban'), { maxLength: 50, errorKey: 'iban', className: 'span-2' })}
            {text('ibanConsentDate', t('peoplePage.bank.consentDate'), { type: 'date', errorKey: 'ibanConsentDate' })}
          </div>
        </fieldset>

        {!readOnly && <FormActions busy={busy} submitLabel={t('peoplePage.details.save')} />}
        <p role="status" className="visually-hidden-when-empty person-saved">
          {saved ? t('peoplePage.details.saved') : unchanged ? t('peoplePage.details.unchanged') : ''}
        </p>
      </form>
    </section>
  );
}
