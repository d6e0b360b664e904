import { startApp } from '@onewindow/web-kit';
import { elementPlusApp } from '@onewindow/web-kit/element-plus';
import '@onewindow/web-kit/kit.css';
import { api } from './api';
import App from './App.vue';
import { i18n } from './i18n';
import { createSupervisionRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';

startApp({ root: App, i18n, api, router: createSupervisionRouter, session: useSessionStore, ...elementPlusApp });
