import { ErrorCode } from '../errors.js';
import type { CaseState } from '../case/case-state.js';
import type {
  AdjustmentState,
  AssessFeesRequest,
  CancelNoticeRequest,
  CaseFeesDto,
  DecideAdjustmentRequest,
  DifferenceKind,
  FeeAdjustmentDto,
  FeeTotalsDto,
  FeeTotalsGroup,
  PaymentNoticeDto,
  ReceiptBookDto,
  ReceiptBookUsageDto,
  ReceiptCheckDto,
  ReceiptDto,
  ReconciliationDto,
  ReconciliationItemDto,
  RegisterReceiptBookRequest,
  RequestAdjustmentRequest,
  ResolveDifferenceRequest,
  VoidReceiptRequest,
} from '../fees/collection.js';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult } from '../dto/audit.js';
import type {
  AppealRatingRequest,
  AppealState,
  CaseRatingStateDto,
  DecideAppealRequest,
  IssuedRatingTerminalDto,
  OnsiteRatingRequest,
  PublicCaseRatingRequest,
  RateByCodeRequest,
  RatingDto,
  RatingExchangeDto,
  RatingQuery,
  RatingTerminalDto,
  RecordRectificationRequest,
  RecordVisitRequest,
  RectificationDto,
  RectificationState,
  ServiceEventPromptDto,
  SubmitRatingRequest,
  TerminalStatusDto,
} from '../evaluation/evaluation.js';
import { TERMINAL_TOKEN_HEADER } from '../evaluation/evaluation.js';
import type {
  AnswerComplaintRequest,
  AssignComplaintRequest,
  CloseComplaintRequest,
  ComplaintDto,
  ComplaintQuery,
  ComplaintRouteDto,
  FileComplaintRequest,
  FiledComplaintDto,
  PublicComplaintDto,
  RegisterComplaintRequest,
  UpdateComplaintRoutesRequest,
} from '../evaluation/complaint.js';
import type {
  AssessmentDto,
  AssessmentQuery,
  AssessmentRowDto,
  AssessmentSchemeBody,
  AssessmentSchemeDto,
  AwardDto,
  AwardKind,
  AwardProposalDto,
  ConfirmAwardRequest,
  DecideSchemeRequest,
  SatisfactionTrendDto,
} from '../evaluation/assessment.js';
import type {
  ApplicantDto,
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  Principal,
  RegisterApplicantRequest,
  SessionTokens,
} from '../dto/auth.js';
import type { Page } from '../dto/common.js';
import type {
  CreateDepartmentRequest,
  CreateServiceWindowRequest,
  CreateStaffRequest,
  DepartmentDto,
  ResetPasswordRequest,
  ServiceWindowDto,
  StaffDto,
  StaffQuery,
  UpdateDepartmentRequest,
  UpdateServiceWindowRequest,
  UpdateStaffRequest,
  CenterProfileDto,
} from '../dto/organization.js';
import type {
  AdvanceClockRequest,
  HealthDto,
  PlatformClockDto,
  ReadinessDto,
  SetClockRequest,
} from '../dto/platform.js';
import type {
  CalendarChangeDto,
  CalendarYearDto,
  DeadlineDto,
  DeadlineQuery,
  EditCalendarDayRequest,
  ImportCalendarYearRequest,
} from '../dto/calendar.js';
import type {
  ClockDto,
  ClockExplanationDto,
  DeadlinePolicyDto,
  ExtendClockRequest,
  PauseClockRequest,
  StartClockRequest,
  ProposeDeadlinePolicyRequest,
  DecideDeadlinePolicyRequest,
} from '../dto/clock.js';
import type {
  CatalogFile,
  ImportReportDto,
  MatterContent,
  MatterQuery,
  MatterSummaryDto,
  MatterVersionDto,
  PublicDepartmentMattersDto,
  PublicMatterHitDto,
  PublicVersionSummaryDto,
  PublishCheckDto,
} from '../catalog/matter.js';
import type { CreateFeeItemRequest, FeeItemDto, UpdateFeeItemRequest } from '../dto/fees.js';
import type { StoredFileDto } from '../dto/files.js';
import type {
  AnswerSubtaskRequest,
  ArrangeInspectionRequest,
  RecordFindingsRequest,
  DeemedSubtaskDto,
  SubtaskCountsDto,
  SubtaskOpinionRequest,
  SubtaskOverrideDto,
  SubtaskState,
  SubtaskSummaryDto,
} from '../case/subtask.js';
import type { KeyProjectDto, MarkKeyProjectRequest, RevokeKeyProjectRequest } from '../case/key-project.js';
import type {
  AcceptBundleRequest,
  BundleDto,
  BundleQueue,
  BundleSummaryDto,
  DeliverBundleRequest,
  PublicBundleProgressDto,
  SaveBundleDraftRequest,
} from '../case/bundle.js';
import type { LifeEventDto, PublicLifeEventDto, SaveLifeEventRequest } from '../catalog/life-event.js';
import type { FieldErrors } from '../errors.js';
import type {
  ApiClientDto,
  ApiClientSecretDto,
  CreateApiClientRequest,
  RotateApiClientSecretRequest,
} from '../integration/api-client.js';
import type {
  UpdateWebhookRequest,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDeliveryStatus,
  WebhookEndpointDto,
} from '../integration/webhooks.js';
import type {
  AcceptCaseRequest,
  CaseDto,
  CaseQueue,
  CaseQueueCountsDto,
  CaseSummaryDto,
  DecideCaseRequest,
  ForwardAnswerRequest,
  ForwardCaseRequest,
  DeliverCaseRequest,
  PublicProgressDto,
  RejectCaseRequest,
  RequestExtensionRequest,
  ReviewCaseRequest,
  SaveCaseDraftRequest,
  StartOnlineCaseRequest,
  SupplementCaseRequest,
  SupplyCaseRequest,
  SuspendCaseRequest,
  WalkInCaseRequest,
  WithdrawCaseRequest,
} from '../case/case.js';
import type {
  AppealCardRequest,
  BoardDto,
  CardCaseViewDto,
  CardDto,
  CardQuery,
  CreateUrgeRequest,
  DecideCardRequest,
  ReplyUrgeRequest,
  SupervisionEvent,
  SweepRunDto,
  UrgeDto,
} from '../supervision/card.js';
import type { ExchangeExportDto, ExchangeQuery, PerformanceDto, PerformanceQuery } from '../supervision/performance.js';
import { ApiError } from './api-error.js';

