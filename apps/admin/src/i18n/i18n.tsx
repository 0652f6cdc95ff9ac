import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DICTIONARIES, type Dictionary, LANGUAGES, type Language } from './dictionary.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format.ts';

const STORAGE_KEY = 'komisi-admin:language';

/** The reader's choice, else the browser's first language we have, else Indonesian (most tenants'). */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen && (LANGUAGES as readonly string[]).includes(chosen)) return chosen as Language;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'id';
}

/** The tenant's language (its first locale's, when the console has it), for a reader who chose none. */
export function tenantLanguage(locales: readonly string[]): Language {
  const base = locales[0]?.slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

interface I18n {
  language: Language;
  t: Dictionary;
  setLanguage(language: Language): void;
  /** follow the tenant's language unless the reader picked one */
  suggestLanguage(language: Language): void;
  money(amount: number | string | null | undefined, currency: string): string;
  number(value: number): string;
  dateTime(iso: string | null | undefined, timeZone?: string): string;
  date(iso: string | null | undefined, timeZone?: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const suggestLanguage = useCallback((next: Language) => {
    if (!localStorage.getItem(STORAGE_KEY)) setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: DICTIONARIES[language],
      setLanguage,
      suggestLanguage,
      money: (amount, currency) => formatMoney(amount, currency, language),
      number: (n) => formatNumber(n, language),
      dateTime: (iso, timeZone) => formatDateTime(iso, language, timeZone),
      date: (iso, timeZone) => formatDate(iso, language, timeZone),
    }),
    [language, setLanguage, suggestLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
