import ElementPlus, { ElMessage } from 'element-plus';
import en from 'element-plus/es/locale/lang/en';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { type App, computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AppStart } from './app';

/** The two back offices run on Element Plus: its components in the app's language, and its toast as the notifier. */
export const elementPlusApp: Pick<AppStart, 'notifier' | 'install'> = {
  notifier: {
    error: (m) => ElMessage.error(m),
    warning: (m) => ElMessage.warning(m),
    success: (m) => ElMessage.success(m),
  },
  install: (app: App) => app.use(ElementPlus, { locale: zhCn }),
};

/**
 * Element Plus's own texts (empty tables, pagers, date pickers, confirmations) in the app's current language, for the
 * app's root `<el-config-provider :locale>`: the locale given at install is fixed, this one follows the switch.
 */
export function useElementLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  return computed(() => (locale.value === 'en' ? en : zhCn));
}