export interface StoredSession extends SessionTokens {
  principal: Principal;
}

/** Where a client keeps its session (localStorage in the SPAs, memory in tests). */
export interface SessionStore {
  get(): StoredSession | null;
  set(session: StoredSession | null): void;
}

export class MemorySessionStore implements SessionStore {
  private session: StoredSession | null = null;
  get() {
    return this.session;
  }
  set(session: StoredSession | null) {
    this.session = session;
  }
}

export interface ApiClientOptions {
  /** e.g. `/api` in the SPAs, `http://127.0.0.1:3000/api` elsewhere. */
  baseUrl: string;
  store?: SessionStore;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send without the access token (login, register, public reads). */
  anonymous?: boolean;
  /** Send these bytes as the body (a file upload) instead of JSON. */
  upload?: FileUpload;
  /** Answer with the response's bytes (a download) instead of JSON. */
  binary?: boolean;
  /** Headers of the route's own (a rating terminal's token). */
  headers?: Record<string, string>;
}

/** A file to send as a request body: its bytes, its type, and its name (sent percent-encoded in X-File-Name). */
export interface FileUpload {
  bytes: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>;
  mediaType: string;
  fileName?: string;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A downloaded file: its bytes, type and the name the server gave it. */
export interface DownloadedFile {
  bytes: ArrayBuffer;
  mediaType: string;
  fileName: string;
}

/** In a browser: hands a downloaded file to the user to save under the name the server gave it. */
export function saveDownloadedFile(file: DownloadedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mediaType }));
  const a = Object.assign(doc.createElement('a'), { href: url, download: file.fileName });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition header, preferring the UTF-8 (RFC 5987) form. */
export function dispositionFileName(header: string | null): string {
  if (!header) return 'download';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? 'download';
}

/** The one typed way to call the OneWindow API, shared by the SPAs, tests and scripts. */
export class ApiClient {
  readonly store: SessionStore;
  private readonly fetchImpl: typeof fetch;
  private refreshing: Promise<boolean> | null = null;
  private readonly expiredListeners = new Set<() => void>();

