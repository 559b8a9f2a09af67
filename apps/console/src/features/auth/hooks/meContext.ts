import type { Me } from '@yidan/contracts';
import { createContext } from 'react';

/**
 * The signed-in agent, provided by RequireAuth. Reading it from context (not from the query) means
 * pages never see a half-finished sign-out: when `me` goes away RequireAuth unmounts them first.
 */
export const MeContext = createContext<Me | null>(null);
