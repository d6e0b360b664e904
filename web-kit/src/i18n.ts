import { savedLocale, toggleLocaleOf } from '@onewindow/shared';
import { createI18n } from 'vue-i18n';
import { watch } from 'vue';
import { localizeCodeLabels } from './code-labels';
import { setKitTranslator } from './kit-text';
import { kitMessages } from './messages';

type Messages = Record<string, unknown>;
type Locale = 'zh-CN' | 'en';

/** The app's i18n, Chinese first, in the locale the user chose last; the kit's own texts are merged in. */
export function createAppI18n<M extends Messages>(messages: { 'zh-CN': M; en: M }) {
  const i18n = createI18n<[Messages], Locale, false>({
    legacy: false,
    locale: savedLocale(globalThis.localStorage),
    fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': { ...messages['zh-CN'], kit: kitMessages['zh-CN'] },
      en: { ...messages.en, kit: kitMessages.en },
    },
  });
  // Code-set labels follow the locale before the first render and before each re-render after a switch.
  setKitTranslator((key) => i18n.global.t(key));
  // The page says which language it is in from the start (screen readers, hyphenation, the English font stack).
  if (globalThis.document) document.documentElement.lang = i18n.global.locale.value;
  localizeCodeLabels(i18n.global.locale.value);
  watch(i18n.global.locale, (l) => localizeCodeLabels(l), { flush: 'sync' });
  const toggleLocale = () => toggleLocaleOf(i18n.global.locale, localStorage, document);
  return { i18n, toggleLocale };
}
