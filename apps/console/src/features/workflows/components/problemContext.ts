import { createContext, useContext } from 'react';

/** The node and connector ids the last save or publish found problems on (drawn in red). */
export const ProblemIdsContext = createContext<ReadonlySet<string>>(new Set());
export const useHasProblem = (id: string) => useContext(ProblemIdsContext).has(id);
