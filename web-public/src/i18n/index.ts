import { savedLocale, toggleLocaleOf } from '@onewindow/shared';
import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(globalThis.localStorage),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export const toggleLocale = () => toggleLocaleOf(i18n.global.locale, localStorage, document);
