import type {
  slaCatalogueSchema,
  slaPolicyCreateBody,
  slaPolicySchema,
  slaPolicyUpdateBody,
  slaPreviewResult,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type { SlaMetric, TicketSla, TicketSlaMetric } from '@yidan/contracts';
export type SlaPolicy = Out<typeof slaPolicySchema>;
export type SlaPolicyCreate = In<typeof slaPolicyCreateBody>;
export type SlaPolicyUpdate = In<typeof slaPolicyUpdateBody>;
export type SlaCatalogue = Out<typeof slaCatalogueSchema>;
export type SlaPreview = Out<typeof slaPreviewResult>;
