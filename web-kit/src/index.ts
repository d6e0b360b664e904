/** @onewindow/web-kit: what the three SPAs share. Each SPA keeps only what is its own. */
export { useAction } from './action';
export { type AppStart, startApp } from './app';
export { type AppName, createAppClient } from './client';
export { createAppI18n } from './i18n';
export { listText, messagesText, timeLimitText } from './kit-text';
export { complaintLabels, localizeCodeLabels, messageKeys, scorePartLabel } from './code-labels';
export { kitMessages } from './messages';
export { errorMessage, type Notifier, notify, reportError, setNotifier } from './notify';
export { usePagedSearch } from './paged';
export { fileUpload } from './upload';
export { type Admission, defineSessionStore, NotAdmittedError, type SessionStore } from './session';
export { shanghaiDeadline, shanghaiTime } from './time';
export {
  ADJUSTMENT_STATE_TONES,
  CARD_LEVEL_TONES,
  CASE_STATE_TONES,
  CLOCK_STANDING_TONES,
  NOTICE_STATE_TONES,
  RECEIPT_STATE_TONES,
  SUBTASK_STATE_TONES,
  type Tone,
  WEBHOOK_DELIVERY_TONES,
} from './tones';
export { default as CardLevelTag } from './components/CardLevelTag.vue';
export { default as CaseStateTag } from './components/CaseStateTag.vue';
export { default as ClockStandingTag } from './components/ClockStandingTag.vue';
export { default as ComplaintRegisterForm } from './components/ComplaintRegisterForm.vue';
export { default as KitTag } from './components/KitTag.vue';
export { default as SubtaskStateTag } from './components/SubtaskStateTag.vue';
export { default as ShanghaiTime } from './components/ShanghaiTime.vue';
export { default as LoginPage } from './pages/LoginPage.vue';
export { default as NotFoundPage } from './pages/NotFoundPage.vue';
