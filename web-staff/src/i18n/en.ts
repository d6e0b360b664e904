import type zh from './zh-CN';

const en: typeof zh = {
  app: { title: 'Back office', center: 'Demo City Government Service Center' },
  nav: { home: 'Desk', acceptance: 'Acceptance', review: 'Review & decision', fees: 'Fees', catalog: 'Matter catalog', calendar: 'Working calendar', cards: 'Cards', org: 'Organization', departments: 'Departments', staff: 'Staff' },
  login: { title: 'Staff log in', login: 'Login', password: 'Password', submit: 'Log in', expired: 'Your session has expired. Please log in again.', required: 'Enter your login and password' },
  header: { logout: 'Log out', lang: '中文' },
  home: {
    greeting: 'Hello, {name}',
    roles: 'Roles',
    department: 'Department',
    window: 'Window',
    noWindow: 'No window assigned',
    away: 'AB post: away',
    awayHint: 'While you are away your backup may act on your cases; the record names who acted for whom.',
    backup: 'Backup',
    todo: 'To do',
    todoText: 'Queues to accept, review, decide and deliver will show here, sorted by time left, once case handling opens.',
  },
  soon: {
    acceptance: 'Receipt, acceptance, refusal, one-time supplement notice, tolerant acceptance and their notices.',
    review: 'Review, decision, special procedures, extensions and delivery.',
    fees: 'Fee assessment with legal basis, payment notices, bank confirmation and receipts.',
    catalog: 'Service guides, versions, materials and fee items.',
    calendar: 'The official working-day calendar and its effect on time limits.',
    cards: 'Yellow and red cards of your department and yourself, and appeals.',
    title: 'Being built',
  },
  org: { name: 'Name', code: 'Code', shortName: 'Short name', creditCode: 'Credit code', active: 'Status', enabled: 'Active', disabled: 'Inactive', login: 'Login', roles: 'Roles', window: 'Window', away: 'Away', locked: 'Locked', search: 'Search name or login', total: '{n} people' },
  notFound: { title: 'Page not found', back: 'Back to desk' },
};
export default en;
