import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api';
import App from './App.vue';
import { i18n } from './i18n';
import { createSupervisionRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(ElementPlus, { locale: zhCn });
const router = createSupervisionRouter();
app.use(router);
api.onSessionExpired(() => {
  useSessionStore().markExpired();
  void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } });
});
app.mount('#app');
