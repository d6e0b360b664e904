import { type Principal, PrincipalKind, type Role } from '@onewindow/shared';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { CaseEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

/** Who may touch a case: its applicant (their own cases only), or staff of its department in the right role. */
export const CaseAccess = {
  /**
   * Staff with one of `roles`, within the case's department; or a department's own system (a machine client) whose
   * scopes stand for such a role, under the same rule.
   */
  staff(p: Principal | null, c: CaseEntity, ...roles: Role[]): void {
    if (!DepartmentScope.worker(p)) throw AuthErrors.forbiddenRole();
    if (roles.length && !p.roles.some((r) => roles.includes(r))) throw AuthErrors.forbiddenRole();
    DepartmentScope.assert(p, c.departmentId);
  },
  /** The applicant who owns the case; anyone else is told it does not exist. */
  owner(p: Principal | null, c: CaseEntity): void {
    if (p?.kind !== PrincipalKind.APPLICANT || c.applicantAccountId !== p.id) throw CaseErrors.notFound();
  },
  /** The owner, or staff of the department in one of `roles`. */
  ownerOrStaff(p: Principal | null, c: CaseEntity, ...roles: Role[]): 'APPLICANT' | 'STAFF' {
    if (p?.kind === PrincipalKind.APPLICANT) {
      CaseAccess.owner(p, c);
      return 'APPLICANT';
    }
    CaseAccess.staff(p, c, ...roles);
    return 'STAFF';
  },
  /**
   * Read access: the owner, staff of the department, center-wide roles, or staff of a department the extensions
   * name as a reader (a co-department with a sub-task on the case: read-only, the case stays the lead's).
   */
  read(p: Principal, c: CaseEntity, readers: readonly string[] = []): void {
    if (p.kind === PrincipalKind.APPLICANT) return CaseAccess.owner(p, c);
    // Staff and machine clients of a co-department read the case as its readers.
    if (p.departmentId && readers.includes(p.departmentId)) return;
    DepartmentScope.assert(p, c.departmentId);
  },
};
