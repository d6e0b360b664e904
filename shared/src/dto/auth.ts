import type { PrincipalKind, Role } from '../roles.js';

/** Who is acting: carried in the access token and returned by /auth/me. */
export interface Principal {
  id: string;
  kind: PrincipalKind;
  name: string;
  roles: Role[];
  departmentId: string | null;
  windowId: string | null;
  /** A machine client's (CLIENT) scopes and requests allowed per minute; absent for people. */
  scopes?: string[];
  ratePerMinute?: number;
}

export interface LoginRequest {
  login: string;
  password: string;
}

export interface SessionTokens {
  accessToken: string;
  /** ISO instant */
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export interface LoginResponse extends SessionTokens {
  principal: Principal;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export const PASSWORD_MIN_LENGTH = 8;
/** At least 8 characters with letters and digits. */
export function isStrongEnoughPassword(pw: string): boolean {
  return pw.length >= PASSWORD_MIN_LENGTH && pw.length <= 128 && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}

export const ApplicantType = { CITIZEN: 'CITIZEN', LEGAL_PERSON: 'LEGAL_PERSON' } as const;
export type ApplicantType = (typeof ApplicantType)[keyof typeof ApplicantType];

export interface RegisterApplicantRequest {
  applicantType: ApplicantType;
  /** The citizen, or the legal person's representative (法定代表人/经办人). */
  name: string;
  phone: string;
  idNumber: string;
  password: string;
  organizationName?: string;
  creditCode?: string;
}

export interface ApplicantDto {
  id: string;
  applicantType: ApplicantType;
  name: string;
  phoneMasked: string;
  idNumberMasked: string;
  organizationName: string | null;
  creditCode: string | null;
  createdAt: string;
}
