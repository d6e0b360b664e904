/**
 * 重点项目 and the 绿色通道 (green channel): CENTER_ADMIN marks an applicant's investment project as a key
 * project, with a reason; the applicant's cases carrying its project code are accepted on each matter's
 * green-channel limit and head every queue. Revoking ends it for cases accepted afterwards.
 */
export interface KeyProjectDto {
  id: string;
  projectCode: string;
  projectName: string;
  applicantName: string;
  /** The applicant's unified social credit code (or ID number), masked. */
  applicantIdMasked: string;
  reason: string;
  markedByName: string;
  markedAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  /** Cases accepted under it so far. */
  caseCount: number;
}

export interface MarkKeyProjectRequest {
  projectCode: string;
  projectName: string;
  applicantName: string;
  /** Unified social credit code (or resident ID number) of the applicant whose project it is. */
  idNumber: string;
  reason: string;
}

export interface RevokeKeyProjectRequest {
  reason: string;
}
