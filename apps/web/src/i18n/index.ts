import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

/** The languages of the interface; Vietnamese is the default. */
export const LANGUAGES = ['vi', 'en'] as const;
/** An interface language. */
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'stinet.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

/** Reads the persisted language choice (Vietnamese when none or unavailable). */
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(lng: string): void {
  const lang: Language = lng === 'en' ? 'en' : 'vi';
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
  document.documentElement.lang = lang;
  document.title = i18next.t('app.documentTitle');
}

/** The configured i18next instance of the web app. */
export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on('languageChanged', applyLanguage);
applyLanguage(i18next.language);

/** The current interface language. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'vi';
}
