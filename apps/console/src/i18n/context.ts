import { createContext } from 'react';
import type { Lang } from './lang';
import type { MessageKey } from './zh-CN';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
