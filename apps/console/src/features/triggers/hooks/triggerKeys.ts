/** Everything of this feature lives under ['triggers', …]. */
export const triggerKeys = {
  list: ['triggers', 'list'] as const,
  catalogue: ['triggers', 'catalogue'] as const,
};
