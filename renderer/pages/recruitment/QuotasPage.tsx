/**
 * Recruitment › Features & quotas: before the draw, the recruitment officer enters the
 * population shares per feature value, turns them into quotas (seats, minimum, maximum) for
 * the panel, sees what would make the draw fail, tidies the features (rename, merge, bands),
 * and exchanges files with the Sortition Foundation's selection tools.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureInfo, FeatureValueInfo, ProposedQuota, QuotaOverview, TargetInput } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { useApiData } from '../../components/AppState';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { FeatureBandsDialog } from './FeatureBandsDialog';
import { DeleteFeatureDialog, MergeValuesDialog, RenameFeatureDialog, RenameValueDialog, type DialogResult } from './FeatureDialogs';
import { FeatureSection, changedFields, featureHeadingId, savedDraft, type CellErrors, type RowDraft } from './FeatureSection';
import { QuotaChecks } from './QuotaChecks';
import { NumberField, parseDecimal, parseWhole } from './QuotaInputs';
import { QuotaSortition } from './QuotaSortition';
import './QuotasPage.css';

interface SettingsDraft {
  panelSize: string;
  tolerance: string;
  onePerHousehold: boolean;
}
type SettingsErrors = Partial<Record<'panelSize' | 'tolerance', string>>;

interface Proposal {
  panelSize: number;
  tolerance: number;
  rows: Map<string, ProposedQuota>;
  /** A share was edited since: the proposal no longer follows from what is on screen. */
  stale: boolean;
  /** Features left out: they have no population share to propose from. */
  without: string[];
}

type DialogState =
  | { kind: 'renameFeature'; feature: FeatureInfo }
  | { kind: 'renameValue'; feature: FeatureInfo; value: FeatureValueInfo }
  | { kind: 'merge'; feature: FeatureInfo; valueIds: string[]; into?: string }
  | { kind: 'delete'; feature: FeatureInfo }
  | { kind: 'bands' };

const MAX_SEATS = 10_000;

