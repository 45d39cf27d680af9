import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability, InvitationLookup, ResponseAnswer, ResponseImportResult } from '../../../../main/domain/invitations/types';
import { call } from '../../../api';
import { useApiData } from '../../../components/AppState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { StatusLine } from '../../../components/StatusLine';
import { useAction } from '../../../components/useAction';
import { readFileAsBase64 } from '../../../files';
import { formatInstant, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { ProblemList } from './ProblemList';

interface Draft {
  answer: ResponseAnswer;
  reason: string;
  availability: Availability | '';
  consent: boolean;
  accessibility: string;
  diet: string;
  childcare: boolean;
  travel: string;
  answers: Record<string, string>;
  newQuestion: string;
  newAnswer: string;
}

const BLANK: Draft = { answer: 'yes', reason: '', availability: 'all', consent: false, accessibility: '', diet: '', childcare: false, travel: '', answers: {}, newQuestion: '', newAnswer: '' };

/**
 * Answers by code, keyboard first: type or scan the code and Enter, record the answer, and the
 * focus is back in the code field for the next reply card. Below, an online form's CSV.
 */
export function ResponsesSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const codeInput = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [letter, setLetter] = useState<InvitationLookup | null>(null);
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [message, setMessage] = useState<string | null>(null);
  const [csv, setCsv] = useState<{ uploadId: string; fileName: string; check: ResponseImportResult } | null>(null);
  const pool = useApiData(() => call('pool.summary', {}), []);
  const features = pool.data?.features ?? [];
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  const lookup = useAction(async () => {
    setMessage(null);
    setLetter(null);
    const found = await call('invitations.lookup', { code });
    setLetter(found);
    setDraft(BLANK);
  }, 'response-code');
  const save = useAction(async () => {
    if (!letter) return;
    const answers: Record<string, string> = {};
    for (const [name, value] of Object.entries(draft.answers)) if (value.trim() !== '') answers[name] = value.trim();
    if (draft.newQuestion.trim() !== '' && draft.newAnswer.trim() !== '') answers[draft.newQuestion.trim()] = draft.newAnswer.trim();
    const result = await call('invitations.respond', {
      code: letter.code,
      answer: draft.answer,
      ...(draft.answer === 'no' ? { reason: draft.reason } : {}),
      ...(draft.answer === 'yes'
        ? {
            answers,
            availability: draft.availability === '' ? null : draft.availability,
            consent: draft.consent,
            needs: { accessibility: draft.accessibility, diet: draft.diet, childcare: draft.childcare, travel: draft.travel },
          }
        : {}),
    });
    const notes = result.notes.map((n) => t(`invitations.responses.note.${n}`)).join(' ');
    setMessage(
      result.personCode
        ? t('invitations.responses.savedPool', { code: letter.code, person: result.personCode, notes })
        : t(`invitations.responses.saved.${result.answer}`, { code: letter.code, notes }),
    );
    setLetter(null);
    setCode('');
    setDraft(BLANK);
    onChanged();
    void pool.reload();
    codeInput.current?.focus();
  });
  const stageCsv = useAction(async (file: File) => {
    setCsv(null);
    setMessage(null);
    // A refusal of the code field belongs to the last code typed, not to this file.
    lookup.clearError();
    save.clearError();
    const staged = await call('imports.stage', { fileName: file.name, contentBase64: await readFileAsBase64(file) });
    setCsv({ uploadId: staged.uploadId, fileName: file.name, check: await call('invitations.checkResponses', { uploadId: staged.uploadId }) });
  });
  const importCsv = useAction(async () => {
    if (!csv) return;
    const result = await call('invitations.importResponses', { uploadId: csv.uploadId });
    setCsv(null);
    setMessage(t('invitations.responses.csvImported', { n: formatNumber(result.recorded, lang), pool: formatNumber(result.addedToPool, lang) }));
    onChanged();
    void pool.reload();
  });

  return (
    <section className="panel" aria-labelledby="responses-title">
      <h2 id="responses-title">{t('invitations.responses.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookup.run();
        }}
      >
        <Field id="response-code" label={t('invitations.responses.code')} hint={t('invitations.responses.codeHint')} className="response-code">
          {(control) => <input {...control} ref={codeInput} type="text" autoComplete="off" spellCheck={false} maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={lookup.busy}>
            {t('invitations.responses.find')}
          </button>
        </div>
      </form>
      <ErrorNotice error={lookup.error} />
      {letter && letter.response && (
        <p className="notice notice-error" role="alert">
          {t('invitations.responses.alreadyAnswered', { answer: t(`invitations.answer.${letter.response.answer}`), at: formatInstant(letter.response.at, lang), operator: letter.response.operator })}
        </p>
      )}
      {letter && !letter.response && (
        <form
          aria-label={t('invitations.responses.formLabel', { name: letter.name })}
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <p>
            <strong>{letter.name}</strong> · {letter.municipality}
          </p>
          <fieldset className="answer-choice">
            <legend>{t('invitations.responses.answer')}</legend>
            {(['yes', 'no', 'undeliverable'] as const).map((a) => (
              <label key={a}>
                <input type="radio" name="answer" value={a} checked={draft.answer === a} onChange={() => set({ answer: a })} /> {t(`invitations.answer.${a}`)}
              </label>
            ))}
          </fieldset>
          {draft.answer === 'no' && (
            <Field id="response-reason" label={t('invitations.responses.reason')}>
              {(control) => <input {...control} type="text" maxLength={500} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} />}
            </Field>
          )}
          {draft.answer === 'yes' && (
            <>
              <div className="form-grid">
                {features.map((f, i) => (
                  <Field key={f.name} id={`response-feature-${i}`} label={f.name} optional>
                    {(control) => (
                      <>
                        <input {...control} type="text" maxLength={100} list={`response-feature-${i}-values`} value={draft.answers[f.name] ?? ''} onChange={(e) => set({ answers: { ...draft.answers, [f.name]: e.target.value } })} />
                        <datalist id={`response-feature-${i}-values`}>
                          {f.values.map((v) => (
                            <option key={v.value} value={v.value} />
                          ))}
                        </datalist>
                      </>
                    )}
                  </Field>
                ))}
                <Field id="response-new-question" label={t('invitations.responses.newQuestion')} optional>
                  {(control) => <input {...control} type="text" maxLength={100} value={draft.newQuestion} onChange={(e) => set({ newQuestion: e.target.value })} />}
                </Field>
                <Field id="response-new-answer" label={t('invitations.responses.newAnswer')} optional>
                  {(control) => <input {...control} type="text" maxLength={100} value={draft.newAnswer} onChange={(e) => set({ newAnswer: e.target.value })} />}
                </Field>
                <Field id="response-availability" label={t('invitations.responses.availability')}>
                  {(control) => (
                    <select {...control} value={draft.availability} onChange={(e) => set({ availability: e.target.value as Availability | '' })}>
                      {(['all', 'some', 'none'] as const).map((a) => (
                        <option key={a} value={a}>
                          {t(`invitations.availability.${a}`)}
                        </option>
                      ))}
                      <option value="">{t('invitations.availability.unknown')}</option>
                    </select>
                  )}
                </Field>
                <Field id="response-accessibility" label={t('invitations.responses.accessibility')} optional>
                  {(control) => <input {...control} type="text" maxLength={500} value={draft.accessibility} onChange={(e) => set({ accessibility: e.target.value })} />}
                </Field>
                <Field id="response-diet" label={t('invitations.responses.diet')} optional>
                  {(control) => <input {...control} type="text" maxLength={500} value={draft.diet} onChange={(e) => set({ diet: e.target.value })} />}
                </Field>
                <Field id="response-travel" label={t('invitations.responses.travel')} optional>
                  {(control) => <input {...control} type="text" maxLength={500} value={draft.travel} onChange={(e) => set({ travel: e.target.value })} />}
                </Field>
              </div>
              <div className="field">
                <label>
                  <input type="checkbox" checked={draft.childcare} onChange={(e) => set({ childcare: e.target.checked })} /> {t('invitations.responses.childcare')}
                </label>
              </div>
              <div className="field">
                <label>
                  <input type="checkbox" checked={draft.consent} onChange={(e) => set({ consent: e.target.checked })} /> {t('invitations.responses.consent')}
                </label>
              </div>
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.busy}>
              {t('invitations.responses.save')}
            </button>
          </div>
        </form>
      )}
      <ErrorNotice error={save.error} />
      <StatusLine message={message} />

      <h3>{t('invitations.responses.csvTitle')}</h3>
      <p className="field-hint">{t('invitations.responses.csvHint')}</p>
      <div className="field">
        <label htmlFor="responses-file">{t('invitations.responses.csvChoose')}</label>
        <input
          id="responses-file"
          type="file"
          accept=".csv,.txt,.xlsx"
          disabled={stageCsv.busy || importCsv.busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void stageCsv.run(file);
            e.target.value = '';
          }}
        />
      </div>
      <ErrorNotice error={stageCsv.error ?? importCsv.error} />
      {csv && csv.check.problems.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>{t('invitations.responses.csvProblems', { n: csv.check.problems.length, file: csv.fileName })}</p>
          <ProblemList
            caption={t('invitations.problems.caption')}
            problems={csv.check.problems.map((p) => ({ row: p.row, column: p.column, reason: t(`invitations.responseRule.${p.rule}`, { value: p.value, defaultValue: p.message }) }))}
          />
        </div>
      )}
      {csv && csv.check.problems.length === 0 && (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={importCsv.busy} onClick={() => void importCsv.run()}>
            {t('invitations.responses.csvImport', { n: formatNumber(csv.check.rowsTotal, lang) })}
          </button>
        </div>
      )}
    </section>
  );
}
