import { isCenterWide, type Principal, PrincipalKind } from '@onewindow/shared';
import { AuthErrors } from './auth.exception.js';

/**
 * Staff see and change only their own department's records unless their role is
 * center-wide (CENTER_ADMIN, SUPERVISOR). Services call these before reading or writing.
 */
export const DepartmentScope = {
  /**
   * Who works a department's cases: its staff, and the department's own system (a machine client, whose roles are
   * those its scopes stand for). Applicants are not.
   */
  worker(p: Principal | null): p is Principal {
    return p?.kind === PrincipalKind.STAFF || p?.kind === PrincipalKind.CLIENT;
  },
  /** Throws 403 AUTH_DEPARTMENT_SCOPE when the principal may not touch this department. */
  assert(principal: Principal, departmentId: string): void {
    if (!DepartmentScope.allows(principal, departmentId)) throw AuthErrors.departmentScope();
  },
  /** A record of no department (null) is for center-wide roles only. */
  allows(principal: Principal, departmentId: string | null): boolean {
    return isCenterWide(principal.roles) || (departmentId !== null && principal.departmentId === departmentId);
  },
  /** The department a query must be limited to, or null for all. A requested other department is refused. */
  filter(principal: Principal, requested?: string | null): string | null {
    if (isCenterWide(principal.roles)) return requested ?? null;
    if (requested && requested !== principal.departmentId) throw AuthErrors.departmentScope();
    if (!principal.departmentId) throw AuthErrors.departmentScope();
    return principal.departmentId;
  },
};
