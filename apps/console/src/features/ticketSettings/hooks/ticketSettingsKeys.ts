/** Everything of this feature lives under ['ticketSettings', …]. */
export const ticketSettingsKeys = {
  templates: ['ticketSettings', 'templates'] as const,
  views: ['ticketSettings', 'views'] as const,
  queryFields: ['ticketSettings', 'query-fields'] as const,
  viewOptions: ['ticketSettings', 'view-options'] as const,
  printTemplates: ['ticketSettings', 'print-templates'] as const,
  placeholders: ['ticketSettings', 'print-placeholders'] as const,
  previewTickets: (q: string) => ['ticketSettings', 'preview-tickets', q] as const,
  preview: (ticketId: number, templateId: number) =>
    ['ticketSettings', 'print-preview', ticketId, templateId] as const,
};
