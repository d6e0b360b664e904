import type zh from './zh-CN';

const en: typeof zh = {
  app: { title: 'E-supervision', center: 'Demo City Government Service Center' },
  nav: { board: 'Live board', cards: 'Cards', urging: 'Urging', complaints: 'Complaints', rankings: 'Rankings', audit: 'Audit log' },
  login: { title: 'Supervisor log in', login: 'Login', password: 'Password', submit: 'Log in', expired: 'Your session has expired. Please log in again.', required: 'Enter your login and password' },
  header: { logout: 'Log out', lang: '中文' },
  board: {
    title: 'Live board',
    kpiPending: 'Live once e-supervision opens',
    warnings: 'Warnings (yellow)',
    overdue: 'Overdue (red)',
    urging: 'Being urged',
    onTime: 'On-time rate',
    chain: 'Audit chain',
    chainIntact: 'Intact: {n} rows checked',
    chainBroken: 'Broken at row {seq} ({reason})',
    recent: 'Recent activity',
  },
  soon: {
    title: 'Being built',
    cards: 'Filter cards by level, reason, department and date; see the case timeline and clock; decide appeals.',
    urging: 'Urge a department with a deadline; an unanswered urge becomes a red card.',
    complaints: 'Take complaints, handle them on time, and follow up.',
    rankings: 'On-time rate, cards per 100 cases, overdue cases and weekly trends by department, exportable to Excel.',
  },
  audit: { at: 'Time', actor: 'Actor', action: 'Action', target: 'Target', verify: 'Verify chain' },
  notFound: { title: 'Page not found', back: 'Back to the live board' },
};
export default en;
