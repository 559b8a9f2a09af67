import type { TransferKind } from '../types/transferTypes';

export const transferKeys = {
  all: ['transfers'] as const,
  status: (kind: TransferKind, id: number) => ['transfers', kind, id] as const,
};
