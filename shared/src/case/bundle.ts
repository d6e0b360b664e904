import type { BundleState } from '../catalog/life-event.js';
import type {
  CaseApplicantInput,
  CaseChannel,
  CaseDto,
  CaseMaterialStatus,
  CaseNoticeKind,
  ClockStanding,
  DeliveryMethod,
} from './case.js';
import type { CaseState } from './case-state.js';

/**
 * A bundle (一件事一次办): one application for a life event. The applicant fills one form and hands in each document
 * once; submitting receives one case per matter (each its department's, on its own version and clocks) under one
 * bundle number and query code; a comprehensive window accepts them together and delivers them together.
 */
export interface BundleItemDto {
  index: number;
  key: string | null;
  name: string;
  required: boolean;
  deferrable: boolean;
  status: CaseMaterialStatus;
  fileName: string | null;
  /** The matters' materials this one document stands for. */
  parts: { caseId: string; matterName: string; materialIndex: number }[];
}

export interface BundlePartDto {
  caseId: string;
  matterCode: string;
  matterName: string;
  departmentId: string;
  departmentName: string;
  receiptNo: string | null;
  caseNo: string | null;
  state: CaseState;
  dueAt: string | null;
  /** Which deadline `dueAt` is (受理期限, 办理期限, 送达期限), paused or not. */
  dueLabel: string | null;
  standing: ClockStanding;
  approved: boolean | null;
  certificateNo: string | null;
  deliveredAt: string | null;
}

export interface BundleDto {
  id: string;
  bundleNo: string | null;
  queryCode: string | null;
  lifeEventCode: string;
  name: string;
  state: BundleState;
  channel: CaseChannel;
  applicant: CaseDto['applicant'];
  projectCode: string | null;
  receivedAt: string | null;
  items: BundleItemDto[];
  parts: BundlePartDto[];
  /** Every notice of every part, newest last. */
  notices: { caseId: string; matterName: string; id: string; kind: CaseNoticeKind; title: string; createdAt: string }[];
  /** What the caller may do with it as a whole now. */
  canAccept: boolean;
  canDeliver: boolean;
  version: number;
}

export interface BundleSummaryDto {
  id: string;
  bundleNo: string | null;
  name: string;
  applicantName: string;
  state: BundleState;
  receivedAt: string | null;
  parts: number;
  /** Parts decided or closed. */
  done: number;
}

export const BundleQueue = { TO_ACCEPT: 'TO_ACCEPT', IN_PROGRESS: 'IN_PROGRESS', TO_DELIVER: 'TO_DELIVER' } as const;
export type BundleQueue = (typeof BundleQueue)[keyof typeof BundleQueue];
export const BUNDLE_QUEUE_LABELS: Record<BundleQueue, string> = {
  TO_ACCEPT: '待综合受理',
  IN_PROGRESS: '办理中',
  TO_DELIVER: '待统一送达',
};

export interface StartBundleRequest {
  lifeEventCode: string;
}

export interface SaveBundleDraftRequest {
  applicant: CaseApplicantInput;
  /** By item of the combined form: only DEFERRED (容缺) is said here; an upload provides an item. */
  materials: { index: number; status: CaseMaterialStatus }[];
}

export interface AcceptBundleRequest {
  opinion?: string;
  /** 容缺: the day the applicant promises the deferred documents by (for every part that has some). */
  deferredPromiseDate?: string;
}

export interface DeliverBundleRequest {
  method: DeliveryMethod;
  carrier?: string;
  trackingNo?: string;
  /** 证照编号 of each approved part. */
  certificates?: { caseId: string; certificateNo: string }[];
}

/** The bundle number with its query code, without login: names masked, no personal data. */
export interface PublicBundleProgressDto {
  bundleNo: string;
  name: string;
  applicantName: string;
  state: BundleState;
  stateLabel: string;
  receivedAt: string | null;
  parts: {
    matterName: string;
    departmentName: string;
    number: string | null;
    state: CaseState;
    stateLabel: string;
    dueDate: string | null;
    dueLabel: string | null;
  }[];
}

/** 一件事编号: YJ, the day, a five-digit sequence. */
export const BUNDLE_NO_PATTERN = /^YJ\d{13}$/;
