import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The workspace's state in the URL (?view=sys:mine&group=open&q=…) so a view can be bookmarked and shared. */
export function useWorkspaceParams() {
  const [params, setParams] = useSearchParams();
  const viewId = params.get('view') ?? undefined;
  const q = params.get('q') ?? '';
  // '' is a real group (the one without a value), so absence and emptiness differ here.
  const group = params.has('group') ? (params.get('group') ?? '') : undefined;
  const update = useCallback(
    (next: { view?: string; q?: string; group?: string }) =>
      setParams(
        (current) => {
          const out = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value || (key === 'group' && value === '')) out.set(key, value);
            else out.delete(key);
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { viewId, q, group, update };
}
