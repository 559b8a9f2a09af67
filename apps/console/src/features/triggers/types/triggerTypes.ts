import type {
  automationCatalogueSchema,
  automationCreateBody,
  automationSchema,
  automationUpdateBody,
  triggerCatalogueSchema,
  triggerCreateBody,
  triggerSchema,
  triggerUpdateBody,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type Trigger = Out<typeof triggerSchema>;
export type TriggerCreate = In<typeof triggerCreateBody>;
export type TriggerUpdate = In<typeof triggerUpdateBody>;
export type TriggerCatalogue = Out<typeof triggerCatalogueSchema>;

export type Automation = Out<typeof automationSchema>;
export type AutomationCreate = In<typeof automationCreateBody>;
export type AutomationUpdate = In<typeof automationUpdateBody>;
export type AutomationCatalogue = Out<typeof automationCatalogueSchema>;

/**
 * 触发器 and 自动化任务 share one shape (title, description, enabled, order, conditions, actions);
 * the list page and the drawer edit either through these.
 */
export type Rule = Trigger | Automation;
export type RuleCreate = TriggerCreate & AutomationCreate;
export type RuleUpdate = TriggerUpdate & AutomationUpdate;
export type RuleCatalogue = TriggerCatalogue | AutomationCatalogue;
