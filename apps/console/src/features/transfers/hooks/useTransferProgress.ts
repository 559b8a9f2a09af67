import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAgentSocket } from '../../../realtime/socketContext';
import { getExport, getImport } from '../api/transfersApi';
import type {
  ExportStatus,
  ImportStatus,
  TransferEntity,
  TransferKind,
  TransferStatus,
} from '../types/transferTypes';
import { transferKeys } from './transferKeys';

type StatusOf<K extends TransferKind> = K extends 'import' ? ImportStatus : ExportStatus;

const FETCH = { import: getImport, export: getExport } as const;
const RANK: Record<TransferStatus, number> = { queued: 0, running: 1, done: 2, failed: 2 };
const POLL_MS = 2000;

export function isFinished(status: { status: TransferStatus } | undefined): boolean {
  return status?.status === 'done' || status?.status === 'failed';
}

/** A push and a poll can cross: keep whichever of the two is further along. */
function later<S extends ImportStatus | ExportStatus>(current: S | undefined, next: S): S {
  if (!current || isFinished(next)) return isFinished(current) ? current! : next;
  if (isFinished(current) || RANK[next.status] < RANK[current.status]) return current;
  return next.processed >= current.processed ? next : current;
}

/**
 * The status of one import or export job. The socket's `import.progress` / `export.progress`
 * pushes go straight into the cache; polling is the fallback (a missed or disconnected socket).
 * Every cache write restarts TanStack's interval, so a poll only runs after 2 s without a push.
 */
export function useTransferProgress<K extends TransferKind>(
  kind: K,
  id: number | null,
  /** Which routes to poll: tickets have their own. */
  entity?: TransferEntity,
) {
  const socket = useAgentSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket || id === null) return;
    const key = transferKeys.status(kind, id);
    const onProgress = (status: ImportStatus | ExportStatus) => {
      if (status.id !== id) return;
      queryClient.setQueryData<StatusOf<K>>(key, (current) => later(current, status as StatusOf<K>));
    };
    const event = kind === 'import' ? 'import.progress' : 'export.progress';
    socket.on(event, onProgress);
    return () => {
      socket.off(event, onProgress);
    };
  }, [socket, queryClient, kind, id]);

  return useQuery({
    queryKey: transferKeys.status(kind, id ?? 0),
    queryFn: async () => {
      const fetched = (await FETCH[kind](id!, entity)) as StatusOf<K>;
      return later(queryClient.getQueryData<StatusOf<K>>(transferKeys.status(kind, id!)), fetched);
    },
    enabled: id !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
    refetchOnWindowFocus: false,
  });
}
