import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'yidan.lang';
let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** The UI language, also sent as Accept-Language so the server localizes problem details. */
export function currentLang(): Lang {
  return current;
}

/** Switches dayjs and <html lang> and remembers the choice; React state follows via I18nProvider. */
export function applyLang(lang: Lang): void {
  current = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