  constructor(private readonly options: ApiClientOptions) {
    this.store = options.store ?? new MemorySessionStore();
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  /** Called once each time the session ends because it can no longer be refreshed. Returns an unsubscribe. */
  onSessionExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  get principal(): Principal | null {
    return this.store.get()?.principal ?? null;
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const first = await this.send(method, path, opts);
    if (first.status === 401 && !opts.anonymous && this.store.get()) {
      const body = await readJson(first);
      const code = (body as { code?: string } | null)?.code;
      if (code === ErrorCode.AUTH_TOKEN_EXPIRED && (await this.refreshOnce())) {
        return this.parse<T>(await this.send(method, path, opts), opts.binary);
      }
      this.expire();
      throw ApiError.fromBody(401, body);
    }
    return this.parse<T>(first, opts.binary);
  }

  private async send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: opts.binary ? '*/*' : 'application/json', ...opts.headers };
    if (opts.upload) {
      headers['content-type'] = opts.upload.mediaType;
      if (opts.upload.fileName) headers['x-file-name'] = encodeURIComponent(opts.upload.fileName);
    } else if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const token = this.store.get()?.accessToken;
    if (token && !opts.anonymous) headers.authorization = `Bearer ${token}`;
    try {
      return await this.fetchImpl(this.url(path, opts.query), {
        method,
        headers,
        body: opts.upload ? opts.upload.bytes : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
    } catch (e) {
      throw ApiError.network(e);
    }
  }

  private async parse<T>(res: Response, binary = false): Promise<T> {
    if (binary && res.ok) {
      const file: DownloadedFile = {
        bytes: await res.arrayBuffer(),
        mediaType: res.headers.get('content-type') ?? 'application/octet-stream',
        fileName: dispositionFileName(res.headers.get('content-disposition')),
      };
      return file as T;
    }
    const body = await readJson(res);
    if (!res.ok) throw ApiError.fromBody(res.status, body);
    return body as T;
  }

  private url(path: string, query?: Query): string {
    let url = this.options.baseUrl.replace(/\/$/, '') + path;
    if (query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query))
        if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
      const s = params.toString();
      if (s) url += `?${s}`;
    }
    return url;
  }

  /** Concurrent 401s share one refresh call. */
  private refreshOnce(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const session = this.store.get();
    if (!session) return false;
    try {
      const res = await this.request<LoginResponse>('POST', '/auth/refresh', {
        anonymous: true,
        body: { refreshToken: session.refreshToken },
      });
      this.store.set(res);
      return true;
    } catch {
      return false;
    }
  }

  private expire() {
    if (!this.store.get()) return;
    this.store.set(null);
    for (const listener of this.expiredListeners) listener();
  }

  readonly auth = {
    login: async (body: LoginRequest): Promise<Principal> => {
      const res = await this.request<LoginResponse>('POST', '/auth/login', { body, anonymous: true });
      this.store.set(res);
      return res.principal;
    },
    logout: async (): Promise<void> => {
      const session = this.store.get();
      if (!session) return;
      try {
        await this.request<void>('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } });
      } finally {
        this.store.set(null);
      }
    },
    me: () => this.request<Principal>('GET', '/auth/me'),
    changePassword: (body: ChangePasswordRequest) => this.request<void>('POST', '/auth/password', { body }),
    registerApplicant: (body: RegisterApplicantRequest) =>
      this.request<ApplicantDto>('POST', '/applicants', { body, anonymous: true }),
    myApplicantProfile: () => this.request<ApplicantDto>('GET', '/applicants/me'),
  };

  readonly org = {
    /** The center's name, hall, hours and phones. */
    center: () => this.request<CenterProfileDto>('GET', '/public/center', { anonymous: true }),
    listDepartments: () => this.request<DepartmentDto[]>('GET', '/org/departments', { anonymous: true }),
    createDepartment: (body: CreateDepartmentRequest) =>
      this.request<DepartmentDto>('POST', '/org/departments', { body }),
    updateDepartment: (id: string, body: UpdateDepartmentRequest) =>
      this.request<DepartmentDto>('PATCH', `/org/departments/${id}`, { body }),
    listWindows: (query: { departmentId?: string } = {}) =>
      this.request<ServiceWindowDto[]>('GET', '/org/windows', { query }),
    createWindow: (body: CreateServiceWindowRequest) =>
      this.request<ServiceWindowDto>('POST', '/org/windows', { body }),
    updateWindow: (id: string, body: UpdateServiceWindowRequest) =>
      this.request<ServiceWindowDto>('PATCH', `/org/windows/${id}`, { body }),
    listStaff: (query: StaffQuery = {}) => this.request<Page<StaffDto>>('GET', '/org/staff', { query: { ...query } }),
    getStaff: (id: string) => this.request<StaffDto>('GET', `/org/staff/${id}`),
    createStaff: (body: CreateStaffRequest) => this.request<StaffDto>('POST', '/org/staff', { body }),
    updateStaff: (id: string, body: UpdateStaffRequest) =>
      this.request<StaffDto>('PATCH', `/org/staff/${id}`, { body }),
    setStaffAway: (id: string, away: boolean) =>
      this.request<StaffDto>('PUT', `/org/staff/${id}/away`, { body: { away } }),
    resetStaffPassword: (id: string, body: ResetPasswordRequest) =>
      this.request<void>('POST', `/org/staff/${id}/password`, { body }),
  };

  readonly audit = {
    list: (query: AuditQuery = {}) => this.request<Page<AuditEntryDto>>('GET', '/audit', { query: { ...query } }),
    verify: () => this.request<AuditVerifyResult>('GET', '/audit/verify'),
  };

  readonly calendar = {
    year: (year: number) => this.request<CalendarYearDto>('GET', `/calendar/years/${year}`, { anonymous: true }),
    deadline: (query: DeadlineQuery) =>
      this.request<DeadlineDto>('GET', '/calendar/deadline', { query: { ...query }, anonymous: true }),
    editDay: (date: string, body: EditCalendarDayRequest) =>
      this.request<CalendarChangeDto>('PUT', `/calendar/days/${date}`, { body }),
    importYear: (year: number, body: ImportCalendarYearRequest) =>
      this.request<CalendarChangeDto>('PUT', `/calendar/years/${year}`, { body }),
    policies: () => this.request<DeadlinePolicyDto[]>('GET', '/deadline-policy'),
    proposePolicy: (body: ProposeDeadlinePolicyRequest) =>
      this.request<DeadlinePolicyDto>('POST', '/deadline-policy', { body }),
    decidePolicy: (version: number, body: DecideDeadlinePolicyRequest) =>
      this.request<DeadlinePolicyDto>('POST', `/deadline-policy/${version}/decision`, { body }),
  };

  readonly clocks = {
    start: (body: StartClockRequest) => this.request<ClockDto>('POST', '/clocks', { body }),
    get: (id: string) => this.request<ClockDto>('GET', `/clocks/${id}`),
    explain: (id: string) => this.request<ClockExplanationDto>('GET', `/clocks/${id}/explanation`),
    pause: (id: string, body: PauseClockRequest) => this.request<ClockDto>('POST', `/clocks/${id}/pause`, { body }),
    resume: (id: string) => this.request<ClockDto>('POST', `/clocks/${id}/resume`),
    extend: (id: string, body: ExtendClockRequest) =>
      this.request<ClockDto>('POST', `/clocks/${id}/extensions`, { body }),
    restart: (id: string) => this.request<ClockDto>('POST', `/clocks/${id}/restart`),
  };

  readonly fees = {
    items: () => this.request<FeeItemDto[]>('GET', '/fees/items', { anonymous: true }),
    createItem: (body: CreateFeeItemRequest) => this.request<FeeItemDto>('POST', '/fees/items', { body }),
    updateItem: (code: string, body: UpdateFeeItemRequest) =>
      this.request<FeeItemDto>('PATCH', `/fees/items/${code}`, { body }),
    ofCase: (caseId: string) => this.request<CaseFeesDto>('GET', `/cases/${caseId}/fees`),
    assess: (caseId: string, body: AssessFeesRequest) =>
      this.request<PaymentNoticeDto>('POST', `/cases/${caseId}/fees/assessment`, { body }),
    notices: (query: { paymentCode?: string; caseNo?: string; page?: number; pageSize?: number } = {}) =>
      this.request<Page<PaymentNoticeDto>>('GET', '/fees/notices', { query: { ...query } }),
    noticePdf: (id: string) => this.request<DownloadedFile>('GET', `/fees/notices/${id}/pdf`, { binary: true }),
    cancelNotice: (id: string, body: CancelNoticeRequest) =>
      this.request<PaymentNoticeDto>('POST', `/fees/notices/${id}/cancel`, { body }),
    requestAdjustment: (noticeId: string, body: RequestAdjustmentRequest) =>
      this.request<FeeAdjustmentDto>('POST', `/fees/notices/${noticeId}/adjustments`, { body }),
    adjustments: (query: { state?: AdjustmentState; page?: number; pageSize?: number } = {}) =>
      this.request<Page<FeeAdjustmentDto>>('GET', '/fees/adjustments', { query: { ...query } }),
    decideAdjustment: (id: string, body: DecideAdjustmentRequest) =>
      this.request<FeeAdjustmentDto>('POST', `/fees/adjustments/${id}/decision`, { body }),
    payments: (query: { date: string; page?: number; pageSize?: number }) =>
      this.request<Page<PaymentNoticeDto>>('GET', '/fees/payments', { query: { ...query } }),
    receiptPdf: (id: string) => this.request<DownloadedFile>('GET', `/fees/receipts/${id}/pdf`, { binary: true }),
    voidReceipt: (id: string, body: VoidReceiptRequest) =>
      this.request<{ voided: ReceiptDto; reissued: ReceiptDto }>('POST', `/fees/receipts/${id}/void`, { body }),
    books: () => this.request<ReceiptBookDto[]>('GET', '/fees/receipt-books'),
    registerBook: (body: RegisterReceiptBookRequest) =>
      this.request<ReceiptBookDto>('POST', '/fees/receipt-books', { body }),
    bookUsage: (id: string) => this.request<ReceiptBookUsageDto>('GET', `/fees/receipt-books/${id}`),
    spoil: (body: VoidReceiptRequest) => this.request<ReceiptDto>('POST', '/fees/receipt-books/spoil', { body }),
    checkReceipt: (no: string, code: string) =>
      this.request<ReceiptCheckDto>('GET', '/public/receipts/verify', { query: { no, code }, anonymous: true }),
    importStatement: (
      date: string,
      file: { bytes: FileUpload['bytes']; mediaType: string; fileName?: string },
      columns: { txnColumn?: string; amountColumn?: string; paidAtColumn?: string; codeColumn?: string } = {},
    ) =>
      this.request<ReconciliationDto>('POST', '/fees/reconciliations', { upload: file, query: { date, ...columns } }),
    reconciliations: (query: { page?: number; pageSize?: number } = {}) =>
      this.request<Page<ReconciliationDto>>('GET', '/fees/reconciliations', { query: { ...query } }),
    reconciliation: (id: string) => this.request<ReconciliationDto>('GET', `/fees/reconciliations/${id}`),
    differences: (
      id: string,
      query: { kind?: DifferenceKind; open?: boolean; page?: number; pageSize?: number } = {},
    ) => this.request<Page<ReconciliationItemDto>>('GET', `/fees/reconciliations/${id}/items`, { query: { ...query } }),
    reconciliationWorkbook: (id: string) =>
      this.request<DownloadedFile>('GET', `/fees/reconciliations/${id}/report.xlsx`, { binary: true }),
    resolveDifference: (id: string, body: ResolveDifferenceRequest) =>
      this.request<ReconciliationItemDto>('POST', `/fees/reconciliation-items/${id}/resolve`, { body }),
    totals: (query: { from: string; to: string; by?: FeeTotalsGroup; period?: 'DAY' | 'MONTH' }) =>
      this.request<FeeTotalsDto>('GET', '/fees/totals', { query: { ...query } }),
    totalsWorkbook: (query: { from: string; to: string; by?: FeeTotalsGroup; period?: 'DAY' | 'MONTH' }) =>
      this.request<DownloadedFile>('GET', '/fees/totals.xlsx', { query: { ...query }, binary: true }),
  };

  readonly catalog = {
    list: (query: MatterQuery = {}) =>
      this.request<Page<MatterSummaryDto>>('GET', '/catalog/matters', { query: { ...query } }),
    create: (body: { content: MatterContent; mainItem?: number; subItem?: number }) =>
      this.request<MatterVersionDto>('POST', '/catalog/matters', { body }),
    versions: (matterId: string) => this.request<MatterVersionDto[]>('GET', `/catalog/matters/${matterId}/versions`),
    saveDraft: (versionId: string, content: MatterContent) =>
      this.request<MatterVersionDto>('PUT', `/catalog/versions/${versionId}`, { body: { content } }),
    check: (versionId: string) => this.request<PublishCheckDto>('POST', `/catalog/versions/${versionId}/check`),
    publish: (versionId: string) => this.request<MatterVersionDto>('POST', `/catalog/versions/${versionId}/publish`),
    cloneToDraft: (versionId: string) => this.request<MatterVersionDto>('POST', `/catalog/versions/${versionId}/clone`),
    withdraw: (matterId: string) => this.request<MatterVersionDto>('POST', `/catalog/matters/${matterId}/withdraw`),
    uploadAttachment: (file: FileUpload) =>
      this.request<StoredFileDto>('POST', '/catalog/attachments', { upload: file }),
    exportFile: () => this.request<CatalogFile>('GET', '/catalog/export'),
    importFile: (file: CatalogFile, dryRun: boolean) =>
      this.request<ImportReportDto>('POST', '/catalog/import', { body: file, query: { dryRun } }),
    exportWorkbook: () => this.request<DownloadedFile>('GET', '/catalog/export.xlsx', { binary: true }),
    importWorkbook: (bytes: FileUpload['bytes'], dryRun: boolean) =>
      this.request<ImportReportDto>('POST', '/catalog/import.xlsx', {
        upload: { bytes, mediaType: XLSX_MEDIA_TYPE },
        query: { dryRun },
      }),
  };

  readonly guides = {
    departments: () =>
      this.request<PublicDepartmentMattersDto[]>('GET', '/public/matters/departments', { anonymous: true }),
    search: (
      query: {
        q?: string;
        department?: string;
        audience?: string;
        theme?: string;
        page?: number;
        pageSize?: number;
      } = {},
    ) => this.request<Page<PublicMatterHitDto>>('GET', '/public/matters', { query, anonymous: true }),
    get: (code: string) => this.request<MatterVersionDto>('GET', `/public/matters/${code}`, { anonymous: true }),
    version: (code: string, versionNo: number) =>
      this.request<MatterVersionDto>('GET', `/public/matters/${code}/versions/${versionNo}`, { anonymous: true }),
    versions: (code: string) =>
      this.request<PublicVersionSummaryDto[]>('GET', `/public/matters/${code}/versions`, { anonymous: true }),
    /** 一次性告知单 as a PDF. */
    notificationSheet: (code: string) =>
      this.request<DownloadedFile>('GET', `/public/matters/${code}/notification-sheet.pdf`, {
        anonymous: true,
        binary: true,
      }),
    attachment: (fileId: string) =>
      this.request<DownloadedFile>('GET', `/public/matters/attachments/${fileId}`, { anonymous: true, binary: true }),
    attachmentUrl: (fileId: string) => this.url(`/public/matters/attachments/${fileId}`),
    notificationSheetUrl: (code: string) => this.url(`/public/matters/${code}/notification-sheet.pdf`),
  };

  readonly cases = {
    queue: (
      query: {
        queue?: CaseQueue;
        q?: string;
        state?: CaseState;
        from?: string;
        to?: string;
        page?: number;
        pageSize?: number;
      } = {},
    ) => this.request<Page<CaseSummaryDto>>('GET', '/cases', { query: { ...query } }),
    counts: () => this.request<CaseQueueCountsDto[]>('GET', '/cases/counts'),
    mine: () => this.request<CaseSummaryDto[]>('GET', '/cases/mine'),
    get: (id: string) => this.request<CaseDto>('GET', `/cases/${id}`),
    notice: (id: string, noticeId: string) =>
      this.request<DownloadedFile>('GET', `/cases/${id}/notices/${noticeId}`, { binary: true }),
    materialFile: (id: string, index: number) =>
      this.request<DownloadedFile>('GET', `/cases/${id}/materials/${index}/file`, { binary: true }),
    start: (body: StartOnlineCaseRequest) => this.request<CaseDto>('POST', '/cases', { body }),
    saveDraft: (id: string, body: SaveCaseDraftRequest) => this.request<CaseDto>('PUT', `/cases/${id}/draft`, { body }),
    uploadMaterial: (id: string, index: number, file: FileUpload) =>
      this.request<StoredFileDto>('POST', `/cases/${id}/materials/${index}`, { upload: file }),
    submit: (id: string) => this.request<CaseDto>('POST', `/cases/${id}/submit`),
    walkIn: (body: WalkInCaseRequest) => this.request<CaseDto>('POST', '/cases/walk-in', { body }),
    supply: (id: string, body: SupplyCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/supply`, { body }),
    accept: (id: string, body: AcceptCaseRequest = {}) =>
      this.request<CaseDto>('POST', `/cases/${id}/accept`, { body }),
    reject: (id: string, body: RejectCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/reject`, { body }),
    supplement: (id: string, body: SupplementCaseRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/supplement`, { body }),
    closeUnsupplied: (id: string, body: WithdrawCaseRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/close-unsupplied`, { body }),
    review: (id: string, body: ReviewCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/review`, { body }),
    suspend: (id: string, body: SuspendCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/suspend`, { body }),
    resume: (id: string) => this.request<CaseDto>('POST', `/cases/${id}/resume`),
    arrangeInspection: (id: string, body: ArrangeInspectionRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/joint-inspection`, { body }),
    recordFindings: (inspectionId: string, body: RecordFindingsRequest) =>
      this.request<CaseDto>('POST', `/inspections/${inspectionId}/findings`, { body }),
    requestExtension: (id: string, body: RequestExtensionRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/extension`, { body }),
    decideExtension: (id: string, approve: boolean) =>
      this.request<CaseDto>('POST', `/cases/${id}/extension/decision`, { body: { approve } }),
    decide: (id: string, body: DecideCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/decide`, { body }),
    forward: (id: string, body: ForwardCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/forward`, { body }),
    forwardAnswer: (id: string, body: ForwardAnswerRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/forward-answer`, { body }),
    deliver: (id: string, body: DeliverCaseRequest) => this.request<CaseDto>('POST', `/cases/${id}/deliver`, { body }),
    supplyDeferred: (id: string, body: SupplyCaseRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/deferred-materials`, { body }),
    withdraw: (id: string, body: WithdrawCaseRequest) =>
      this.request<CaseDto>('POST', `/cases/${id}/withdraw`, { body }),
  };

  /** 一件事 in the catalog (CENTER_ADMIN) and on the portal. */
  readonly lifeEvents = {
    list: () => this.request<LifeEventDto[]>('GET', '/catalog/life-events'),
    create: (body: SaveLifeEventRequest) => this.request<LifeEventDto>('POST', '/catalog/life-events', { body }),
    save: (id: string, body: SaveLifeEventRequest) =>
      this.request<LifeEventDto>('PUT', `/catalog/life-events/${id}`, { body }),
    preview: (id: string) =>
      this.request<{ guide: PublicLifeEventDto; fields: FieldErrors }>('GET', `/catalog/life-events/${id}/preview`),
    publish: (id: string) => this.request<LifeEventDto>('POST', `/catalog/life-events/${id}/publish`),
    withdraw: (id: string) => this.request<LifeEventDto>('POST', `/catalog/life-events/${id}/withdraw`),
    published: () => this.request<PublicLifeEventDto[]>('GET', '/public/life-events', { anonymous: true }),
    guide: (code: string) =>
      this.request<PublicLifeEventDto>('GET', `/public/life-events/${code}`, { anonymous: true }),
  };

  /** 一件事一次办: one application for a life event, a case per matter. */
  readonly bundles = {
    queue: (query: { queue?: BundleQueue } = {}) =>
      this.request<BundleSummaryDto[]>('GET', '/bundles', { query: { ...query } }),
    mine: () => this.request<BundleSummaryDto[]>('GET', '/bundles/mine'),
    get: (id: string) => this.request<BundleDto>('GET', `/bundles/${id}`),
    start: (lifeEventCode: string) => this.request<BundleDto>('POST', '/bundles', { body: { lifeEventCode } }),
    saveDraft: (id: string, body: SaveBundleDraftRequest) =>
      this.request<BundleDto>('PUT', `/bundles/${id}/draft`, { body }),
    uploadMaterial: (id: string, index: number, file: FileUpload) =>
      this.request<StoredFileDto>('POST', `/bundles/${id}/materials/${index}`, { upload: file }),
    submit: (id: string) => this.request<BundleDto>('POST', `/bundles/${id}/submit`),
    walkIn: (body: SaveBundleDraftRequest & { lifeEventCode: string }) =>
      this.request<BundleDto>('POST', '/bundles/walk-in', { body }),
    accept: (id: string, body: AcceptBundleRequest = {}) =>
      this.request<BundleDto>('POST', `/bundles/${id}/accept`, { body }),
    deliver: (id: string, body: DeliverBundleRequest) =>
      this.request<BundleDto>('POST', `/bundles/${id}/deliver`, { body }),
    progress: (no: string, code: string) =>
      this.request<PublicBundleProgressDto>('GET', '/public/bundle-progress', {
        query: { no, code },
        anonymous: true,
      }),
  };

  /** 应用接入 (CENTER_ADMIN): the machine clients of departments' systems and the bank. */
  readonly integration = {
    list: () => this.request<ApiClientDto[]>('GET', '/integration/clients'),
    create: (body: CreateApiClientRequest) =>
      this.request<ApiClientSecretDto>('POST', '/integration/clients', { body }),
    rotate: (id: string, body: RotateApiClientSecretRequest) =>
      this.request<ApiClientSecretDto>('POST', `/integration/clients/${id}/rotate`, { body }),
    revoke: (id: string, body: { reason: string }) =>
      this.request<ApiClientDto>('POST', `/integration/clients/${id}/revoke`, { body }),
    /** Every client's webhook subscriptions, their delivery log, and a manual redelivery. */
    webhooks: () => this.request<WebhookEndpointDto[]>('GET', '/integration/webhooks'),
    updateWebhook: (id: string, body: UpdateWebhookRequest) =>
      this.request<WebhookEndpointDto>('PATCH', `/integration/webhooks/${id}`, { body }),
    deliveries: (id: string, query: { status?: WebhookDeliveryStatus; page?: number; pageSize?: number } = {}) =>
      this.request<Page<WebhookDeliveryDto>>('GET', `/integration/webhooks/${id}/deliveries`, { query: { ...query } }),
    delivery: (id: string) => this.request<WebhookDeliveryDetailDto>('GET', `/integration/webhook-deliveries/${id}`),
    redeliver: (id: string) =>
      this.request<WebhookDeliveryDetailDto>('POST', `/integration/webhook-deliveries/${id}/redeliver`),
  };

  /** 重点项目 (绿色通道). */
  readonly keyProjects = {
    list: () => this.request<KeyProjectDto[]>('GET', '/key-projects'),
    mark: (body: MarkKeyProjectRequest) => this.request<KeyProjectDto>('POST', '/key-projects', { body }),
    revoke: (id: string, body: RevokeKeyProjectRequest) =>
      this.request<KeyProjectDto>('POST', `/key-projects/${id}/revoke`, { body }),
  };

  readonly subtasks = {
    queue: (query: { state?: SubtaskState; page?: number; pageSize?: number } = {}) =>
      this.request<Page<SubtaskSummaryDto>>('GET', '/subtasks', { query: { ...query } }),
    counts: () => this.request<SubtaskCountsDto>('GET', '/subtasks/counts'),
    deemed: (query: { page?: number; pageSize?: number } = {}) =>
      this.request<Page<DeemedSubtaskDto>>('GET', '/subtasks/deemed', { query: { ...query } }),
    overrides: (query: { page?: number; pageSize?: number } = {}) =>
      this.request<Page<SubtaskOverrideDto>>('GET', '/subtasks/overrides', { query: { ...query } }),
    conclude: (id: string, body: SubtaskOpinionRequest) =>
      this.request<CaseDto>('POST', `/subtasks/${id}/opinion`, { body }),
    answer: (id: string, body: AnswerSubtaskRequest) =>
      this.request<CaseDto>('POST', `/subtasks/${id}/answer`, { body }),
  };

  readonly progress = {
    get: (no: string, code: string) =>
      this.request<PublicProgressDto>('GET', '/public/progress', { query: { no, code }, anonymous: true }),
    notice: (no: string, code: string, noticeId: string) =>
      this.request<DownloadedFile>('GET', `/public/progress/notices/${noticeId}`, {
        query: { no, code },
        anonymous: true,
        binary: true,
      }),
    noticeUrl: (no: string, code: string, noticeId: string) =>
      this.url(`/public/progress/notices/${noticeId}`, { no, code }),
  };

  readonly supervision = {
    board: () => this.request<BoardDto>('GET', '/supervision/board'),
    cards: (query: CardQuery = {}) => this.request<Page<CardDto>>('GET', '/supervision/cards', { query: { ...query } }),
    card: (id: string) => this.request<CardCaseViewDto>('GET', `/supervision/cards/${id}`),
    appeal: (id: string, body: AppealCardRequest) =>
      this.request<CardDto>('POST', `/supervision/cards/${id}/appeal`, { body }),
    decide: (id: string, body: DecideCardRequest) =>
      this.request<CardDto>('POST', `/supervision/cards/${id}/decision`, { body }),
    sweep: () => this.request<SweepRunDto>('POST', '/supervision/sweeps'),
    runs: () => this.request<SweepRunDto[]>('GET', '/supervision/sweeps'),
    performance: (query: PerformanceQuery = {}) =>
      this.request<PerformanceDto>('GET', '/supervision/performance', { query: { ...query } }),
    performanceWorkbook: (query: PerformanceQuery = {}) =>
      this.request<DownloadedFile>('GET', '/supervision/performance.xlsx', { query: { ...query }, binary: true }),
    exchange: (query: ExchangeQuery) =>
      this.request<ExchangeExportDto>('GET', '/supervision/exchange', { query: { ...query } }),
    urges: (query: { open?: boolean } = {}) =>
      this.request<UrgeDto[]>('GET', '/supervision/urges', { query: { ...query } }),
    urge: (body: CreateUrgeRequest) => this.request<UrgeDto>('POST', '/supervision/urges', { body }),
    reply: (id: string, body: ReplyUrgeRequest) =>
      this.request<UrgeDto>('POST', `/supervision/urges/${id}/reply`, { body }),
    /**
     * The live channel: new cards, urges and sweep runs as they happen (server-sent events, read with
     * fetch so the session's token goes in the header). Returns a function that closes it.
     */
    events: (onEvent: (e: SupervisionEvent) => void, onState?: (connected: boolean) => void): (() => void) => {
      const abort = new AbortController();
      void this.stream(
        '/supervision/events',
        abort.signal,
        (data) => onEvent(JSON.parse(data) as SupervisionEvent),
        onState,
      );
      return () => abort.abort();
    },
  };

  /** Reads a server-sent event stream until aborted, reconnecting after a drop. */
  private async stream(
    path: string,
    signal: AbortSignal,
    onData: (data: string) => void,
    onState?: (connected: boolean) => void,
    ownHeaders?: Record<string, string>,
  ): Promise<void> {
    while (!signal.aborted) {
      try {
        const token = ownHeaders ? undefined : this.store.get()?.accessToken;
        const res = await this.fetchImpl(this.url(path), {
          headers: {
            accept: 'text/event-stream',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...ownHeaders,
          },
          signal,
        });
        // A stream with its own credentials (a rating terminal) ends when they are refused.
        if (res.status === 401 && ownHeaders) {
          onState?.(false);
          return;
        }
        if (res.status === 401 && !(await this.refreshOnce())) {
          this.expire();
          return;
        }
        if (!res.ok || !res.body) throw new Error(`event stream ${res.status}`);
        onState?.(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5).trimStart())
              .join('\n');
            if (data) onData(data);
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      onState?.(false);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  /** A window's rating terminal (评价器): no login; its device token goes in its own header. */
  readonly ratingTerminal = {
    status: (token: string) =>
      this.request<TerminalStatusDto>('GET', '/public/rating-terminal', {
        anonymous: true,
        headers: { [TERMINAL_TOKEN_HEADER]: token },
      }),
    rate: (token: string, body: OnsiteRatingRequest) =>
      this.request<{ id: string }>('POST', '/public/rating-terminal/ratings', {
        body,
        anonymous: true,
        headers: { [TERMINAL_TOKEN_HEADER]: token },
      }),
    /** Each service the window's clerk ends, as it ends (and what was waiting when it connects). Returns a closer. */
    events: (
      token: string,
      onService: (e: ServiceEventPromptDto) => void,
      onState?: (connected: boolean) => void,
    ): (() => void) => {
      const abort = new AbortController();
      void this.stream(
        '/public/rating-terminal/events',
        abort.signal,
        (data) => onService(JSON.parse(data) as ServiceEventPromptDto),
        onState,
        { [TERMINAL_TOKEN_HEADER]: token },
      );
      return () => abort.abort();
    },
  };

  readonly evaluation = {
    // the applicant and the public
    caseRating: (caseId: string) => this.request<CaseRatingStateDto>('GET', `/cases/${caseId}/rating`),
    rateCase: (caseId: string, body: SubmitRatingRequest) =>
      this.request<CaseRatingStateDto>('POST', `/cases/${caseId}/rating`, { body }),
    caseRatingByCode: (no: string, code: string) =>
      this.request<CaseRatingStateDto>('GET', '/public/case-rating', { query: { no, code }, anonymous: true }),
    rateCaseByCode: (body: PublicCaseRatingRequest) =>
      this.request<CaseRatingStateDto>('POST', '/public/case-rating', { body, anonymous: true }),
    followUp: (body: RateByCodeRequest) =>
      this.request<CaseRatingStateDto>('POST', '/public/case-rating/follow-up', { body, anonymous: true }),
    // staff
    issueTerminal: (body: { windowId?: string } = {}) =>
      this.request<IssuedRatingTerminalDto>('POST', '/evaluation/terminals', { body }),
    terminals: (query: { windowId?: string } = {}) =>
      this.request<RatingTerminalDto[]>('GET', '/evaluation/terminals', { query: { ...query } }),
    revokeTerminal: (id: string) => this.request<RatingTerminalDto>('POST', `/evaluation/terminals/${id}/revoke`),
    consultation: (body: { matterName?: string } = {}) =>
      this.request<ServiceEventPromptDto>('POST', '/evaluation/consultations', { body }),
    ratings: (query: RatingQuery = {}) =>
      this.request<Page<RatingDto>>('GET', '/evaluation/ratings', {
        query: { ...query, bad: query.bad === undefined ? undefined : String(query.bad) },
      }),
    appeal: (ratingId: string, body: AppealRatingRequest) =>
      this.request<RatingDto>('POST', `/evaluation/ratings/${ratingId}/appeal`, { body }),
    appeals: (query: { state?: AppealState } = {}) =>
      this.request<RatingDto[]>('GET', '/evaluation/appeals', { query: { ...query } }),
    decideAppeal: (appealId: string, body: DecideAppealRequest) =>
      this.request<RatingDto>('POST', `/evaluation/appeals/${appealId}/decision`, { body }),
    rectifications: (query: { departmentId?: string; state?: RectificationState } = {}) =>
      this.request<RectificationDto[]>('GET', '/evaluation/rectifications', { query: { ...query } }),
    rectification: (id: string) => this.request<RectificationDto>('GET', `/evaluation/rectifications/${id}`),
    visit: (id: string, body: RecordVisitRequest) =>
      this.request<RectificationDto>('POST', `/evaluation/rectifications/${id}/visit`, { body }),
    rectify: (id: string, body: RecordRectificationRequest) =>
      this.request<RectificationDto>('POST', `/evaluation/rectifications/${id}/rectify`, { body }),
    exchange: (query: { from: string; to: string }) =>
      this.request<RatingExchangeDto>('GET', '/evaluation/exchange', { query: { ...query } }),
    assessment: (query: AssessmentQuery) =>
      this.request<AssessmentDto>('GET', '/evaluation/assessment', { query: { ...query } }),
    assessmentWorkbook: (query: AssessmentQuery) =>
      this.request<DownloadedFile>('GET', '/evaluation/assessment.xlsx', { query: { ...query }, binary: true }),
    mine: (period: string) =>
      this.request<AssessmentRowDto | null>('GET', '/evaluation/assessment/mine', { query: { period } }),
    satisfaction: (query: { from: string; to: string }) =>
      this.request<SatisfactionTrendDto>('GET', '/evaluation/satisfaction', { query: { ...query } }),
    schemes: () => this.request<AssessmentSchemeDto[]>('GET', '/evaluation/schemes'),
    proposeScheme: (body: AssessmentSchemeBody & { note: string }) =>
      this.request<AssessmentSchemeDto>('POST', '/evaluation/schemes', { body }),
    decideScheme: (version: number, body: DecideSchemeRequest) =>
      this.request<AssessmentSchemeDto>('POST', `/evaluation/schemes/${version}/decision`, { body }),
    awards: (query: { period?: string } = {}) =>
      this.request<AwardDto[]>('GET', '/evaluation/awards', { query: { ...query } }),
    awardProposal: (query: { kind: AwardKind; period: string; n?: number }) =>
      this.request<AwardProposalDto>('GET', '/evaluation/awards/proposal', { query: { ...query } }),
    confirmAward: (body: ConfirmAwardRequest) => this.request<AwardDto[]>('POST', '/evaluation/awards', { body }),
  };

  readonly complaints = {
    file: (body: FileComplaintRequest) =>
      this.request<FiledComplaintDto>('POST', '/public/complaints', { body, anonymous: true }),
    fileMine: (body: FileComplaintRequest) => this.request<FiledComplaintDto>('POST', '/complaints/mine', { body }),
    follow: (no: string, code: string) =>
      this.request<PublicComplaintDto>('GET', '/public/complaints', { query: { no, code }, anonymous: true }),
    rate: (body: RateByCodeRequest) =>
      this.request<PublicComplaintDto>('POST', '/public/complaints/rating', { body, anonymous: true }),
    register: (body: RegisterComplaintRequest) => this.request<FiledComplaintDto>('POST', '/complaints', { body }),
    list: (query: ComplaintQuery = {}) =>
      this.request<Page<ComplaintDto>>('GET', '/complaints', { query: { ...query } }),
    get: (id: string) => this.request<ComplaintDto>('GET', `/complaints/${id}`),
    accept: (id: string, body: { note?: string } = {}) =>
      this.request<ComplaintDto>('POST', `/complaints/${id}/accept`, { body }),
    assign: (id: string, body: AssignComplaintRequest) =>
      this.request<ComplaintDto>('POST', `/complaints/${id}/assign`, { body }),
    answer: (id: string, body: AnswerComplaintRequest) =>
      this.request<ComplaintDto>('POST', `/complaints/${id}/answer`, { body }),
    close: (id: string, body: CloseComplaintRequest) =>
      this.request<ComplaintDto>('POST', `/complaints/${id}/close`, { body }),
    routes: () => this.request<ComplaintRouteDto[]>('GET', '/complaints/routes'),
    setRoutes: (body: UpdateComplaintRoutesRequest) =>
      this.request<ComplaintRouteDto[]>('PUT', '/complaints/routes', { body }),
  };

  readonly platform = {
    health: () => this.request<HealthDto>('GET', '/health', { anonymous: true }),
    ready: () => this.request<ReadinessDto>('GET', '/health/ready', { anonymous: true }),
    clock: () => this.request<PlatformClockDto>('GET', '/platform/clock', { anonymous: true }),
    setClock: (body: SetClockRequest) => this.request<PlatformClockDto>('PUT', '/platform/clock', { body }),
    advanceClock: (body: AdvanceClockRequest) =>
      this.request<PlatformClockDto>('POST', '/platform/clock/advance', { body }),
  };
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Keeps the session in localStorage (or any Web Storage) under one key per app. */
export class WebStorageSessionStore implements SessionStore {
  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  ) {}

  get(): StoredSession | null {
    const raw = this.storage.getItem(this.key);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as StoredSession;
    } catch {
      this.storage.removeItem(this.key);
      return null;
    }
  }

  set(session: StoredSession | null): void {
    if (session) this.storage.setItem(this.key, JSON.stringify(session));
    else this.storage.removeItem(this.key);
  }
}
