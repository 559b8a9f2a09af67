import type { FieldDefinition } from '@yidan/contracts';
import { useMemo } from 'react';
import { useFields } from '../../customers/hooks/useFields';
import { useTicketTemplates } from './useTicketTemplates';

export interface TicketFieldDef extends FieldDefinition {
  /** The template's section heading (分组), null for fields shown first. */
  section: string | null;
}

/**
 * The custom fields a ticket of this template shows, as the server validates them: the template's
 * fields in its order (its required flags added), or every enabled custom field without a template.
 */
export function useTicketFieldDefs(templateId: number | null | undefined) {
  const fields = useFields('ticket');
  const templates = useTicketTemplates();
  const template = templates.data?.find((t) => t.id === templateId) ?? null;
  const defs = useMemo<TicketFieldDef[]>(() => {
    const custom = (fields.data ?? []).filter((f) => !f.system && f.enabled);
    if (!template) return custom.map((f) => ({ ...f, section: null }));
    return template.fields.flatMap((tf) => {
      const def = custom.find((f) => f.key === tf.key);
      return def ? [{ ...def, required: def.required || tf.required, section: tf.section }] : [];
    });
  }, [fields.data, template]);
  return { defs, template, sections: template?.sections ?? [], isLoading: fields.isLoading };
}
