import type { TemplateVisibility, TicketTemplate, TicketTemplateCreate } from '../types/ticketSettingsTypes';

export interface TemplateFieldRow {
  key: string;
  section: string | null;
  required: boolean;
}

export interface TemplateFormValues {
  name: string;
  description: string;
  visibility: TemplateVisibility;
  enabled: boolean;
  isDefault: boolean;
  sections: { name: string; collapsed: boolean }[];
  fields: TemplateFieldRow[];
}

export function emptyTemplateValues(): TemplateFormValues {
  return {
    name: '',
    description: '',
    visibility: { scope: 'all', groupIds: [], agentIds: [] },
    enabled: true,
    isDefault: false,
    sections: [],
    fields: [],
  };
}

export function templateToValues(t: TicketTemplate): TemplateFormValues {
  return {
    name: t.name,
    description: t.description,
    visibility: t.visibility,
    enabled: t.enabled,
    isDefault: t.isDefault,
    sections: t.sections.map((s) => ({ name: s.name, collapsed: s.collapsed })),
    fields: t.fields.map((f) => ({ key: f.key, section: f.section ?? null, required: f.required })),
  };
}

/** The body for create and update; a field whose section was removed or renamed falls back to none. */
export function valuesToTemplateBody(v: TemplateFormValues): TicketTemplateCreate {
  const sections = (v.sections ?? []).map((s) => ({ name: s.name.trim(), collapsed: Boolean(s.collapsed) }));
  const names = new Set(sections.map((s) => s.name));
  const scope = v.visibility?.scope ?? 'all';
  return {
    name: v.name.trim(),
    description: (v.description ?? '').trim(),
    visibility: {
      scope,
      groupIds: scope === 'groups' ? (v.visibility.groupIds ?? []) : [],
      agentIds: scope === 'agents' ? (v.visibility.agentIds ?? []) : [],
    },
    enabled: v.enabled,
    isDefault: v.isDefault,
    sections,
    fields: (v.fields ?? []).map((f) => ({
      key: f.key,
      section: f.section && names.has(f.section) ? f.section : null,
      required: Boolean(f.required),
    })),
  };
}
