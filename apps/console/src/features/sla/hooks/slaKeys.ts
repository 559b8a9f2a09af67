/** SLA policies live under ['sla', …]. */
export const slaKeys = {
  list: ['sla', 'list'] as const,
  catalogue: ['sla', 'catalogue'] as const,
};
