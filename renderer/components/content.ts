/**
 * Public texts (session names, ballot titles...) in the screen's language: their translation
 * there, else the base text. The translations are loaded once per open assembly and again after
 * the Translations page changes one.
 */
import { useMemo } from 'react';
import type { ContentLanguage, TranslatableKind, TranslationRow } from '../../main/domain/translations/types';
import { featureLabels, localiserFor, type FeatureLabels, type Localiser } from '../../main/domain/translations/localise';
import { call } from '../api';
import { currentLanguage } from '../i18n';
import { useApiData, useAppState } from './AppState';

type Overview = Awaited<ReturnType<typeof loadOverview>>;

async function loadOverview() {
  const { baseLanguage, texts } = await call('translations.list', {});
  const rows: TranslationRow[] = texts.flatMap((t) => Object.entries(t.translations).map(([language, text]) => ({ kind: t.kind, entityId: t.entityId, field: t.field, language: language as ContentLanguage, text: text ?? '' })));
  return { baseLanguage, rows };
}

let cached: { key: string; overview: Promise<Overview> } | null = null;
let generation = 0;

/** Forget the loaded translations (after one was changed): the next render loads them again. */
export function invalidateContent(): void {
  cached = null;
  generation++;
}

function overviewFor(key: string): Promise<Overview> {
  if (!cached || cached.key !== key) {
    const overview = loadOverview();
    // A failed load (no assembly yet, a station without the right) is tried again next time.
    overview.catch(() => {
      if (cached?.overview === overview) cached = null;
    });
    cached = { key, overview };
  }
  return cached.overview;
}

const asIs: Localiser = (_k, _i, _f, base) => base;

/** A function that gives a public text in the screen's language (the base text until loaded). */
export function useContent(): Localiser {
  const { status } = useAppState();
  const key = status.assembly?.path ?? '';
  const lang = currentLanguage();
  const overview = useApiData(() => (key ? overviewFor(key) : Promise.resolve(null)), [key, generation]);
  const data = overview.data;
  return useMemo(() => (data ? localiserFor(data.rows, lang, data.baseLanguage) : asIs), [data, lang]);
}

export type { Localiser, TranslatableKind };

/**
 * The feature names and values in the screen's language (display only: keys stay the base
 * texts). Until the features are loaded, or where they cannot be (a station), the base texts.
 */
export function useFeatureLabels(): FeatureLabels {
  const content = useContent();
  const { status } = useAppState();
  const key = status.assembly?.path ?? '';
  const features = useApiData(async () => (key ? (await call('quotas.overview', {})).features : []), [key]);
  const list = features.data;
  return useMemo(() => featureLabels(list ?? [], content), [list, content]);
}
