import type {
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
