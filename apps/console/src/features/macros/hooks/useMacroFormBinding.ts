import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import type { FieldDefinition } from '../../customers/types/customerTypes';
import { readMacroValues, writeMacroValues } from '../utils/ticketMacroValues';
import type { MacroController } from './useMacroController';

interface Binding {
  form: FormInstance;
  defs: FieldDefinition[];
  /** Changes with each (re)load of the form: 页面加载 macros run again after it. */
  formKey: string;
  /** Macros changed the form (it now has unsaved changes). */
  onApplied?: () => void;
  /** Saves the form's pending changes without macros (the reply box sends them first). */
  save?: () => Promise<boolean>;
}

/** Lets the page's macros read and fill a ticket form; rebinds every render so callbacks stay current. */
export function useMacroFormBinding(macros: MacroController | null, b: Binding) {
  useEffect(() => {
    if (!macros) return;
    macros.bindForm({
      key: b.formKey,
      read: () => readMacroValues(b.form, b.defs),
      write: (values, changed) => {
        writeMacroValues(b.form, b.defs, values, changed);
        b.onApplied?.();
      },
      save: b.save,
    });
    return () => macros.bindForm(null);
  });
}
