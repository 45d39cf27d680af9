/**
 * Recruitment › Letters (#/recruitment/letters): what every letter shares (the answer deadline,
 * the contact, the sender, who signs), the letter texts per kind and language with their
 * placeholders, a sample letter to download and look at, and the mail-merge of every invitee's
 * letter (host only: it writes files).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/apiTypes';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { isApiCallError } from '../../api';
import { saveBinaryFile } from '../../files';
import { LetterExport } from './LetterExport';
import { LetterTextEditor } from './LetterTextEditor';
import './letters.css';

type Settings = ResultOf<'letters.texts'>['settings'];

export function LettersPage() {
  const { t } = useTranslation();
  const texts = useApiData(() => call('letters.texts', {}), []);
  return (
    <div className="letters-page">
      <p className="muted">{t('lettersPage.intro')}</p>
      <LoadStatus loaded={texts} />
      {texts.data && (
        <>
          <section aria-labelledby="letters-settings-title" className="letters-section">
            <h2 id="letters-settings-title">{t('lettersPage.settings.title')}</h2>
            {(texts.data.settings.deadline === null || texts.data.settings.contact === '') && <p className="notice">{t('lettersPage.settings.missing')}</p>}
            <SettingsForm initial={texts.data.settings} onSaved={() => void texts.reload()} />
          </section>
          <section aria-labelledby="letters-texts-title" className="letters-section">
            <h2 id="letters-texts-title">{t('lettersPage.texts.title')}</h2>
            <LetterTextEditor texts={texts.data.texts} placeholders={texts.data.placeholders} onSaved={() => void texts.reload()} />
          </section>
          <section aria-labelledby="letters-sample-title" className="letters-section">
            <h2 id="letters-sample-title">{t('lettersPage.sample.title')}</h2>
            <SampleLetter />
          </section>
          <section aria-labelledby="letters-export-title" className="letters-section">
            <h2 id="letters-export-title">{t('lettersPage.export.title')}</h2>
            <LetterExport />
          </section>
        </>
      )}
    </div>
  );
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [values, setValues] = useState({ ...initial, deadline: initial.deadline ?? '' });
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setValues({ ...initial, deadline: initial.deadline ?? '' }), [initial]);
  const set = (k: keyof typeof values, v: string) => {
    setDone(null);
    setValues((x) => ({ ...x, [k]: v }));
  };
  const save = useAction(async () => {
    await call('letters.setSettings', { ...values, deadline: values.deadline === '' ? null : values.deadline });
    setDone(t('lettersPage.settings.saved'));
    onSaved();
  });
  const problem = (field: string) => fieldText(isApiCallError(save.error) ? save.error.fieldProblem(field) : null);
  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }
  return (
    <form onSubmit={submit} noValidate className="letters-settings">
      <Field id="letters-deadline" label={t('lettersPage.settings.deadline')} hint={t('lettersPage.settings.deadlineHint')} error={problem('deadline')}>
        {(p) => <input {...p} type="date" value={values.deadline} onChange={(e) => set('deadline', e.target.value)} />}
      </Field>
      <Field id="letters-contact" label={t('lettersPage.settings.contact')} hint={t('lettersPage.settings.contactHint')} error={problem('contact')}>
        {(p) => <input {...p} type="text" value={values.contact} onChange={(e) => set('contact', e.target.value)} />}
      </Field>
      <Field id="letters-sender" label={t('lettersPage.settings.sender')} hint={t('lettersPage.settings.senderHint')} error={problem('sender')}>
        {(p) => <textarea {...p} rows={3} value={values.sender} onChange={(e) => set('sender', e.target.value)} />}
      </Field>
      <Field id="letters-signature" label={t('lettersPage.settings.signature')} error={problem('signature')}>
        {(p) => <textarea {...p} rows={2} value={values.signature} onChange={(e) => set('signature', e.target.value)} />}
      </Field>
      <Field id="letters-url" label={t('lettersPage.settings.url')} hint={t('lettersPage.settings.urlHint')} optional error={problem('url')}>
        {(p) => <input {...p} type="text" value={values.url} onChange={(e) => set('url', e.target.value)} />}
      </Field>
      <ErrorNotice error={save.error} />
      <FormActions busy={save.busy} submitLabel={t('lettersPage.settings.save')} />
      <StatusLine message={done} />
    </form>
  );
}

const SAMPLES = ['nl', 'fr', 'de', 'en', 'brussels'] as const;

function SampleLetter() {
  const { t } = useTranslation();
  const [sample, setSample] = useState<(typeof SAMPLES)[number]>('nl');
  const [kind, setKind] = useState<'invitation' | 'reminder'>('invitation');
  const [done, setDone] = useState<string | null>(null);
  const make = useAction(async () => {
    const file = await call('letters.sample', { kind, sample });
    saveBinaryFile(file);
    setDone(t('lettersPage.sample.done', { name: file.fileName, count: file.pages }));
  });
  return (
    <form
      className="letters-sample"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        void make.run();
      }}
    >
      <p className="muted">{t('lettersPage.sample.text')}</p>
      <div className="letters-row">
        <Field id="letters-sample-kind" label={t('lettersPage.kindLabel')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="invitation">{t('lettersPage.kind.invitation')}</option>
              <option value="reminder">{t('lettersPage.kind.reminder')}</option>
            </select>
          )}
        </Field>
        <Field id="letters-sample-which" label={t('lettersPage.sample.which')}>
          {(p) => (
            <select {...p} value={sample} onChange={(e) => setSample(e.target.value as typeof sample)}>
              {SAMPLES.map((s) => (
                <option key={s} value={s}>
                  {t(`lettersPage.sample.option.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNotice error={make.error} />
      <FormActions busy={make.busy} submitLabel={t('lettersPage.sample.download')} tone="plain" />
      <StatusLine message={done} />
    </form>
  );
}
