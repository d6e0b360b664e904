import type { Role } from '../roles.js';

export interface DepartmentDto {
  id: string;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  parentId: string | null;
  sortOrder: number;
  active: boolean;
}

export interface CreateDepartmentRequest {
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  parentId?: string | null;
  sortOrder?: number;
}

export type UpdateDepartmentRequest = Partial<Omit<CreateDepartmentRequest, 'code'>> & { active?: boolean };

export const WindowKind = { DEPARTMENT: 'DEPARTMENT', COMPREHENSIVE: 'COMPREHENSIVE' } as const;
export type WindowKind = (typeof WindowKind)[keyof typeof WindowKind];
export const WINDOW_KIND_LABELS: Record<WindowKind, string> = { DEPARTMENT: '部门窗口', COMPREHENSIVE: '综合窗口' };

export interface ServiceWindowDto {
  id: string;
  number: string;
  name: string;
  departmentId: string;
  kind: WindowKind;
  active: boolean;
}

export interface CreateServiceWindowRequest {
  number: string;
  name: string;
  departmentId: string;
  kind: WindowKind;
}

export type UpdateServiceWindowRequest = Partial<Omit<CreateServiceWindowRequest, 'number'>> & { active?: boolean };

export interface StaffDto {
  id: string;
  login: string;
  name: string;
  departmentId: string;
  windowId: string | null;
  roles: Role[];
  backupStaffId: string | null;
  /** The AB-post backup's name, for lists. */
  backupStaffName: string | null;
  away: boolean;
  active: boolean;
  locked: boolean;
}

export interface CreateStaffRequest {
  login: string;
  name: string;
  password: string;
  departmentId: string;
  windowId?: string | null;
  roles: Role[];
  backupStaffId?: string | null;
}

export interface UpdateStaffRequest {
  name?: string;
  departmentId?: string;
  windowId?: string | null;
  roles?: Role[];
  backupStaffId?: string | null;
  active?: boolean;
}

export interface SetStaffAwayRequest {
  away: boolean;
}

export interface ResetPasswordRequest {
  newPassword: string;
}

export interface StaffQuery {
  departmentId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The center as the public meets it (`GET /api/public/center`): one source for the portal, guides and documents. */
export interface CenterProfileDto {
  name: string;
  /** Where the hall is. */
  address: string;
  /** When the hall is open. */
  hours: string;
  /** 服务热线 (consultation). */
  hotline: string;
  /** 投诉电话 of the center. */
  complaintPhone: string;
  /** A bad rating is followed by a return visit (回访) within these working days (EVALUATION_VISIT_WORKING_DAYS). */
  visitWorkingDays: number;
}
