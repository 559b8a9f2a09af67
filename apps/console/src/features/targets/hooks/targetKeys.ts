import type { DeliveryLog } from '../types/targetTypes';

/** Everything of external targets lives under ['targets', …]. */
export const targetKeys = {
  list: ['targets', 'list'] as const,
  deliveries: (log: DeliveryLog) =>
    ['targets', 'deliveries', 'targetId' in log ? log.targetId : 'messages'] as const,
  allDeliveries: ['targets', 'deliveries'] as const,
};
