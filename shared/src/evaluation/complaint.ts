/** 投诉 (DOMAIN.md §7): channels, types and their routing, the complaint's life as data. */

export const ComplaintChannel = {
  ONLINE: 'ONLINE',
  HOTLINE: 'HOTLINE',
  LETTER: 'LETTER',
  IN_PERSON: 'IN_PERSON',
} as const;
export type ComplaintChannel = (typeof ComplaintChannel)[keyof typeof ComplaintChannel];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  ONLINE: '网上投诉',
  HOTLINE: '12345 热线',
  LETTER: '来信',
  IN_PERSON: '来访',
};

export const ComplaintType = {
  ATTITUDE: 'ATTITUDE',
  DELAY: 'DELAY',
  OFF_BOOK: 'OFF_BOOK',
  ILLEGAL_FEE: 'ILLEGAL_FEE',
  REPEATED_TRIPS: 'REPEATED_TRIPS',
  DISCIPLINE: 'DISCIPLINE',
  OTHER: 'OTHER',
} as const;
export type ComplaintType = (typeof ComplaintType)[keyof typeof ComplaintType];
export const COMPLAINT_TYPE_LABELS: Record<ComplaintType, string> = {
  ATTITUDE: '服务态度',
  DELAY: '超时办理、拖延推诿',
  OFF_BOOK: '体外循环、两头受理',
  ILLEGAL_FEE: '乱收费',
  REPEATED_TRIPS: '多次跑、重复要求材料',
  DISCIPLINE: '吃拿卡要、违反工作纪律',
  OTHER: '其他',
};

/** Who handles a type: the center's supervision office, or the discipline office (纪检) for illegal fees. */
export const ComplaintOffice = { SUPERVISION: 'SUPERVISION', DISCIPLINE: 'DISCIPLINE' } as const;
export type ComplaintOffice = (typeof ComplaintOffice)[keyof typeof ComplaintOffice];
export const COMPLAINT_OFFICE_LABELS: Record<ComplaintOffice, string> = {
  SUPERVISION: '中心监察室',
  DISCIPLINE: '纪检监察组',
};
/** The routing a new installation starts with; CENTER_ADMIN changes it (GET/PUT /complaints/routes). */
export const DEFAULT_COMPLAINT_ROUTES: Record<ComplaintType, ComplaintOffice> = {
  ATTITUDE: 'SUPERVISION',
  DELAY: 'SUPERVISION',
  OFF_BOOK: 'SUPERVISION',
  ILLEGAL_FEE: 'DISCIPLINE',
  REPEATED_TRIPS: 'SUPERVISION',
  DISCIPLINE: 'DISCIPLINE',
  OTHER: 'SUPERVISION',
};

/** What a complaint is about. */
export const ComplaintSubject = {
  CASE: 'CASE',
  WINDOW: 'WINDOW',
  STAFF: 'STAFF',
  DEPARTMENT: 'DEPARTMENT',
  FEE: 'FEE',
} as const;
export type ComplaintSubject = (typeof ComplaintSubject)[keyof typeof ComplaintSubject];
export const COMPLAINT_SUBJECT_LABELS: Record<ComplaintSubject, string> = {
  CASE: '办件',
  WINDOW: '窗口',
  STAFF: '工作人员',
  DEPARTMENT: '部门',
  FEE: '收费',
};

export const ComplaintState = {
  SUBMITTED: 'SUBMITTED',
  ACCEPTED: 'ACCEPTED',
  ASSIGNED: 'ASSIGNED',
  ANSWERED: 'ANSWERED',
  CLOSED: 'CLOSED',
} as const;
export type ComplaintState = (typeof ComplaintState)[keyof typeof ComplaintState];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  SUBMITTED: '待受理',
  ACCEPTED: '已受理',
  ASSIGNED: '已交部门办理',
  ANSWERED: '部门已答复',
  CLOSED: '已办结',
};
export type ComplaintAction = 'ACCEPT' | 'ASSIGN' | 'ANSWER' | 'CLOSE' | 'RATE';
export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, string> = {
  ACCEPT: '受理投诉',
  ASSIGN: '交部门办理',
  ANSWER: '部门答复',
  CLOSE: '办结投诉',
  RATE: '投诉人评价答复',
};
/** A step on the complaint's record, as its timeline names it: filing, then each action. */
export type ComplaintStepAction = ComplaintAction | 'FILE';
export const COMPLAINT_STEP_LABELS: Record<ComplaintStepAction, string> = {
  FILE: '提交投诉',
  ACCEPT: '受理',
  ASSIGN: '交部门办理',
  ANSWER: '部门答复',
  CLOSE: '办结',
  RATE: '投诉人评价答复',
};
/** The complaint state machine: who moves it is in the service; what may follow what is here. */
export const COMPLAINT_TRANSITIONS: Record<ComplaintState, Partial<Record<ComplaintAction, ComplaintState>>> = {
  SUBMITTED: { ACCEPT: 'ACCEPTED', CLOSE: 'CLOSED' },
  ACCEPTED: { ASSIGN: 'ASSIGNED', CLOSE: 'CLOSED' },
  ASSIGNED: { ANSWER: 'ANSWERED' },
  ANSWERED: { CLOSE: 'CLOSED', ASSIGN: 'ASSIGNED' },
  CLOSED: { RATE: 'CLOSED' },
};
export const complaintActionAllowed = (state: ComplaintState, action: ComplaintAction) =>
  COMPLAINT_TRANSITIONS[state][action] !== undefined;

