import { Role } from '@onewindow/shared';
import { defineSessionStore } from '@onewindow/web-kit';
import { api } from '../api';
import { i18n } from '../i18n';

/** Who may use the supervision app: the supervision bureau and center administrators. */
export const SUPERVISION_ROLES: Role[] = [Role.SUPERVISOR, Role.CENTER_ADMIN];

export const useSessionStore = defineSessionStore(api, {
  admits: (p) => p.roles.some((r) => SUPERVISION_ROLES.includes(r)),
  refusal: () => i18n.global.t('login.refusal'),
});
