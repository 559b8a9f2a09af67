import { useContext } from 'react';
import { I18nContext, type I18nValue } from './context';

/** `const { t, lang, setLang } = useT()` — translations for the current UI language. */
export function useT(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() must be used inside <I18nProvider>');
  return value;
}
