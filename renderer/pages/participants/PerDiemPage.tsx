/**
 * Per-diem (#/participants/perdiem): the assembly's rules, typed in euros ("12,50" or "12.50")
 * and kept in integer cents, and the payments list computed from the attendance, with a total
 * row and a CSV export for the finance team.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_DIALECTS, type CsvDialectName, type Language } from '../../../preload/vocabulary';
import type { PaymentRow, PerDiemRules } from '../../../main/domain/attendance/types';
import { call, isApiCallError } from '../../api';
import { useApiData } from '../../components/AppState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { useFocusOnError } from '../../components/useAction';
import { saveTextFile } from '../../files';
import { formatNumber, localeFor } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';

const MONEY_FIELDS = ['fullDayCents', 'halfDayCents', 'travelCents', 'childcareCents'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];
type Values = Record<MoneyField | 'thresholdMinutes', string>;

/** "12,50", "12.50", "12", "€ 12,5" -> 1250 cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const s = text.replace(/[\s\u00a0€]/g, '');
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 -> "12,50" (nl, fr) or "12.50" (en): what the field shows. */
export function eurosForInput(cents: number, lang: Language): string {
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${whole}${lang === 'en' ? '.' : ','}${rest}`;
}

export function formatEuros(cents: number, lang: Language): string {
  return new Intl.NumberFormat(localeFor(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

const valuesOf = (r: PerDiemRules, lang: Language): Values => ({
  fullDayCents: eurosForInput(r.fullDayCents, lang),
  halfDayCents: eurosForInput(r.halfDayCents, lang),
  travelCents: eurosForInput(r.travelCents, lang),
  childcareCents: eurosForInput(r.childcareCents, lang),
  thresholdMinutes: String(r.thresholdMinutes),
});

export function PerDiemPage() {
  const { t } = useTranslation();
  const rules = useApiData(() => call('perDiem.rules', {}), []);
  const payments = useApiData(() => call('perDiem.payments', {}), []);
  return (
    <>
      <RulesForm rules={rules.data} loaded={rules} onSaved={() => void Promise.all([rules.reload(), payments.reload()])} />
      <section aria-labelledby="pay-title" className="panel">
        <h2 id="pay-title">{t('perDiem.paymentsTitle')}</h2>
        <LoadStatus loaded={payments} />
        {payments.data && <Payments rows={payments.data.rows} totalCents={payments.data.totalCents} />}
      </section>
    </>
  );
}

function RulesForm({ rules, loaded, onSaved }: { rules: PerDiemRules | undefined; loaded: Parameters<typeof LoadStatus>[0]['loaded']; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const [values, setValues] = useState<Values | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusOnError(form, attempt > 0 && (Object.keys(problems).length > 0 || error) ? attempt : null);

  useEffect(() => {
    if (rules && values === null) setValues(valuesOf(rules, lang));
  }, [rules, values, lang]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!values) return;
    setNotice(null);
    setError(null);
    const found: Partial<Record<keyof Values, string>> = {};
    const next: Partial<PerDiemRules> = {};
    for (const f of MONEY_FIELDS) {
      const cents = parseEuros(values[f]);
      if (cents === null) found[f] = values[f].trim() === '' ? t('perDiem.required') : t('perDiem.notEuros');
      else next[f] = cents;
    }
    const minutes = values.thresholdMinutes.trim();
    if (!/^\d{1,3}$/.test(minutes) || Number(minutes) > 720) found.thresholdMinutes = t('perDiem.notMinutes');
    else next.thresholdMinutes = Number(minutes);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await call('perDiem.setRules', next);
      setValues(valuesOf(saved, lang));
      setNotice(t('perDiem.saved'));
      onSaved();
    } catch (err) {
      if (isApiCallError(err) && err.fields.length > 0) {
        const server: Partial<Record<keyof Values, string>> = {};
        for (const p of err.fields) if (p.field in (values as object)) server[p.field as keyof Values] = fieldText(p) ?? p.message;
        setProblems(server);
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Values, euros: boolean) => (
    <Field
      key={name}
      id={`perdiem-${name}`}
      label={t(`perDiem.field.${name}`)}
      hint={euros ? t('perDiem.eurosHint') : t('perDiem.thresholdHint')}
      error={problems[name] ?? null}
    >
      {(control) => (
        <div className="pd-input">
          <input
            {...control}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            value={values?.[name] ?? ''}
            onChange={(e) => setValues((v) => (v ? { ...v, [name]: e.target.value } : v))}
          />
          <span className="pd-unit" aria-hidden="true">
            {euros ? '€' : t('perDiem.minutesUnit')}
          </span>
        </div>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="rules-title" className="panel">
      <h2 id="rules-title">{t('perDiem.rulesTitle')}</h2>
      <p className="muted pd-lead">{t('perDiem.rulesText')}</p>
      <LoadStatus loaded={loaded} />
      <StatusLine message={notice} />
      {values && (
        <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rules-title">
          <div className="pd-grid">
            {MONEY_FIELDS.map((f) => field(f, true))}
            {field('thresholdMinutes', false)}
          </div>
          {Object.keys(problems).length === 0 && <ErrorNotice error={error} />}
          <FormActions busy={busy} submitLabel={t('perDiem.save')} />
        </form>
      )}
    </section>
  );
}

function Payments({ rows, totalCents }: { rows: PaymentRow[]; totalCents: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dialect, setDialect] = useState<CsvDialectName>('excel');

  async function exportCsv() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await call('perDiem.exportCsv', { dialect, lang });
      // The content carries the byte-order mark when its dialect wants one (the plain one does not).
      saveTextFile(file.fileName, file.content, { bom: false });
      setDone(t('perDiem.exported', { file: file.fileName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (rows.length === 0) {
    return (
      <p className="empty-inline">
        {t('perDiem.noPayments')} <a href={hrefFor('sessions', 'checkin')}>{t('perDiem.toDesk')}</a>
      </p>
    );
  }
  const sum = (f: (r: PaymentRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const date = (d: string) => new Intl.DateTimeFormat(localeFor(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const money = (c: number) => formatEuros(c, lang);
  return (
    <>
      <div className="pd-actions">
        <p className="muted">{t('perDiem.paymentsText', { count: rows.length, n: formatNumber(rows.length, lang) })}</p>
        <span className="pd-export">
          <label>
            {t('reportsPage.dialect.legend')}{' '}
            <select value={dialect} onChange={(e) => setDialect(e.target.value as CsvDialectName)}>
              {CSV_DIALECTS.map((d) => (
                <option key={d} value={d}>
                  {t(`reportsPage.dialect.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy}>
            {busy ? t('common.busy') : t('perDiem.exportCsv')}
          </button>
        </span>
      </div>
      <StatusLine message={done} />
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table className="data-table compact pd-table">
          <caption className="visually-hidden">{t('perDiem.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('perDiem.col.name')}</th>
              <th scope="col">{t('perDiem.col.code')}</th>
              <th scope="col" className="num">
                {t('perDiem.col.full')}
              </th>
              <th scope="col" className="num">
                {t('perDiem.col.half')}
              </th>
              <th scope="col" className="num">
                {t('perDiem.col.perDiem')}
              </th>
              <th scope="col" className="num">
                {t('perDiem.col.travel')}
              </th>
              <th scope="col" className="num">
                {t('perDiem.col.childcare')}
              </th>
              <th scope="col" className="num">
                {t('perDiem.col.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const halves = r.days.filter((d) => d.kind === 'half').map((d) => t('perDiem.halfWhy', { date: date(d.date), reason: t(`perDiem.reason.${d.reason ?? 'partial'}`) }));
              const fulls = r.days.filter((d) => d.kind === 'full').map((d) => date(d.date));
              return (
                <tr key={r.personId}>
                  <th scope="row">
                    {r.lastName}, {r.firstName}
                  </th>
                  <td className="att-mono">{r.code}</td>
                  <td className="num" title={fulls.join(', ') || undefined}>
                    {r.fullDays}
                  </td>
                  <td className="num">
                    {halves.length > 0 ? (
                      <span className="pd-why" title={halves.join('\n')}>
                        {r.halfDays}
                        <span className="visually-hidden"> ({halves.join('; ')})</span>
                      </span>
                    ) : (
                      r.halfDays
                    )}
                  </td>
                  <td className="num nowrap">{money(r.perDiemCents)}</td>
                  <td className="num nowrap">{money(r.travelCents)}</td>
                  <td className="num nowrap">{money(r.childcareCents)}</td>
                  <td className="num nowrap pd-total">{money(r.totalCents)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="pd-total-row">
              <th scope="row" colSpan={2}>
                {t('perDiem.totalRow')}
              </th>
              <td className="num">{sum((r) => r.fullDays)}</td>
              <td className="num">{sum((r) => r.halfDays)}</td>
              <td className="num nowrap">{money(sum((r) => r.perDiemCents))}</td>
              <td className="num nowrap">{money(sum((r) => r.travelCents))}</td>
              <td className="num nowrap">{money(sum((r) => r.childcareCents))}</td>
              <td className="num nowrap pd-total">{money(totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
