import { FEE_WIDE_ROLES, type Principal, PrincipalKind, type Role } from '@onewindow/shared';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { CaseErrors } from '../acceptance/acceptance.module.js';

/**
 * Who may touch a case's fees. 统一收费 is one counter for the whole center: the cashier, the finance office (and the
 * bank's system, whose scope stands for a cashier) work every department's fees; a department's own staff only
 * their department's; an applicant reads their own case's.
 */
export const FeeAccess = {
  wide(p: Principal): boolean {
    return p.roles.some((r) => FEE_WIDE_ROLES.includes(r));
  },
  /** Read: the applicant owning the case, a fee-wide role, or the case's department. */
  read(p: Principal, c: { departmentId: string; applicantAccountId: string | null }): void {
    if (p.kind === PrincipalKind.APPLICANT) {
      if (c.applicantAccountId !== p.id) throw CaseErrors.notFound();
      return;
    }
    if (FeeAccess.wide(p)) return;
    DepartmentScope.assert(p, c.departmentId);
  },
  /** Act: one of `roles` within the case's department (fee-wide roles in any department when listed). */
  act(p: Principal | null, departmentId: string, ...roles: Role[]): Principal {
    if (!DepartmentScope.worker(p) || !p.roles.some((r) => roles.includes(r))) throw AuthErrors.forbiddenRole();
    const wide = p.roles.some((r) => roles.includes(r) && FEE_WIDE_ROLES.includes(r));
    if (!wide) DepartmentScope.assert(p, departmentId);
    return p;
  },
};
