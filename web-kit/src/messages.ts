/** The kit's own texts, under `kit.` in every app. */
const zhCN = {
  login: {
    login: '登录名',
    password: '密码',
    submit: '登录',
    expired: '登录已过期，请重新登录。',
    required: '请填写登录名和密码',
  },
  notFound: { title: '页面不存在', text: '您访问的页面不存在或已移动。' },
  soon: { title: '建设中', text: '此功能正在建设中，上线后将在这里提供服务。' },
  standing: { NORMAL: '正常', WARNING: '预警', OVERDUE: '超期', PAUSED: '暂停', NONE: '—' },
};
const en: typeof zhCN = {
  login: {
    login: 'Login',
    password: 'Password',
    submit: 'Log in',
    expired: 'Your session has expired. Please log in again.',
    required: 'Enter your login and password',
  },
  notFound: { title: 'Page not found', text: 'The page does not exist or has moved.' },
  soon: { title: 'Being built', text: 'This service is being built and will be offered here.' },
  standing: { NORMAL: 'On time', WARNING: 'Due soon', OVERDUE: 'Overdue', PAUSED: 'Paused', NONE: '—' },
};
export const kitMessages = { 'zh-CN': zhCN, en };
