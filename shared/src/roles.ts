/** Roles of the people who use OneWindow (DOMAIN.md §1). */
export const Role = {
  CLERK: 'CLERK',
  APPROVER: 'APPROVER',
  DEPT_LEAD: 'DEPT_LEAD',
  CENTER_ADMIN: 'CENTER_ADMIN',
  SUPERVISOR: 'SUPERVISOR',
  /** 收费员: the unified fee counter (统一收费窗口), for every department. */
  CASHIER: 'CASHIER',
  /** 财务: the center's finance office — receipt books, reconciliation, second approval of waivers and refunds. */
  FINANCE: 'FINANCE',
  APPLICANT: 'APPLICANT',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const STAFF_ROLES: readonly Role[] = [
  Role.CLERK,
  Role.APPROVER,
  Role.DEPT_LEAD,
  Role.CENTER_ADMIN,
  Role.SUPERVISOR,
  Role.CASHIER,
  Role.FINANCE,
];

/** Roles that see and act across every department; all others are limited to their own. */
export const CENTER_WIDE_ROLES: readonly Role[] = [Role.CENTER_ADMIN, Role.SUPERVISOR];

export const ROLE_LABELS: Record<Role, string> = {
  CLERK: '窗口工作人员',
  APPROVER: '审批人',
  DEPT_LEAD: '部门负责人',
  CENTER_ADMIN: '中心管理员',
  SUPERVISOR: '监察员',
  CASHIER: '收费员',
  FINANCE: '财务',
  APPLICANT: '申请人',
};

export const PrincipalKind = { STAFF: 'STAFF', APPLICANT: 'APPLICANT', CLIENT: 'CLIENT' } as const;
export type PrincipalKind = (typeof PrincipalKind)[keyof typeof PrincipalKind];

export function isCenterWide(roles: readonly Role[]): boolean {
  return roles.some((r) => CENTER_WIDE_ROLES.includes(r));
}

/** Roles that work fees across every department (统一收费: one counter and one finance office for the center). */
export const FEE_WIDE_ROLES: readonly Role[] = [Role.CASHIER, Role.FINANCE, Role.CENTER_ADMIN, Role.SUPERVISOR];
