import type { ReactNode } from 'react';

/** The page's one h1; focusable so a page change can move focus to it. */
export function PageHeading({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {children}
      </h1>
      {intro && <p className="page-intro">{intro}</p>}
    </div>
  );
}
