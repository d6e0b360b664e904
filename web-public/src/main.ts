import { startApp } from '@onewindow/web-kit';
import '@onewindow/web-kit/kit.css';
import { api } from './api';
import App from './App.vue';
import { i18n } from './i18n';
import { createPortalRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';

startApp({ root: App, i18n, api, router: createPortalRouter, session: useSessionStore });
