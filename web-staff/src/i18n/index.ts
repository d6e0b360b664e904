import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('onewindow.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function toggleLocale() {
  const next = i18n.global.locale.value === 'zh-CN' ? 'en' : 'zh-CN';
  i18n.global.locale.value = next;
  localStorage.setItem('onewindow.locale', next);
  document.documentElement.lang = next;
}
