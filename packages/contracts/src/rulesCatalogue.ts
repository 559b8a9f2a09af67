import { z } from 'zod';
import { conditionFieldSchema, localizedLabelSchema, OPERATORS } from './conditions.js';

/** The rule kinds with a builder: what `GET /api/v1/rules/catalogue?context=` answers for. */
export const RULE_CATALOGUE_CONTEXTS = ['trigger', 'automation', 'macro', 'view', 'sla'] as const;
export type RuleCatalogueContext = (typeof RULE_CATALOGUE_CONTEXTS)[number];

export const rulesCatalogueQuery = z.object({
  context: z.enum(RULE_CATALOGUE_CONTEXTS).default('trigger'),
});

/**
 * One catalogue for every rule builder (DESIGN §4): the condition fields with the operators each
 * allows, and the actions (`field` keys as rules write them, value types, options). Views have no
 * actions.
 */
export const rulesCatalogueSchema = z.object({
  context: z.enum(RULE_CATALOGUE_CONTEXTS),
  fields: z.array(conditionFieldSchema.extend({ operators: z.array(z.enum(OPERATORS)) })),
  actions: z.array(
    z.looseObject({
      key: z.string(),
      label: localizedLabelSchema,
      valueType: z.string(),
    }),
  ),
});
export type RulesCatalogue = z.infer<typeof rulesCatalogueSchema>;
