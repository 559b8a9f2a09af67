import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  AvailableMacro,
  Macro,
  MacroCatalogue,
  MacroCreate,
  MacroEvaluate,
  MacroEvaluation,
  MacroUpdate,
} from '../types/macroTypes';

/** 宏 (5.1.6.3) in their order, disabled ones too. */
export async function listMacros(): Promise<Macro[]> {
  return (await api.get<ListOf<Macro>>('/macros')).items;
}

/** The condition fields, the macro actions and the form fields the builder offers. */
export function getMacroCatalogue(): Promise<MacroCatalogue> {
  return api.get<MacroCatalogue>('/macros/catalogue');
}

export function createMacro(body: MacroCreate): Promise<Macro> {
  return api.post<Macro>('/macros', body);
}

export function updateMacro(id: number, body: MacroUpdate): Promise<Macro> {
  return api.patch<Macro>(`/macros/${id}`, body);
}

export function deleteMacro(id: number): Promise<void> {
  return api.delete(`/macros/${id}`);
}

/** Listed ids first, in this order; the server keeps any others after them. */
export async function orderMacros(orderedIds: number[]): Promise<Macro[]> {
  return (await api.put<ListOf<Macro>>('/macros/order', { ids: orderedIds })).items;
}

/** The macros I may use in a form of this template (or of this ticket). */
export async function listAvailableMacros(query: {
  templateId?: number | null;
  ticketId?: number;
}): Promise<AvailableMacro[]> {
  return (await api.get<ListOf<AvailableMacro>>('/macros/available', query)).items;
}

/** Runs macros over a form's values; only computes, nothing is saved. */
export function evaluateMacros(body: MacroEvaluate): Promise<MacroEvaluation> {
  return api.post<MacroEvaluation>('/macros/evaluate', body);
}
