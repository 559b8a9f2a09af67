import type { WorkflowProblem } from '@yidan/contracts';
import { Alert, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/** What keeps the draft from being published; each problem selects its node or connector. */
export function ProblemList({
  problems,
  stale,
  onPick,
  nameOf,
}: {
  problems: WorkflowProblem[];
  /** The drawing changed since they were found: they are as of the last save. */
  stale: boolean;
  onPick: (id: string) => void;
  nameOf: (id: string) => string | null;
}) {
  const { t } = useT();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t(stale ? 'workflows.problemsStale' : 'workflows.problems', { n: problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 140, overflow: 'auto' }}>
          {problems.map((p, i) => {
            const id = p.nodeId ?? p.edgeId;
            const where = id ? nameOf(id) : null;
            return (
              // Problems have no id of their own; their order is the server's.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                {id ? (
                  <Typography.Link onClick={() => onPick(id)} data-testid="workflow-problem">
                    {where ? `${where}：` : ''}
                    {p.message}
                  </Typography.Link>
                ) : (
                  <span data-testid="workflow-problem">{p.message}</span>
                )}
              </li>
            );
          })}
        </ul>
      }
      data-testid="workflow-problems"
    />
  );
}
