import type {
  outboxEntryList,
  outboxEntrySchema,
  targetCreateBody,
  targetSchema,
  targetTestBody,
  targetTestResult,
  targetUpdateBody,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type Target = Out<typeof targetSchema>;
export type TargetCreate = In<typeof targetCreateBody>;
export type TargetUpdate = In<typeof targetUpdateBody>;
export type TargetTest = In<typeof targetTestBody>;
export type TargetTestResult = Out<typeof targetTestResult>;
export type OutboxEntry = Out<typeof outboxEntrySchema>;
export type OutboxPage = Out<typeof outboxEntryList>;

/** Which delivery log to read: one target's calls, or the messages to customers. */
export type DeliveryLog = { targetId: number } | { messages: true };
