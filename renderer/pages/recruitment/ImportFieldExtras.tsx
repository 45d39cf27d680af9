/**
 * What a person-detail column can carry besides its field: a feature under a name (language,
 * municipality, postcode: so tables keep a language together and quotas can use it), and, for a
 * free-text needs column, the rule by which it is split (main/domain/import/needs.ts).
 */
import { useTranslation } from 'react-i18next';
import { FEATURE_FIELDS, type FeatureField, type ImportField } from '../../../preload/vocabulary';
import type { ColumnTarget } from '../../../main/domain/recruitment/types';

export const isFeatureField = (field: ImportField): field is FeatureField => (FEATURE_FIELDS as readonly ImportField[]).includes(field);

interface Props {
  index: number;
  columnName: string;
  target: Extract<ColumnTarget, { kind: 'field' }>;
  disabled?: boolean;
  onChange: (target: ColumnTarget) => void;
}

export function ImportFieldExtras({ index, columnName, target, disabled, onChange }: Props) {
  const { t } = useTranslation();
  if (target.field === 'needs') {
    return (
      <p className="field-hint import-needs-rule" id={`import-needs-rule-${index}`}>
        {t('importPage.mapping.needsRule')}
      </p>
    );
  }
  if (!isFeatureField(target.field)) return null;
  const checkId = `import-also-feature-${index}`;
  const nameId = `import-also-feature-name-${index}`;
  const also = target.feature !== undefined;
  return (
    <div className="import-also-feature">
      <label className="checkbox" htmlFor={checkId}>
        <input
          id={checkId}
          type="checkbox"
          checked={also}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked ? { ...target, feature: columnName } : { kind: 'field', field: target.field })}
        />{' '}
        {t('importPage.mapping.alsoFeature')}
        <span className="visually-hidden"> ({t('importPage.mapping.featureOfColumn', { column: columnName })})</span>
      </label>
      {also && (
        <div className="import-feature-name">
          <label htmlFor={nameId}>
            {t('importPage.mapping.featureName')}
            <span className="visually-hidden"> ({t('importPage.mapping.featureOfColumn', { column: columnName })})</span>
          </label>
          <input
            id={nameId}
            type="text"
            maxLength={100}
            autoComplete="off"
            value={target.feature}
            disabled={disabled}
            aria-invalid={target.feature!.trim() === '' ? true : undefined}
            onChange={(e) => onChange({ ...target, feature: e.target.value })}
          />
          <span className="field-hint">{t(`importPage.mapping.alsoFeatureHint.${target.field}`)}</span>
        </div>
      )}
    </div>
  );
}
