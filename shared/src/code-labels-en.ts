import { LIMIT_UNIT_LABELS } from './calendar/day-kind.js';
import {
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  COMPLETION_CODE_LABELS,
  STEP_RESULT_LABELS,
} from './case/case-state.js';
import {
  CASE_CHANNEL_LABELS,
  CASE_MATERIAL_STATUS_LABELS,
  CASE_QUEUE_LABELS,
  DELIVERY_METHOD_LABELS,
} from './case/case.js';
import { SUBTASK_STATE_LABELS } from './case/subtask.js';
import { AUDIENCE_LABELS, HANDLING_KIND_LABELS, MATERIAL_FORM_LABELS, MATTER_TYPE_LABELS } from './catalog/matter.js';
import { CLOCK_STATE_LABELS, CLOCK_SUBJECT_LABELS, PAUSE_REASON_LABELS } from './dto/clock.js';
import { COMPLAINT_STATE_LABELS } from './evaluation/complaint.js';
import { RATING_LEVEL_LABELS, RATING_PROBLEMS } from './evaluation/evaluation.js';
import { WINDOW_KIND_LABELS } from './dto/organization.js';
import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATE_LABELS,
  NOTICE_STATE_LABELS,
  PAYMENT_CHANNEL_LABELS,
  RECEIPT_STATE_LABELS,
} from './fees/collection.js';
import { BUNDLE_STATE_LABELS } from './catalog/life-event.js';
import { ROLE_LABELS } from './roles.js';
import {
  CARD_ACTION_LABELS,
  CARD_DECISION_LABELS,
  CARD_LEVEL_LABELS,
  CARD_REASON_LABELS,
  CARD_STATE_LABELS,
} from './supervision/card.js';

/**
 * English beside each Chinese code-set table the SPAs show. The Chinese tables stay the record's
 * language (notices, workbooks, the exchange); the SPAs switch these tables with the locale
 * (web-kit `localizeCodeLabels`). Each English table has exactly the keys of its Chinese one.
 */
type Pair = readonly [zh: Record<string, string>, en: Record<string, string>];
const pair = <K extends string | number>(zh: Record<K, string>, en: Record<K, string>): Pair =>
  [zh, en] as unknown as Pair;