export const ComplaintFinding = { SUBSTANTIATED: 'SUBSTANTIATED', UNSUBSTANTIATED: 'UNSUBSTANTIATED' } as const;
export type ComplaintFinding = (typeof ComplaintFinding)[keyof typeof ComplaintFinding];
export const COMPLAINT_FINDING_LABELS: Record<ComplaintFinding, string> = {
  SUBSTANTIATED: '投诉属实',
  UNSUBSTANTIATED: '投诉不属实',
};

export interface FileComplaintRequest {
  type: ComplaintType;
  subject: ComplaintSubject;
  content: string;
  /** The case complained of, by number and query code (anyone holding them); or its id when logged in. */
  caseNo?: string;
  queryCode?: string;
  windowNumber?: string;
  staffName?: string;
  departmentId?: string;
  /** Anonymous: a phone for the answer; a logged-in applicant's own is used when absent. */
  contactName?: string;
  contactPhone?: string;
}
/** Staff register what came by 12345, letter or in person. */
export interface RegisterComplaintRequest extends FileComplaintRequest {
  channel: ComplaintChannel;
  /** The hotline's own work-order number (12345 工单号). */
  externalRef?: string;
}
export interface FiledComplaintDto {
  id: string;
  number: string;
  /** Shown once: with the number it opens the complaint's public page. */
  queryCode: string;
  dueAt: string;
  office: ComplaintOffice;
  officeLabel: string;
}

export interface ComplaintStepDto {
  action: ComplaintStepAction;
  actionLabel: string;
  actorName: string;
  at: string;
  note: string | null;
}

export interface ComplaintDto {
  id: string;
  number: string;
  channel: ComplaintChannel;
  channelLabel: string;
  externalRef: string | null;
  type: ComplaintType;
  typeLabel: string;
  subject: ComplaintSubject;
  subjectLabel: string;
  office: ComplaintOffice;
  officeLabel: string;
  content: string;
  caseId: string | null;
  caseNo: string | null;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  staffName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** Masked for staff; the complainant's identity is never shown to the department complained of. */
  contactName: string | null;
  contactPhoneMasked: string | null;
  state: ComplaintState;
  stateLabel: string;
  filedAt: string;
  clockId: string;
  dueAt: string;
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  finding: ComplaintFinding | null;
  findingLabel: string | null;
  conclusion: string | null;
  closedAt: string | null;
  cardId: string | null;
  complainantLevel: number | null;
  complainantComment: string | null;
  steps: ComplaintStepDto[];
}
export interface ComplaintQuery {
  state?: ComplaintState;
  office?: ComplaintOffice;
  departmentId?: string;
  page?: number;
  pageSize?: number;
}
/** What the complainant reads with number + query code. */
export interface PublicComplaintDto {
  number: string;
  type: ComplaintType;
  typeLabel: string;
  subject: ComplaintSubject;
  subjectLabel: string;
  content: string;
  state: ComplaintState;
  stateLabel: string;
  filedAt: string;
  dueAt: string;
  answer: string | null;
  finding: ComplaintFinding | null;
  findingLabel: string | null;
  conclusion: string | null;
  closedAt: string | null;
  canRate: boolean;
  complainantLevel: number | null;
  steps: { action: ComplaintStepAction; actionLabel: string; at: string }[];
}
export interface AssignComplaintRequest {
  departmentId: string;
  note?: string;
}
export interface AnswerComplaintRequest {
  answer: string;
}
export interface CloseComplaintRequest {
  finding: ComplaintFinding;
  conclusion: string;
  /** A substantiated complaint may card the person responsible (RED, 投诉属实). */
  cardStaff?: boolean;
}
export interface ComplaintRouteDto {
  type: ComplaintType;
  typeLabel: string;
  office: ComplaintOffice;
  officeLabel: string;
}
export interface UpdateComplaintRoutesRequest {
  routes: { type: ComplaintType; office: ComplaintOffice }[];
}
