/** A tiny hash router: one page per area, `#/sessions`, `#/settings`... Works under app:// and http://. */
import { useSyncExternalStore } from 'react';

export const AREAS = [
  'recruitment',
  'selection',
  'participants',
  'sessions',
  'agenda',
  'tables',
  'voting',
  'reports',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];
export const DEFAULT_AREA: Area = 'sessions';

export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (AREAS as readonly string[]).includes(name) ? (name as Area) : DEFAULT_AREA;
}

/** The part after the area: `#/recruitment/import` -> 'import' (empty for the area itself). */
export function subPathFromHash(hash: string): string {
  return hash.replace(/^#\/?/, '').split('?')[0]!.split('/').slice(1).join('/');
}

export const hrefFor = (area: Area, sub?: string): string => (sub ? `#/${area}/${sub}` : `#/${area}`);

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useArea(): Area {
  return useSyncExternalStore(subscribe, () => areaFromHash(window.location.hash));
}

export function useSubPath(): string {
  return useSyncExternalStore(subscribe, () => subPathFromHash(window.location.hash));
}

export function goTo(area: Area, sub?: string): void {
  window.location.hash = hrefFor(area, sub);
}
