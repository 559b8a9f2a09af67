import type {
  availableMacroSchema,
  macroCatalogueSchema,
  macroCreateBody,
  macroEvaluateBody,
  macroEvaluationSchema,
  macroSchema,
  macroUpdateBody,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type Macro = Out<typeof macroSchema>;
export type MacroCreate = In<typeof macroCreateBody>;
export type MacroUpdate = In<typeof macroUpdateBody>;
export type MacroCatalogue = Out<typeof macroCatalogueSchema>;
export type AvailableMacro = Out<typeof availableMacroSchema>;
export type MacroEvaluate = In<typeof macroEvaluateBody>;
export type MacroEvaluation = Out<typeof macroEvaluationSchema>;