export function QuotasPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const loaded = useApiData(() => call('quotas.overview', {}), []);
  const data = loaded.data;

  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'settings' | 'targets' | 'propose' | 'apply' | null>(null);
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [cellErrors, setCellErrors] = useState<Record<string, CellErrors>>({});
  const [settingsDraft, setSettingsDraft] = useState<SettingsDraft | null>(null);
  const [settingsErrors, setSettingsErrors] = useState<SettingsErrors>({});
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  /** Some inputs of the tables need correcting (each says why beside it). */
  const [cellsInvalid, setCellsInvalid] = useState(false);

  // Focus moves once the element it goes to is on the page (after a reload, a new feature).
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(focusId);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, data]);

  const [focusInvalid, setFocusInvalid] = useState<{ scope: string } | null>(null);
  useEffect(() => {
    if (!focusInvalid) return;
    document.querySelector<HTMLElement>(`${focusInvalid.scope} [aria-invalid="true"]`)?.focus();
    setFocusInvalid(null);
  }, [focusInvalid]);

  // Values that no longer exist (merged, deleted) leave the selection and the drafts.
  useEffect(() => {
    if (!data) return;
    const ids = new Set(data.features.flatMap((f) => f.values.map((v) => v.id)));
    setSelected((s) => (s.every((id) => ids.has(id)) ? s : s.filter((id) => ids.has(id))));
    setDrafts((d) => (Object.keys(d).every((id) => ids.has(id)) ? d : Object.fromEntries(Object.entries(d).filter(([id]) => ids.has(id)))));
  }, [data]);

  const features = data?.features ?? [];
  const settings = data?.settings;
  const shownSettings: SettingsDraft = settingsDraft ?? {
    panelSize: settings ? String(settings.panelSize) : '',
    tolerance: settings ? String(settings.quotaTolerance) : '',
    onePerHousehold: settings?.onePerHousehold ?? false,
  };
  const allValues = features.flatMap((f) => f.values);
  const dirtyValues = allValues.filter((v) => changedFields(v, drafts[v.id]).length > 0);
  const hasQuotas = allValues.some((v) => v.min !== null && v.max !== null);

  function startAction() {
    setNotice(null);
    setActionError(null);
    setCellsInvalid(false);
  }

  /** After a refusal, focus goes to the first field in trouble, once it is marked on the page. */
  function focusFirstInvalid(scope: string) {
    setFocusInvalid({ scope });
  }

  // ------------------------------------------------------------------ settings

  function readSettings(): { panelSize: number; tolerance: number } | null {
    const errors: SettingsErrors = {};
    const panel = parseWhole(shownSettings.panelSize);
    const tolerance = parseWhole(shownSettings.tolerance);
    if (!panel.ok || panel.value === null) errors.panelSize = t('quotasPage.errors.wholeNumber');
    else if (panel.value < 1) errors.panelSize = t('fieldErrors.atLeast', { min: 1 });
    else if (panel.value > MAX_SEATS) errors.panelSize = t('fieldErrors.atMost', { max: formatNumber(MAX_SEATS, lang) });
    const panelValue = panel.ok ? panel.value : null;
    const toleranceValue = tolerance.ok ? tolerance.value : null;
    if (toleranceValue === null) errors.tolerance = t('quotasPage.errors.wholeNumber');
    else if (panelValue !== null && toleranceValue > panelValue) errors.tolerance = t('quotasPage.errors.toleranceAbovePanel');
    setSettingsErrors(errors);
    if (Object.keys(errors).length > 0 || panelValue === null || toleranceValue === null) {
      focusFirstInvalid('#quota-settings');
      return null;
    }
    return { panelSize: panelValue, tolerance: toleranceValue };
  }

  function editSettings(patch: Partial<SettingsDraft>) {
    setSettingsDraft({ ...shownSettings, ...patch });
    setSettingsErrors({});
  }

  async function saveSettings(event: FormEvent) {
    event.preventDefault();
    startAction();
    const parsed = readSettings();
    if (!parsed) return;
    setBusy('settings');
    try {
      await call('quotas.setSettings', { panelSize: parsed.panelSize, quotaTolerance: parsed.tolerance, onePerHousehold: shownSettings.onePerHousehold });
      setSettingsDraft(null);
      await loaded.reload();
      setNotice(t('quotasPage.settings.saved'));
    } catch (e) {
      const errors: SettingsErrors = {};
      if (isApiCallError(e)) {
        const panel = e.fieldProblem('panelSize');
        const tolerance = e.fieldProblem('quotaTolerance');
        if (panel) errors.panelSize = fieldText(panel)!;
        if (tolerance) errors.tolerance = fieldText(tolerance)!;
      }
      setSettingsErrors(errors);
      if (Object.keys(errors).length > 0) focusFirstInvalid('#quota-settings');
      else setActionError(e);
    } finally {
      setBusy(null);
    }
  }

  // ------------------------------------------------------------------ targets

  function edit(value: FeatureValueInfo, field: keyof RowDraft, text: string) {
    setDrafts((d) => ({ ...d, [value.id]: { ...(d[value.id] ?? savedDraft(value, lang)), [field]: text } }));
    setCellErrors((e) => {
      if (!e[value.id]?.[field]) return e;
      const row = { ...e[value.id] };
      delete row[field];
      return { ...e, [value.id]: row };
    });
    if (field === 'share' && proposal && !proposal.stale) setProposal({ ...proposal, stale: true });
  }

  /** Saves the changed rows. Returns false (and shows why) when something must be corrected first. */
  async function saveTargets(): Promise<boolean> {
    const errors: Record<string, CellErrors> = {};
    const targets: TargetInput[] = [];
    for (const v of dirtyValues) {
      const d = drafts[v.id]!;
      const row: CellErrors = {};
      const share = parseDecimal(d.share);
      const min = parseWhole(d.min);
      const max = parseWhole(d.max);
      if (!share.ok) row.share = t('quotasPage.errors.notANumber');
      else if (share.value !== null && share.value > 100) row.share = t('quotasPage.errors.shareRange');
      if (!min.ok) row.min = t('quotasPage.errors.wholeNumber');
      else if (min.value !== null && min.value > MAX_SEATS) row.min = t('fieldErrors.atMost', { max: formatNumber(MAX_SEATS, lang) });
      if (!max.ok) row.max = t('quotasPage.errors.wholeNumber');
      else if (max.value !== null && max.value > MAX_SEATS) row.max = t('fieldErrors.atMost', { max: formatNumber(MAX_SEATS, lang) });
      if (Object.keys(row).length > 0) errors[v.id] = row;
      else targets.push({ valueId: v.id, sharePercent: share.ok ? share.value : null, min: min.ok ? min.value : null, max: max.ok ? max.value : null });
    }
    if (Object.keys(errors).length > 0) {
      setCellErrors(errors);
      setCellsInvalid(true);
      focusFirstInvalid('#quota-targets');
      return false;
    }
    if (targets.length === 0) return true;
    try {
      await call('quotas.setTargets', { targets });
    } catch (e) {
      if (isApiCallError(e) && e.fields.length > 0) {
        for (const f of e.fields) {
          const m = /^targets\.(\d+)\.(\w+)$/.exec(f.field);
          const target = m ? targets[Number(m[1])] : undefined;
          if (!m || !target) continue;
          const field: keyof RowDraft = m[2] === 'sharePercent' ? 'share' : m[2] === 'min' ? 'min' : 'max';
          const text =
            f.field.endsWith('.max') && target.min != null && target.max != null && target.min > target.max
              ? t('quotasPage.errors.maxBelowMin', { min: formatNumber(target.min, lang), max: formatNumber(target.max, lang) })
              : fieldText(f)!;
          errors[target.valueId] = { ...errors[target.valueId], [field]: text };
        }
      }
      if (Object.keys(errors).length > 0) {
        setCellErrors(errors);
        setCellsInvalid(true);
        focusFirstInvalid('#quota-targets');
      } else {
        setActionError(e);
      }
      return false;
    }
    setDrafts({});
    setCellErrors({});
    await loaded.reload();
    return true;
  }

  async function submitTargets(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    startAction();
    const count = dirtyValues.length;
    if (count === 0) {
      setNotice(t('quotasPage.targets.nothingToSave'));
      return;
    }
    setBusy('targets');
    try {
      if (await saveTargets()) setNotice(t('quotasPage.targets.saved', { count, n: formatNumber(count, lang) }));
    } finally {
      setBusy(null);
    }
  }

  function undoTargets() {
    setDrafts({});
    setCellErrors({});
    setActionError(null);
    setCellsInvalid(false);
    setNotice(t('quotasPage.targets.undone'));
  }

  // ------------------------------------------------------------------ proposal

  async function propose() {
    if (busy) return;
    startAction();
    const parsed = readSettings();
    if (!parsed) return;
    setBusy('propose');
    try {
      const savedFirst = dirtyValues.length;
      if (savedFirst > 0 && !(await saveTargets())) return;
      const rows = await call('quotas.propose', { panelSize: parsed.panelSize, tolerance: parsed.tolerance });
      if (rows.length === 0) {
        setProposal(null);
        setNotice(t('quotasPage.proposal.noShares'));
        return;
      }
      const proposedIds = new Set(rows.map((r) => r.valueId));
      setProposal({
        ...parsed,
        rows: new Map(rows.map((r) => [r.valueId, r])),
        stale: false,
        without: features.filter((f) => !f.values.some((v) => proposedIds.has(v.id))).map((f) => f.name),
      });
      setNotice(
        savedFirst > 0
          ? `${t('quotasPage.targets.saved', { count: savedFirst, n: formatNumber(savedFirst, lang) })} ${t('quotasPage.proposal.shown')}`
          : t('quotasPage.proposal.shown'),
      );
      setFocusId('proposal-title');
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
    }
  }

  async function applyProposal() {
    if (!proposal || busy) return;
    startAction();
    setBusy('apply');
    try {
      await call('quotas.applyProposal', { panelSize: proposal.panelSize, tolerance: proposal.tolerance });
      const count = proposal.rows.size;
      setProposal(null);
      setSettingsDraft(null);
      setDrafts({});
      setCellErrors({});
      await loaded.reload();
      setNotice(t('quotasPage.proposal.applied', { count, n: formatNumber(count, lang) }));
      setFocusId('quota-checks-title');
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
    }
  }

  function discardProposal() {
    setProposal(null);
    setNotice(t('quotasPage.proposal.discarded'));
    setFocusId('propose-button');
  }

  // ------------------------------------------------------------------ dialogs

  async function dialogDone(result: DialogResult) {
    setDialog(null);
    setSelected([]);
    // The values changed under the proposal: it no longer applies.
    setProposal(null);
    setActionError(null);
    await loaded.reload();
    setNotice(result.message);
    if (result.focusId) setFocusId(result.focusId);
  }

  function imported(_overview: QuotaOverview, fileName: string) {
    setDrafts({});
    setCellErrors({});
    setProposal(null);
    void loaded.reload();
    setNotice(t('quotasPage.sortition.imported', { file: fileName }));
    setFocusId('quota-checks-title');
  }

  const goToFeature = (featureId: string) => {
    const el = document.getElementById(featureHeadingId(featureId));
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  };

  // ------------------------------------------------------------------ render

  const byFeature = (f: FeatureInfo) => (data?.problems ?? []).filter((p) => p.feature === f.name);

  return (
    <div className="quotas-page">
      <h2 id="quotas-title">{t('quotasPage.title')}</h2>
      <p className="page-intro">{t('quotasPage.intro')}</p>

      <StatusLine message={notice} />
      <ErrorNotice error={actionError} />

      <LoadStatus loaded={loaded} />

      {data && features.length === 0 && (
        <EmptyState title={t('quotasPage.empty.title')}>
          <p>{t('quotasPage.empty.text')}</p>
          <p className="empty-state-next">
            <a href={hrefFor('recruitment', 'import')}>{t('quotasPage.empty.toImport')}</a>
          </p>
          <p>{t('quotasPage.empty.sortition')}</p>
        </EmptyState>
      )}

      {data && features.length > 0 && <QuotaChecks features={features} problems={data.problems} onGoTo={goToFeature} />}

      {data && (
        <section className="panel" aria-labelledby="settings-title" id="quota-settings">
          <h2 id="settings-title">{t('quotasPage.settings.title')}</h2>
          <form onSubmit={(e) => void saveSettings(e)} noValidate>
            <div className="settings-grid">
              <NumberField
                id="settings-panel-size"
                label={t('quotasPage.settings.panelSize')}
                error={settingsErrors.panelSize}
                hint={t('quotasPage.settings.panelSizeHint')}
                value={shownSettings.panelSize}
                onChange={(text) => editSettings({ panelSize: text })}
              />
              <NumberField
                id="settings-tolerance"
                label={t('quotasPage.settings.tolerance')}
                error={settingsErrors.tolerance}
                hint={t('quotasPage.settings.toleranceHint')}
                value={shownSettings.tolerance}
                onChange={(text) => editSettings({ tolerance: text })}
              />
            </div>
            <div className="field">
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={shownSettings.onePerHousehold}
                  onChange={(e) => editSettings({ onePerHousehold: e.target.checked })}
                  aria-describedby="settings-household-hint"
                />
                {t('quotasPage.settings.onePerHousehold')}
              </label>
              <p className="field-hint" id="settings-household-hint">
                {t('quotasPage.settings.onePerHouseholdHint')}
              </p>
            </div>
            <FormActions busy={busy === 'settings'} disabled={busy !== null} submitLabel={t('quotasPage.settings.save')}>
              {settingsDraft && <span className="unsaved-note">{t('quotasPage.settings.unsaved')}</span>}
            </FormActions>
          </form>
        </section>
      )}

      {data && features.length > 0 && (
        <section className={`panel proposal-panel${proposal ? ' proposal-open' : ''}`} aria-labelledby="proposal-title">
          <h2 id="proposal-title" tabIndex={-1}>
            {proposal ? t('quotasPage.proposal.titleShown') : t('quotasPage.proposal.title')}
          </h2>
          {!proposal && (
            <>
              <p>{t('quotasPage.proposal.intro', { panel: shownSettings.panelSize || '–', tolerance: shownSettings.tolerance || '–' })}</p>
              <div className="form-actions">
                <button type="button" id="propose-button" className="button button-primary" onClick={() => void propose()} disabled={busy !== null}>
                  {busy === 'propose' ? t('common.busy') : t('quotasPage.proposal.propose')}
                </button>
              </div>
            </>
          )}
          {proposal && (
            <>
              <p className="proposal-lead">
                {t('quotasPage.proposal.lead', { panel: formatNumber(proposal.panelSize, lang), tolerance: formatNumber(proposal.tolerance, lang) })}
              </p>
              <p className="proposal-rule">
                <strong>{t('quotasPage.proposal.ruleTitle')}</strong> {lang === 'en' ? data.roundingRule : t('quotasPage.proposal.rule')}
              </p>
              {proposal.without.length > 0 && <p className="muted">{t('quotasPage.proposal.without', { features: proposal.without.join(', ') })}</p>}
              {proposal.stale && (
                <div className="notice notice-error" role="alert">
                  <p>{t('quotasPage.proposal.stale')}</p>
                </div>
              )}
              <div className="form-actions">
                <button type="button" className="button button-primary" onClick={() => void applyProposal()} disabled={busy !== null || proposal.stale}>
                  {busy === 'apply' ? t('common.busy') : t('quotasPage.proposal.apply')}
                </button>
                {proposal.stale && (
                  <button type="button" className="button" onClick={() => void propose()} disabled={busy !== null}>
                    {t('quotasPage.proposal.again')}
                  </button>
                )}
                <button type="button" className="button" onClick={discardProposal} disabled={busy !== null}>
                  {t('quotasPage.proposal.discard')}
                </button>
              </div>
            </>
          )}
        </section>
      )}

      {data && features.length > 0 && (
        <form id="quota-targets" className="quota-targets" onSubmit={(e) => void submitTargets(e)} noValidate aria-labelledby="targets-title">
          <div className="targets-head">
            <div>
              <h2 id="targets-title">{t('quotasPage.targets.title')}</h2>
              <p className="page-intro">{t('quotasPage.targets.intro')}</p>
              <p className="page-intro" id="merge-hint">
                {t('quotasPage.feature.mergeHint')}
              </p>
            </div>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'bands' })}>
              {t('quotasPage.bands.open')}
            </button>
          </div>

          {features.map((f) => (
            <FeatureSection
              key={f.id}
              feature={f}
              panelSize={data.settings.panelSize}
              problems={byFeature(f)}
              drafts={drafts}
              errors={cellErrors}
              onEdit={edit}
              proposal={proposal?.rows ?? null}
              proposalStale={proposal?.stale ?? false}
              selected={selected}
              onToggle={(id, on) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)))}
              onRenameFeature={() => setDialog({ kind: 'renameFeature', feature: f })}
              onRenameValue={(value) => setDialog({ kind: 'renameValue', feature: f, value })}
              onMerge={() => setDialog({ kind: 'merge', feature: f, valueIds: selected.filter((id) => f.values.some((v) => v.id === id)) })}
              onDelete={() => setDialog({ kind: 'delete', feature: f })}
            />
          ))}

          <div className={`save-bar${dirtyValues.length > 0 ? ' save-bar-dirty' : ''}`}>
            {cellsInvalid && (
              <div className="notice notice-error save-bar-error" role="alert">
                <p>{t('quotasPage.errors.cells')}</p>
              </div>
            )}
            <p className="save-bar-text" aria-live="polite">
              {dirtyValues.length > 0
                ? t('quotasPage.targets.unsaved', { count: dirtyValues.length, n: formatNumber(dirtyValues.length, lang) })
                : t('quotasPage.targets.allSaved')}
            </p>
            <FormActions busy={busy === 'targets'} disabled={busy !== null} submitLabel={t('quotasPage.targets.save')}>
              {dirtyValues.length > 0 && (
                <button type="button" className="button" onClick={undoTargets}>
                  {t('quotasPage.targets.undo')}
                </button>
              )}
            </FormActions>
          </div>
        </form>
      )}

      {data && (
        <QuotaSortition
          hasQuotas={hasQuotas}
          hasFeatures={features.length > 0}
          onImported={imported}
          onNotice={(text) => {
            startAction();
            setNotice(text);
          }}
        />
      )}

      {dialog?.kind === 'renameFeature' && <RenameFeatureDialog feature={dialog.feature} onClose={() => setDialog(null)} onDone={(r) => void dialogDone(r)} />}
      {dialog?.kind === 'renameValue' && (
        <RenameValueDialog
          feature={dialog.feature}
          value={dialog.value}
          onClose={() => setDialog(null)}
          onDone={(r) => void dialogDone(r)}
          onMergeInstead={(valueIds, into) => setDialog({ kind: 'merge', feature: dialog.feature, valueIds, into })}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeValuesDialog feature={dialog.feature} valueIds={dialog.valueIds} into={dialog.into} onClose={() => setDialog(null)} onDone={(r) => void dialogDone(r)} />
      )}
      {dialog?.kind === 'delete' && <DeleteFeatureDialog feature={dialog.feature} onClose={() => setDialog(null)} onDone={(r) => void dialogDone(r)} />}
      {dialog?.kind === 'bands' && <FeatureBandsDialog features={features} onClose={() => setDialog(null)} onDone={(r) => void dialogDone(r)} />}
    </div>
  );
}

