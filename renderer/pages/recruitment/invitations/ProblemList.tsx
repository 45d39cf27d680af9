import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';

export interface ListedProblem {
  row: number | null;
  column: string | null;
  /** The reason in the UI language (row and column have their own cells). */
  reason: string;
}

/** Every problem of a file, one row each: where it is and what is wrong. */
export function ProblemList({ problems, caption }: { problems: ListedProblem[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="problem-list">
      <DataTable wrap={false} caption={caption} columns={[t('invitations.problems.row'), t('invitations.problems.column'), t('invitations.problems.reason')]}>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.row ?? ''}</td>
            <td>{p.column ?? ''}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