export const CODE_LABELS_EN: readonly Pair[] = [
  pair(CARD_LEVEL_LABELS, { YELLOW: 'Yellow card', RED: 'Red card' }),
  pair(CARD_STATE_LABELS, {
    ISSUED: 'Issued',
    APPEALED: 'Under appeal',
    REVOKED: 'Revoked',
    UPHELD: 'Appeal dismissed',
    ESCALATED: 'Escalated',
  }),
  pair(CARD_DECISION_LABELS, { REVOKE: 'Revoke', UPHOLD: 'Dismiss appeal', ESCALATE: 'Escalate' }),
  pair(CARD_ACTION_LABELS, { APPEAL: 'Appeal', REVOKE: 'Revoke', UPHOLD: 'Dismiss appeal', ESCALATE: 'Escalate' }),
  pair(CARD_REASON_LABELS, {
    TIME_WARNING: 'Deadline near (warning)',
    ACCEPTANCE_OVERDUE: 'No acceptance decision within 5 working days (deemed accepted)',
    CASE_OVERDUE: 'Promised time limit exceeded',
    DELIVERY_OVERDUE: 'Delivery time limit exceeded',
    URGE_UNANSWERED: 'Urge not answered in time',
    OVERDUE: 'Time limit exceeded',
    PROMISE_MISSED: 'Deferred material not supplied as promised',
    OFF_BOOK: 'Work outside the system (act dated before the record)',
    ILLEGAL_FEE: 'Unlawful fee (above standard, off the catalog or without basis)',
    RECON_UNRESOLVED: 'Reconciliation difference left unresolved',
    COMPLAINT_OVERDUE: 'Complaint not answered in time',
    RECTIFICATION_OVERDUE: 'Return visit or rectification of a bad rating overdue',
    COMPLAINT_SUBSTANTIATED: 'Complaint substantiated',
  }),
  pair(HANDLING_KIND_LABELS, {
    IMMEDIATE: 'On the spot',
    PROMISED: 'Promised',
    JOINT: 'Joint',
    REPORT_UP: 'Reported up',
  }),
  pair(MATERIAL_FORM_LABELS, { ORIGINAL: 'Original', COPY: 'Copy', ORIGINAL_AND_COPY: 'Original and copy' }),
  pair(MATTER_TYPE_LABELS, {
    ADMINISTRATIVE_LICENSE: 'Administrative licence',
    ADMINISTRATIVE_CONFIRMATION: 'Administrative confirmation',
    ADMINISTRATIVE_PAYMENT: 'Administrative payment',
    OTHER_POWER: 'Other administrative power',
    PUBLIC_SERVICE: 'Public service',
  }),
  pair(AUDIENCE_LABELS, {
    CITIZEN: 'Individuals',
    LEGAL_PERSON: 'Organisations',
    BOTH: 'Individuals and organisations',
  }),
  pair(CLOCK_STATE_LABELS, { RUNNING: 'Running', PAUSED: 'Paused', STOPPED: 'Stopped' }),
  pair(COMPLETION_CODE_LABELS, {
    '0': 'Certificate issued',
    '1': 'Returned',
    '2': 'Voided',
    '3': 'Deleted',
    '4': 'Forwarded',
    '5': 'Supplements never came',
    '6': 'Concluded',
  }),
  pair(SUBTASK_STATE_LABELS, {
    OPEN: 'Under co-review',
    APPROVED: 'Agreed',
    REJECTED: 'Disagreed',
    RETURNED: 'Returned to the lead',
    DEEMED_APPROVED: 'Agreed by silence on timeout',
    CANCELLED: 'Cancelled',
  }),
  pair(CASE_QUEUE_LABELS, {
    TO_ACCEPT: 'To accept',
    SUPPLEMENT: 'Awaiting supplement',
    TO_REVIEW: 'To review',
    TO_DECIDE: 'To decide',
    TO_DELIVER: 'To deliver',
    SUSPENDED: 'Special procedure',
    FORWARDED: 'Forwarded',
  }),
  pair(NOTICE_STATE_LABELS, { ISSUED: 'Awaiting payment', PAID: 'Paid', WAIVED: 'Waived', CANCELLED: 'Cancelled' }),
  pair(PAYMENT_CHANNEL_LABELS, { ONLINE: 'Paid online', COUNTER: 'Bank counter' }),
  pair(ADJUSTMENT_KIND_LABELS, { WAIVER: 'waiver', REFUND: 'refund' }),
  pair(ADJUSTMENT_STATE_LABELS, { REQUESTED: 'Awaiting approval', APPROVED: 'Approved', REJECTED: 'Not approved' }),
  pair(RECEIPT_STATE_LABELS, { ISSUED: 'Issued', VOIDED: 'Voided', SPOILED: 'Spoiled blank' }),
  pair(BUNDLE_STATE_LABELS, {
    DRAFT: 'Draft',
    RECEIVED: 'Received, awaiting acceptance',
    IN_PROGRESS: 'In progress',
    TO_DELIVER: 'All decided, awaiting delivery',
    CLOSED: 'Concluded',
  }),
  pair(RATING_PROBLEMS, {
    ATTITUDE: 'Poor attitude',
    SLOW: 'Slow, long waits',
    REPEATED_TRIPS: 'Several trips, materials asked for again',
    UNCLEAR_GUIDE: 'Unclear guide, not told everything at once',
    UNFAIR: 'Irregular or unfair handling',
    FEES: 'Unlawful fees',
    SYSTEM: 'System hard to use or failing',
    OTHER: 'Other',
  }),
  pair(WINDOW_KIND_LABELS, { DEPARTMENT: 'Department window', COMPREHENSIVE: 'Comprehensive window' }),
  pair(ROLE_LABELS, {
    CLERK: 'Window clerk',
    APPROVER: 'Approver',
    DEPT_LEAD: 'Department lead',
    CENTER_ADMIN: 'Center administrator',
    SUPERVISOR: 'Supervisor',
    CASHIER: 'Cashier',
    FINANCE: 'Finance',
    APPLICANT: 'Applicant',
  }),
  pair(CASE_STATE_LABELS, {
    DRAFT: 'Draft',
    SUBMITTED: 'Awaiting acceptance',
    SUPPLEMENT_REQUIRED: 'Awaiting supplement',
    IN_REVIEW: 'In review',
    SUSPENDED: 'Special procedure',
    FORWARDED: 'Forwarded to a higher authority',
    APPROVED: 'Granted, awaiting delivery',
    DENIED: 'Refused, awaiting delivery',
    COMPLETED: 'Completed',
    REJECTED: 'Not accepted',
    WITHDRAWN: 'Withdrawn',
  }),
  pair(CASE_ACTION_LABELS, {
    SAVE_DRAFT: 'Save draft',
    SUBMIT: 'Submit',
    ACCEPT: 'Accept',
    DEEM_ACCEPTED: 'Deemed accepted',
    REJECT: 'Not accepted',
    REQUEST_SUPPLEMENT: 'One-time supplement notice',
    SUPPLY: 'Supplement supplied',
    CLOSE_UNSUPPLIED: 'Closed, supplement not supplied',
    REVIEW: 'Review',
    SUSPEND: 'Special procedure',
    RESUME: 'Clock resumed',
    EXTEND: 'Time limit extended',
    SUPPLY_DEFERRED: 'Deferred material supplied',
    DECIDE: 'Decision',
    FORWARD: 'Forwarded to a higher authority',
    FORWARD_ANSWER: 'Higher authority decided',
    DELIVER: 'Delivered',
    WITHDRAW: 'Withdrawn',
  }),
  pair(STEP_RESULT_LABELS, {
    '0': 'Disagree',
    '1': 'Agree',
    '2': 'Not accepted',
    '3': 'Refused acceptance',
    '4': 'Accepted',
    '5': 'Supplement',
    '6': 'Special procedure (paused)',
    '7': 'Returned',
  }),
  pair(CASE_CHANNEL_LABELS, { ONLINE: 'Online', WINDOW: 'At the window' }),
  pair(CASE_MATERIAL_STATUS_LABELS, {
    PROVIDED: 'Provided',
    ORIGINAL_SEEN: 'Original checked',
    COPY_KEPT: 'Copy kept',
    MISSING: 'Missing',
    DEFERRED: 'To follow',
  }),
  pair(DELIVERY_METHOD_LABELS, { PICKUP: 'Collect at the window', MAIL: 'By post', ELECTRONIC: 'Electronic' }),
  pair(LIMIT_UNIT_LABELS, {
    WORKING_DAY: 'working days',
    NATURAL_DAY: 'calendar days',
    HOUR: 'hours',
    MONTH: 'months',
  }),
  pair(CLOCK_SUBJECT_LABELS, {
    ACCEPTANCE: 'Acceptance limit',
    CASE: 'Handling limit',
    SUBTASK: 'Parallel sub-task limit',
    DELIVERY: 'Delivery limit',
    COMPLAINT: 'Complaint limit',
    RECTIFICATION: 'Rectification limit',
    URGE: 'Urge limit',
  }),
  pair(PAUSE_REASON_LABELS, {
    SUPPLEMENT: 'Supplement',
    HEARING: 'Hearing',
    TENDER: 'Tender',
    AUCTION: 'Auction',
    INSPECTION: 'Inspection',
    TESTING: 'Testing',
    QUARANTINE: 'Quarantine',
    APPRAISAL: 'Appraisal',
    EXPERT_REVIEW: 'Expert review',
    JOINT_INSPECTION: 'Joint site inspection',
    OTHER: 'Other',
  }),
  pair(RATING_LEVEL_LABELS, {
    5: 'Very satisfied',
    4: 'Satisfied',
    3: 'Fairly satisfied',
    2: 'Dissatisfied',
    1: 'Very dissatisfied',
  }),
  pair(COMPLAINT_STATE_LABELS, {
    SUBMITTED: 'Awaiting acceptance',
    ACCEPTED: 'Accepted',
    ASSIGNED: 'With the department',
    ANSWERED: 'Answered by the department',
    CLOSED: 'Closed',
  }),
];
