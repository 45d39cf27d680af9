import type { ReactNode } from 'react';

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

/** A table of records: hidden caption, one heading per column, the rows the caller gives. */
export function DataTable({ className, caption, columns, children, wrap = true }: Props) {
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
  return wrap ? <div className="table-wrap">{table}</div> : table;
}
