/** Everything about macros lives under ['macros', …]. */
export const macroKeys = {
  all: ['macros'] as const,
  list: ['macros', 'list'] as const,
  catalogue: ['macros', 'catalogue'] as const,
  available: (templateId: number | null, ticketId: number | undefined) =>
    ['macros', 'available', templateId, ticketId ?? null] as const,
};
