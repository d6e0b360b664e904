/** The UI languages: Chinese first, English available. The choice is kept per browser. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_STORAGE_KEY = 'onewindow.locale';

type KeyStore = Pick<Storage, 'getItem' | 'setItem'>;

export function savedLocale(storage: KeyStore | undefined): Locale {
  return storage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** Flips between Chinese and English on any `{ value }` holder (e.g. vue-i18n's global locale ref). */
export function toggleLocaleOf(
  current: { value: string },
  storage: KeyStore,
  doc?: { documentElement: { lang: string } },
): Locale {
  const next: Locale = current.value === 'zh-CN' ? 'en' : 'zh-CN';
  current.value = next;
  storage.setItem(LOCALE_STORAGE_KEY, next);
  if (doc) doc.documentElement.lang = next;
  return next;
}
