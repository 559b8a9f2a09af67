import type { WorkflowNodeType } from '@yidan/contracts';
import { useCallback } from 'react';
import { useT } from '../../../i18n/useT';

/** A node's name as the editor shows it: its own name, else its kind (开始, 分支, 结束 …). */
export function useNodeLabel() {
  const { t } = useT();
  return useCallback(
    ({ type, data }: { type?: string; data: Record<string, unknown> }) => {
      const own = type === 'swimlane' ? data.label : type === 'comment' ? data.text : data.name;
      if (typeof own === 'string' && own.trim()) return own.trim();
      return t(`workflows.type.${(type ?? 'task') as WorkflowNodeType}`);
    },
    [t],
  );
}
