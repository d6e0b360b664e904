import { PrincipalKind } from '@onewindow/shared';
import { defineSessionStore } from '@onewindow/web-kit';
import { api } from '../api';
import { i18n } from '../i18n';

/** The back office admits staff only; applicants have the portal. */
export const useSessionStore = defineSessionStore(api, {
  admits: (p) => p.kind === PrincipalKind.STAFF,
  refusal: () => i18n.global.t('login.refusal'),
});
