import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import type { App } from 'vue';
import type { AppStart } from './app';

/** The two back offices run on Element Plus: its components in Chinese, and its toast as the notifier. */
export const elementPlusApp: Pick<AppStart, 'notifier' | 'install'> = {
  notifier: {
    error: (m) => ElMessage.error(m),
    warning: (m) => ElMessage.warning(m),
    success: (m) => ElMessage.success(m),
  },
  install: (app: App) => app.use(ElementPlus, { locale: zhCn }),
};
