import { ApplicantService } from '../applicant/applicant.module.js';
import { Injectable } from '@nestjs/common';
import { newQueryCode } from '../../platform/crypto/query-code.js';
import type { UploadedBody } from '../../platform/files/binary-body.js';
import {
  type CaseApplicantInput,
  type CaseMaterialInput,
  CASE_MATERIAL_STATUS_LABELS,
  formatShanghai,
  type MatterContent,
  type MatterVersionDto,
  Role,
  shanghaiDay,
  dateOfDay,
  type StoredFileDto,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { FileStore, type FilePolicy, toStoredFileDto } from '../../platform/files/file-store.service.js';
import { ClockService } from '../calendar/calendar.module.js';
import { PublicCatalogService } from '../catalog/catalog.module.js';
import { CaseAccess } from './case-access.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import { CaseEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { KeyProjectService } from './key-project.service.js';

/** Applicants' uploaded materials: PDF or images, at most 10 MB each, never served back as anything else. */
export const CASE_MATERIAL_FILE = {
  purpose: 'CASE_MATERIAL',
  types: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 10 * 1_048_576,
} as const satisfies FilePolicy;

/** Art. 32: the window decides within 5 working days of receipt. */
export const ACCEPTANCE_LIMIT = { value: 5, unit: 'WORKING_DAY' } as const;

/**
 * Receipt (收件): online drafts that the applicant fills, uploads to and submits, and walk-in
 * registrations at the window. Either way the case gets a receipt number, a receipt voucher and an
 * ACCEPTANCE clock of 5 working days.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly clocks: ClockService,
    private readonly catalog: PublicCatalogService,
    private readonly files: FileStore,
    private readonly cipher: PersonalDataCipher,
    private readonly keyProjects: KeyProjectService,
    private readonly clock: PlatformClock,
    private readonly applicants: ApplicantService,
  ) {}

  /** An online application begins as a draft under the matter's current published version. */
  async startOnline(actor: RequestActor, matterCode: string): Promise<string> {
    const v = await this.published(matterCode);
    if (!v.content.onlineAvailable) throw CaseErrors.notOnline();
    const p = actor.principal!;
    const identity = await this.applicants.identityOf(p.id);
    return this.dataSource.transaction(async (m) => {
      const c = await this.create(m, v, 'ONLINE', identity, p.id);
      await this.ledger.step(m, c, 'SAVE_DRAFT', 'DRAFT', actor);
      return c.id;
    });
  }

  async saveDraft(
    actor: RequestActor,
    id: string,
    applicant: CaseApplicantInput,
    materials: CaseMaterialInput[],
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.ledger.lock(m, id);
      CaseAccess.owner(actor.principal, c);
      this.ledger.assert(c, 'SAVE_DRAFT');
      this.setApplicant(c, applicant);
      await this.setMaterials(m, c, materials, false);
      c.updatedAt = this.clock.now();
      this.ledger.write(m, c);
    });
  }

  /** Uploads one listed material (online draft, or supplying after a supplement notice or a 容缺 promise). */
  async uploadMaterial(actor: RequestActor, id: string, index: number, upload: UploadedBody): Promise<StoredFileDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.ledger.lock(m, id);
      CaseAccess.owner(actor.principal, c);
      const mat = (await this.ledger.materials(m, c.id)).get(index);
      if (!mat) throw CaseErrors.materialUnknown(index);
      // A draft's materials; those a supplement notice asks for; those deferred under 容缺 after acceptance.
      const deferredLater = mat.status === 'DEFERRED' && ['IN_REVIEW', 'SUSPENDED', 'APPROVED'].includes(c.state);
      if (c.state !== 'DRAFT' && !deferredLater) this.ledger.assert(c, 'SUPPLY');
      const f = await this.files.store(m, CASE_MATERIAL_FILE, upload, actor.principal!.id);
      mat.fileId = f.id;
      mat.fileName = f.fileName;
      if (c.state === 'DRAFT') mat.status = 'PROVIDED';
      else mat.suppliedAt = this.clock.now();
      await this.ledger.writeMaterial(m, mat);
      return toStoredFileDto(f);
    });
  }

  /** The applicant sends the draft: every required material uploaded (or deferred where the matter allows). */
  async submit(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.ledger.lock(m, id);
      CaseAccess.owner(actor.principal, c);
      this.ledger.assert(c, 'SUBMIT');
      if (!c.applicantIdNumber || !c.contactPhone) throw CaseErrors.materialsIncomplete(['申请人信息']);
      const mats = [...(await this.ledger.materials(m, c.id)).values()];
      const missing = mats.filter(
        (x) => x.required && !((x.status === 'PROVIDED' && x.fileId) || x.status === 'DEFERRED'),
      );
      if (missing.length) throw CaseErrors.materialsIncomplete(missing.map((x) => x.name));
      await this.receive(m, c, actor);
    });
  }

  /** A clerk registers a walk-in applicant and the material checklist; the case is received at once. */
  async walkIn(
    actor: RequestActor,
    matterCode: string,
    applicant: CaseApplicantInput,
    materials: CaseMaterialInput[],
  ): Promise<string> {
    const v = await this.published(matterCode);
    // A clerk receives for their own department's matters (DOMAIN §1): refused before anything is written.
    DepartmentScope.assert(actor.principal!, v.content.departmentId);
    return this.dataSource.transaction(async (m) => {
      const c = await this.create(m, v, 'WINDOW', applicant, null);
      await this.setMaterials(m, c, materials, true);
      c.receivedBy = actor.principal!.id;
      await this.receive(m, c, actor);
      return c.id;
    });
  }

  /** Materials asked for in the supplement notice are now in: the receipt returns for decision with its remaining time. */
  async supply(actor: RequestActor, id: string, indexes: number[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.ledger.lock(m, id);
      const who = CaseAccess.ownerOrStaff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'SUPPLY');
      const mats = await this.ledger.materials(m, c.id);
      const now = this.clock.now();
      for (const i of indexes) {
        const mat = mats.get(i);
        if (!mat) throw CaseErrors.materialUnknown(i);
        if (who === 'APPLICANT' && !(mat.suppliedAt && mat.suppliedAt >= c.supplementNoticeAt!))
          throw CaseErrors.materialsIncomplete([`${mat.name}（请先上传）`]);
        mat.status = who === 'STAFF' ? 'ORIGINAL_SEEN' : 'PROVIDED';
        // Online the upload stamped it; at the window it is handed in now.
        if (who === 'STAFF' || !mat.suppliedAt) mat.suppliedAt = now;
        await this.ledger.writeMaterial(m, mat);
      }
      const asked = c.supplementItems.filter((it) => it.materialIndex !== null).map((it) => it.materialIndex!);
      const stillMissing = asked.filter((i) => !indexes.includes(i));
      if (stillMissing.length) throw CaseErrors.materialsIncomplete(stillMissing.map((i) => mats.get(i)!.name));
      await this.clocks.resume(actor, c.acceptanceClockId!, m);
      await this.ledger.step(m, c, 'SUPPLY', 'SUBMITTED', actor, { resultCode: '5', details: { supplied: indexes } });
    });
  }

  async published(code: string): Promise<MatterVersionDto> {
    try {
      return await this.catalog.guide(code);
    } catch {
      throw CaseErrors.matterNotOpen();
    }
  }

  /** A new case in DRAFT under the version, with its checklist (a walk-in is received right after). */
  async create(
    m: EntityManager,
    v: MatterVersionDto,
    channel: 'ONLINE' | 'WINDOW',
    applicant: CaseApplicantInput,
    accountId: string | null,
    bundleId: string | null = null,
  ): Promise<CaseEntity> {
    const now = this.clock.now();
    const c = m.create(CaseEntity, {
      receiptNo: null,
      caseNo: null,
      queryCode: null,
      matterId: v.matterId,
      matterVersionId: v.id,
      matterCode: v.code,
      matterVersionNo: v.versionNo,
      matterName: v.content.name,
      handlingKind: v.content.handlingKind,
      departmentId: v.content.departmentId,
      channel,
      state: 'DRAFT',
      applicantAccountId: accountId,
      applicantAddress: null,
      projectCode: null,
      keyProjectId: null,
      bundleId,
      receivedAt: null,
      receivedBy: null,
      acceptedAt: null,
      deemedAccepted: false,
      deferredPromiseDate: null,
      deferredPromiseMissed: false,
      supplementItems: [],
      supplementNoticeAt: null,
      approved: null,
      decisionReason: null,
      decisionBasis: null,
      decidedAt: null,
      forwardedTo: null,
      forwardedAt: null,
      forwardDocumentNo: null,
      deliveryMethod: null,
      deliveryCarrier: null,
      deliveryTrackingNo: null,
      certificateNo: null,
      deliveredAt: null,
      completionCode: null,
      completedAt: null,
      pendingExtension: null,
      acceptanceClockId: null,
      caseClockId: null,
      deliveryClockId: null,
      createdAt: now,
      updatedAt: now,
    });
    this.setApplicant(c, applicant);
    await this.ledger.create(
      m,
      c,
      v.content.materials.map((mat, i) => ({
        materialIndex: i,
        name: mat.name,
        required: mat.required,
        deferrable: mat.deferrable,
        status: 'MISSING' as const,
        fileId: null,
        fileName: null,
        suppliedAt: null,
      })),
    );
    return c;
  }

  setApplicant(c: CaseEntity, a: CaseApplicantInput) {
    c.applicantKind = a.kind;
    c.applicantName = a.name.trim();
    c.applicantIdNumber = a.idNumber ? this.cipher.encrypt(a.idNumber.toUpperCase()) : '';
    c.contactName = a.contactName.trim();
    c.contactPhone = a.phone ? this.cipher.encrypt(a.phone) : '';
    c.applicantAddress = a.address?.trim() || null;
    c.projectCode = a.projectCode?.trim() || null;
  }

  /** The checklist: statuses by material index; DEFERRED only where the matter allows 容缺. */
  async setMaterials(m: EntityManager, c: CaseEntity, input: CaseMaterialInput[], atWindow: boolean) {
    const mats = await this.ledger.materials(m, c.id);
    const notDeferrable: string[] = [];
    for (const i of input) {
      const mat = mats.get(i.index);
      if (!mat) throw CaseErrors.materialUnknown(i.index);
      if (i.status === 'DEFERRED' && !mat.deferrable) notDeferrable.push(mat.name);
      // Online, "provided" means uploaded: the upload sets it. A material no longer deferred is missing until it is.
      if (!atWindow && i.status === 'PROVIDED' && !mat.fileId) {
        if (mat.status === 'DEFERRED') {
          mat.status = 'MISSING';
          await this.ledger.writeMaterial(m, mat);
        }
        continue;
      }
      mat.status = i.status;
      await this.ledger.writeMaterial(m, mat);
    }
    if (notDeferrable.length) throw CaseErrors.notDeferrable(notDeferrable);
  }

  /**
   * 收件: receipt number, query code (a bundle's parts share the bundle's), ACCEPTANCE clock and the receipt voucher.
   */
  async receive(m: EntityManager, c: CaseEntity, actor: RequestActor, queryCode?: string): Promise<void> {
    const now = this.clock.now();
    c.queryCode = queryCode ?? newQueryCode();
    c.receivedAt = now;
    // 绿色通道 from receipt on: a key project's receipt heads the acceptance queue too (acceptance checks again).
    c.keyProjectId = (await this.keyProjects.match(m, c))?.id ?? null;
    const clock = await this.clocks.start(
      actor,
      { subjectKind: 'ACCEPTANCE', subjectId: c.id, departmentId: c.departmentId, limit: ACCEPTANCE_LIMIT },
      m,
    );
    c.acceptanceClockId = clock.id;
    const mats = [...(await this.ledger.materials(m, c.id)).values()];
    // The day's receipt sequence is one row for the whole center: taken last, after every check.
    const day = dateOfDay(shanghaiDay(now));
    const seq = await this.ledger.next(m, 'RECEIPT', day);
    c.receiptNo = `SJ${day.replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
    const noticeId = await this.notices.issue(m, c, 'RECEIPT_VOUCHER', {
      due: { label: '受理决定期限', at: clock.dueAt },
      sections: [
        {
          heading: '已收材料',
          table: {
            columns: ['序号', '材料名称', '情况'],
            widths: [8, 62, 30],
            rows: mats.map((x, i) => [
              String(i + 1),
              x.name,
              x.status === 'MISSING' ? '未提交' : CASE_MATERIAL_STATUS_LABELS[x.status],
            ]),
          },
        },
        {
          paragraphs: [
            `本中心已于 ${formatShanghai(now)} 收到您的申请材料。依照《中华人民共和国行政许可法》第三十二条，将在 5 个工作日内作出受理、不予受理或一次性告知补正的决定；逾期未告知的，自收到申请材料之日起即为受理。`,
          ],
        },
      ],
    });
    await this.ledger.step(m, c, 'SUBMIT', 'SUBMITTED', actor, {
      noticeId,
      details: { channel: c.channel, materials: mats.map((x) => ({ name: x.name, status: x.status })) },
    });
  }

  /** What the matter version the case was received under says. */
  content(m: EntityManager, c: CaseEntity): Promise<MatterContent> {
    return this.catalog.versionContent(c.matterCode, c.matterVersionNo, m);
  }
}
