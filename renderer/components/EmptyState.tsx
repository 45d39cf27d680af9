import type { ReactNode } from 'react';

interface Props {
  title: string;
  children?: ReactNode;
  badge?: string;
}

/** What will be here and what to do next: never a blank page. */
export function EmptyState({ title, children, badge }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      {badge && <p className="badge">{badge}</p>}
      <p className="empty-state-title">{title}</p>
      {children}
    </section>
  );
}
