import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api';
import App from './App.vue';
import { i18n } from './i18n';
import { createPortalRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
const router = createPortalRouter();
app.use(router);
api.onSessionExpired(() => {
  useSessionStore().markExpired();
  void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } });
});
app.mount('#app');
