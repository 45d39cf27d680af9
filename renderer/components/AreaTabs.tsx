import type { ReactNode } from 'react';
import { hrefFor, useSubPath, type Area } from '../router';

/** A part of an area, at `#/<area>/<sub>` (the area's first part at `#/<area>`, sub ''). */
export interface AreaPart {
  sub: string;
  label: string;
  /** Shown after the label, inside the link (a count, say). */
  badge?: ReactNode;
}

/** The part of `parts` the address points to, the first one when it points to none. */
export function useAreaPart<P extends { sub: string }>(parts: readonly P[]): P {
  const sub = useSubPath().split('/')[0] ?? '';
  return parts.find((p) => p.sub === sub) ?? parts[0]!;
}

/** The tabs under an area's h1: a link per part, the current one marked aria-current="page". */
export function AreaTabs({ area, parts, current, label }: { area: Area; parts: readonly AreaPart[]; current: string; label: string }) {
  return (
    <nav className="sub-nav" aria-label={label}>
      <ul>
        {parts.map((p) => (
          <li key={p.sub}>
            <a href={hrefFor(area, p.sub)} aria-current={p.sub === current ? 'page' : undefined}>
              {p.label}
              {p.badge ? (
                <>
                  {' '}
                  {p.badge}
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
