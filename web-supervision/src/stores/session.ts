import { Role } from '@onewindow/shared';
import { defineSessionStore } from '@onewindow/web-kit';
import { api } from '../api';

/** Who may use the supervision app: the supervision bureau and center administrators. */
export const SUPERVISION_ROLES: Role[] = [Role.SUPERVISOR, Role.CENTER_ADMIN];

export const useSessionStore = defineSessionStore(api, {
  admits: (p) => p.roles.some((r) => SUPERVISION_ROLES.includes(r)),
  refusal: '此系统仅供监察员和中心管理员使用',
});
