import { PrincipalKind } from '@onewindow/shared';
import { defineSessionStore } from '@onewindow/web-kit';
import { api } from '../api';

/** The back office admits staff only; applicants have the portal. */
export const useSessionStore = defineSessionStore(api, {
  admits: (p) => p.kind === PrincipalKind.STAFF,
  refusal: '申请人账号请在网上办事大厅登录',
});
