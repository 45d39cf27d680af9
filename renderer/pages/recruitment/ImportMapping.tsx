import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS } from '../../../preload/vocabulary';
import type { ColumnTarget, StagedImport } from '../../../main/domain/recruitment/types';
import { DataTable } from '../../components/DataTable';
import { ImportFieldExtras } from './ImportFieldExtras';
import { isImportField, samplesOf, selectValueOf, shortValue } from './ImportShared';

interface Props {
  staged: StagedImport;
  columns: ColumnTarget[];
  onChange: (index: number, target: ColumnTarget) => void;
  disabled?: boolean;
  /** Features the assembly already has, offered as names. */
  knownFeatures: string[];
}

/**
 * One row per column of the file: its name, a few of its values, and what it becomes. A list
 * (rather than a select above each column of a wide table) stays readable with 20 columns.
 */
export function ImportMapping({ staged, columns, onChange, disabled, knownFeatures }: Props) {
  const { t } = useTranslation();
  const warnings = mappingWarnings(staged.header, columns);
  const known = new Map(knownFeatures.map((name) => [foldKey(name), name]));

  function choose(index: number, value: string) {
    if (value === 'ignore') onChange(index, { kind: 'ignore' });
    else if (value === 'feature') onChange(index, { kind: 'feature', feature: staged.header[index] ?? '' });
    else {
      const field = value.slice('field:'.length);
      if (isImportField(field)) onChange(index, { kind: 'field', field });
    }
  }

  return (
    <div className="table-wrap">
      <DataTable
        className="import-mapping"
        caption={t('importPage.mapping.caption')}
        columns={[t('importPage.mapping.colColumn'), t('importPage.mapping.colSamples'), t('importPage.mapping.colUseAs')]}
        wrap={false}
      >
        {staged.header.map((name, index) => {
          const target = columns[index] ?? { kind: 'ignore' };
          const samples = samplesOf(staged.preview, index);
          const selectId = `import-map-${index}`;
          const featureId = `import-feature-${index}`;
          const warningId = `import-map-warning-${index}`;
          const warning = warnings[index];
          return (
            <tr key={`${index}-${name}`} className={target.kind === 'ignore' ? 'import-ignored' : undefined}>
              <th scope="row" id={`import-col-${index}`}>
                {name}
              </th>
              <td className="import-samples">
                {samples.length > 0 ? (
                  samples.map((s, i) => (
                    <span key={i} className="import-sample">
                      {shortValue(s, 28)}
                    </span>
                  ))
                ) : (
                  <span className="muted">{t('importPage.mapping.noSamples')}</span>
                )}
              </td>
              <td className="import-use-as">
                <div className="import-use-as-inner">
                  <label htmlFor={selectId} className="visually-hidden">
                    {t('importPage.mapping.useAsLabel', { column: name })}
                  </label>
                  <select
                    id={selectId}
                    value={selectValueOf(target)}
                    onChange={(e) => choose(index, e.target.value)}
                    disabled={disabled}
                    aria-invalid={warning ? true : undefined}
                    aria-describedby={warning ? warningId : undefined}
                  >
                    <optgroup label={t('importPage.mapping.groupPerson')}>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={`field:${f}`}>
                          {t(`importPage.field.${f}`)}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t('importPage.mapping.groupOther')}>
                      <option value="feature">{t('importPage.mapping.feature')}</option>
                      <option value="ignore">{t('importPage.mapping.ignore')}</option>
                    </optgroup>
                  </select>
                  {target.kind === 'feature' && (
                    <div className="import-feature-name">
                      <label htmlFor={featureId}>
                        {t('importPage.mapping.featureName')}
                        <span className="visually-hidden"> ({t('importPage.mapping.featureOfColumn', { column: name })})</span>
                      </label>
                      <input
                        id={featureId}
                        type="text"
                        maxLength={100}
                        autoComplete="off"
                        value={target.feature}
                        disabled={disabled}
                        aria-invalid={target.feature.trim() === '' ? true : undefined}
                        aria-describedby={[warning ? warningId : null, `${featureId}-hint`].filter(Boolean).join(' ')}
                        list={knownFeatures.length > 0 ? 'import-known-features' : undefined}
                        onChange={(e) => onChange(index, { kind: 'feature', feature: e.target.value })}
                      />
                      <span className="field-hint" id={`${featureId}-hint`}>
                        {target.feature.trim() === ''
                          ? ''
                          : known.has(foldKey(target.feature))
                            ? t('importPage.mapping.featureExisting', { name: known.get(foldKey(target.feature)) })
                            : t('importPage.mapping.featureNew')}
                      </span>
                    </div>
                  )}
                  {target.kind === 'field' && (
                    <ImportFieldExtras index={index} columnName={name} target={target} disabled={disabled} onChange={(next) => onChange(index, next)} />
                  )}
                  {warning && (
                    <p className="field-error" id={warningId}>
                      <span aria-hidden="true" className="field-error-mark">
                        !
                      </span>{' '}
                      {t(`importPage.mapping.warning.${warning.kind}`, { column: warning.other ?? '' })}
                    </p>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {knownFeatures.length > 0 && (
        <datalist id="import-known-features">
          {knownFeatures.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </div>
  );
}

/** Names compared as the server does: case, accents and spacing do not matter. */
const foldKey = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

interface Warning {
  kind: 'fieldTwice' | 'featureTwice' | 'featureNameEmpty' | 'birthYearAndAge';
  other?: string;
}

/** The mapping's own mistakes, shown beside the column before any check is run. */
function mappingWarnings(header: string[], columns: ColumnTarget[]): (Warning | undefined)[] {
  const warnings: (Warning | undefined)[] = [];
  const fieldAt = new Map<string, number>();
  const featureAt = new Map<string, number>();
  const key = foldKey;
  columns.forEach((target, i) => {
    if (target.kind === 'field') {
      const first = fieldAt.get(target.field);
      // Needs columns add up, as on the server (checkMapping).
      if (first === undefined || target.field.startsWith('needs')) fieldAt.set(target.field, i);
      else warnings[i] = { kind: 'fieldTwice', other: header[first] };
    }
    if ((target.kind === 'field' || target.kind === 'feature') && target.feature !== undefined && !warnings[i]) {
      const k = key(target.feature);
      if (k === '') {
        warnings[i] = { kind: 'featureNameEmpty' };
        return;
      }
      const first = featureAt.get(k);
      if (first === undefined) featureAt.set(k, i);
      else warnings[i] = { kind: 'featureTwice', other: header[first] };
    }
  });
  const year = fieldAt.get('birthYear');
  const age = fieldAt.get('age');
  if (year !== undefined && age !== undefined && !warnings[age]) warnings[age] = { kind: 'birthYearAndAge', other: header[year] };
  return warnings;
}

/** The first 20 rows as read, for a look at the whole file before checking it. */
export function ImportPreview({ staged, columns }: { staged: StagedImport; columns: ColumnTarget[] }) {
  const { t } = useTranslation();
  const targetLabel = (target: ColumnTarget | undefined): string => {
    if (!target || target.kind === 'ignore') return t('importPage.mapping.ignored');
    if (target.kind === 'feature') return t('importPage.mapping.featureShort', { name: target.feature });
    if (target.feature !== undefined) return `${t(`importPage.field.${target.field}`)} + ${t('importPage.mapping.featureShort', { name: target.feature })}`;
    return t(`importPage.field.${target.field}`);
  };
  return (
    <div className="table-wrap import-preview-wrap" tabIndex={0} role="region" aria-labelledby="import-preview-caption">
      <table className="data-table compact import-preview">
        <caption id="import-preview-caption" className="visually-hidden">
          {t('importPage.preview.caption', { count: staged.preview.length, n: staged.preview.length })}
        </caption>
        <thead>
          <tr>
            {staged.header.map((name, i) => (
              <th scope="col" key={i}>
                <span className="import-preview-name">{name}</span>
                <span className={`import-preview-target${columns[i]?.kind === 'ignore' ? ' muted' : ''}`}>{targetLabel(columns[i])}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staged.preview.map((row, r) => (
            <tr key={r}>
              {staged.header.map((_name, c) => (
                <td key={c}>{shortValue(row[c] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
