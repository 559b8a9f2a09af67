import { createContext, useContext } from 'react';
import type { MacroController } from './useMacroController';

/** The macros of the ticket page the form parts (fields, reply box) work with; null elsewhere. */
export const MacroControllerContext = createContext<MacroController | null>(null);

export const useMacroContext = () => useContext(MacroControllerContext);
