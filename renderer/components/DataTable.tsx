import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface ColumnSpec {
  label: string;
  /** Numbers: right-aligned. */
  num?: boolean;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
}

/** A column heading: its text, or the text and how it is shown. */
export type Column = string | ColumnSpec;

interface Props {
  /** Classes after "data-table" ("compact people-table"). */
  className?: string;
  /** Says which table this is to a screen reader (not shown). */
  caption: string;
  columns: Column[];
  /** The rows. */
  children: ReactNode;
  /** In a scrolling wrapper, so a wide table does not widen the page (default). */
  wrap?: boolean;
}

/**
 * Whether the wrapper is narrower than its table. A wrapper that scrolls must be reachable by
 * keyboard (WCAG 2.1.1: the arrow keys scroll it once it has the focus), so it then becomes a
 * focusable region named after the table; one that does not scroll stays out of the Tab order.
 */
function useScrolls() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, scrolls };
}

/** A table of records: hidden caption, one heading per column, the rows the caller gives. */
export function DataTable({ className, caption, columns, children, wrap = true }: Props) {
  const { ref, scrolls } = useScrolls();
  const table = (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => {
            const { label, num, hidden }: ColumnSpec = typeof c === 'string' ? { label: c } : c;
            return (
              <th key={i} scope="col" className={num ? 'num' : undefined}>
                {hidden ? <span className="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrap ? (
    <div ref={ref} className="table-wrap" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      {table}
    </div>
  ) : (
    table
  );
}
