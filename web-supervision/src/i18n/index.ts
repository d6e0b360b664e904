import { createAppI18n } from '@onewindow/web-kit';
import en from './en';
import zhCN from './zh-CN';

export const { i18n, toggleLocale } = createAppI18n({ 'zh-CN': zhCN, en });
