import { applicantView } from './case-applicant.js';
import { ApplicantService } from '../applicant/applicant.module.js';
import { Injectable } from '@nestjs/common';
import { newQueryCode } from '../../platform/crypto/query-code.js';
import type { UploadedBody } from '../../platform/files/binary-body.js';
import {
  type AcceptBundleRequest,
  BUNDLE_STATE_LABELS,
  type BundleDto,
  BundleQueue,
  type BundleState,
  type BundleSummaryDto,
  bundleState,
  type CaseApplicantInput,
  type CaseMaterialStatus,
  CASE_NOTICE_LABELS,
  CASE_STATE_LABELS,
  type CaseState,
  type DeliverBundleRequest,
  dateOfDay,
  formatDeadline,
  maskName,
  type Principal,
  PrincipalKind,
  type PublicBundleProgressDto,
  Role,
  shanghaiDay,
  type StoredFileDto,
  WindowKind,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { FileStore, toStoredFileDto } from '../../platform/files/file-store.service.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { type LifeEventInForce, LifeEventService } from '../catalog/catalog.module.js';
import { ServiceWindowService } from '../organization/organization.module.js';
import { CaseAcceptanceService } from './case-acceptance.service.js';
import { CaseDeliveryService } from './case-delivery.service.js';
import { CASE_MATERIAL_FILE, CaseIntakeService } from './case-intake.service.js';
import { CaseLedger } from './case-ledger.service.js';
import { type BundlePartRow, CaseQueryService } from './case-query.service.js';
import { type BundleItemSpec, CaseBundleEntity, CaseEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

const DECIDED: CaseState[] = ['APPROVED', 'DENIED'];

/** Bundles in each staff queue, by where they stand. */
const QUEUE_STATES: Record<BundleQueue, BundleState> = {
  TO_ACCEPT: 'RECEIVED',
  IN_PROGRESS: 'IN_PROGRESS',
  TO_DELIVER: 'TO_DELIVER',
};

/**
 * 一件事一次办: one application for a life event. Starting it opens a draft case per matter (each under its version in
 * force) and fixes the combined form; an upload of one item provides every part's material it stands for; submitting
 * receives every part at once under one bundle number and query code. A comprehensive window (综合窗口) registers a
 * walk-in bundle, accepts all its receipts in one transaction (each part gets its department's number, clocks and
 * sub-tasks) and delivers them together once every part is decided. Between those, each part is its department's
 * case like any other.
 */
@Injectable()
export class CaseBundleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly intake: CaseIntakeService,
    private readonly acceptance: CaseAcceptanceService,
    private readonly delivery: CaseDeliveryService,
    private readonly query: CaseQueryService,
    private readonly lifeEvents: LifeEventService,
    private readonly windows: ServiceWindowService,
    private readonly files: FileStore,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: PlatformClock,
    private readonly applicants: ApplicantService,
  ) {}

  /** An online application: the bundle and one draft per matter, in one transaction. */
  async start(actor: RequestActor, lifeEventCode: string): Promise<string> {
    const p = actor.principal!;
    const ev = await this.lifeEvents.inForce(lifeEventCode);
    const identity = await this.applicants.identityOf(p.id);
    return this.dataSource.transaction(async (m) => {
      const b = await this.open(m, ev, 'ONLINE', p.id, identity);
      for (const c of await this.parts(m, b)) await this.ledger.step(m, c, 'SAVE_DRAFT', 'DRAFT', actor);
      return b.id;
    });
  }

  async saveDraft(
    actor: RequestActor,
    id: string,
    applicant: CaseApplicantInput,
    materials: { index: number; status: CaseMaterialStatus }[],
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const b = await this.lockOwned(m, actor, id);
      const cases = await this.parts(m, b);
      for (const c of cases) {
        this.ledger.assert(c, 'SAVE_DRAFT');
        this.intake.setApplicant(c, applicant);
        c.updatedAt = this.clock.now();
        this.ledger.write(m, c);
      }
      await this.setItems(m, b, cases, materials, false);
    });
  }

  /** One document for an item of the combined form: stored once, it provides every part's material it stands for. */
  async upload(actor: RequestActor, id: string, index: number, upload: UploadedBody): Promise<StoredFileDto> {
    return this.dataSource.transaction(async (m) => {
      const b = await this.lockOwned(m, actor, id);
      const item = b.items[index];
      if (!item) throw CaseErrors.materialUnknown(index);
      for (const c of await this.parts(m, b)) this.ledger.assert(c, 'SAVE_DRAFT');
      const f = await this.files.store(m, CASE_MATERIAL_FILE, upload, actor.principal!.id);
      for (const part of item.parts) {
        const mat = (await this.ledger.materials(m, part.caseId)).get(part.materialIndex)!;
        Object.assign(mat, { fileId: f.id, fileName: f.fileName, status: 'PROVIDED' });
        await this.ledger.writeMaterial(m, mat);
      }
      return toStoredFileDto(f);
    });
  }

  /** Sends the application: every required item uploaded or deferred, then every part received under one number. */
  async submit(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const b = await this.lockOwned(m, actor, id);
      const cases = await this.parts(m, b);
      for (const c of cases) this.ledger.assert(c, 'SUBMIT');
      if (!cases[0].applicantIdNumber || !cases[0].contactPhone) throw CaseErrors.materialsIncomplete(['申请人信息']);
      // Every part's materials in one read: an item stands as its first part's material does.
      const mats = await this.query.bundleMaterials(m, b.id);
      const missing = b.items.filter((item) => {
        const mat = itemMaterial(mats, item);
        return item.required && !((mat?.status === 'PROVIDED' && mat.fileName) || mat?.status === 'DEFERRED');
      });
      if (missing.length) throw CaseErrors.materialsIncomplete(missing.map((x) => x.name));
      await this.receive(m, b, cases, actor);
    });
  }

  /** 综合窗口 registers a walk-in applicant for a life event: the checklist by item, every part received at once. */
  async walkIn(
    actor: RequestActor,
    lifeEventCode: string,
    applicant: CaseApplicantInput,
    materials: { index: number; status: CaseMaterialStatus }[],
  ): Promise<string> {
    const ev = await this.lifeEvents.inForce(lifeEventCode);
    return this.dataSource.transaction(async (m) => {
      await this.assertComprehensive(m, actor.principal!);
      const b = await this.open(m, ev, 'WINDOW', null, applicant);
      const cases = await this.parts(m, b);
      for (const c of cases) c.receivedBy = actor.principal!.id;
      await this.setItems(m, b, cases, materials, true);
      await this.receive(m, b, cases, actor);
      return b.id;
    });
  }

  /**
   * 综合受理: the comprehensive window accepts every part still waiting, in one transaction; each part is accepted as
   * its department would accept it (materials complete, 容缺 with a promise), or nothing is.
   */
  async accept(actor: RequestActor, id: string, dto: AcceptBundleRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.assertComprehensive(m, actor.principal!);
      const b = await this.lock(m, id);
      const waiting = (await this.parts(m, b)).filter((c) => c.state === 'SUBMITTED');
      if (!waiting.length) throw CaseErrors.bundleNothingTo('受理');
      for (const c of waiting)
        await this.acceptance.acceptIn(
          m,
          actor,
          c.id,
          { opinion: dto.opinion ?? '一件事综合受理', deferredPromiseDate: dto.deferredPromiseDate },
          'COMPREHENSIVE_WINDOW',
        );
    });
  }

  /** 统一送达: once every part is decided, the window delivers them together (one method, each part's certificate). */
  async deliver(actor: RequestActor, id: string, dto: DeliverBundleRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.assertComprehensive(m, actor.principal!);
      const b = await this.lock(m, id);
      const cases = await this.parts(m, b);
      const open = cases.filter((c) => !DECIDED.includes(c.state) && !isClosed(c.state));
      if (open.length) throw CaseErrors.bundleNotDecided(open.map((c) => c.matterName));
      const toDeliver = cases.filter((c) => DECIDED.includes(c.state));
      if (!toDeliver.length) throw CaseErrors.bundleNothingTo('送达');
      const certificates = new Map((dto.certificates ?? []).map((x) => [x.caseId, x.certificateNo]));
      for (const caseId of certificates.keys())
        if (!toDeliver.some((c) => c.id === caseId)) throw CaseErrors.bundlePartUnknown(caseId);
      for (const c of toDeliver)
        await this.delivery.deliverIn(m, await this.ledger.lock(m, c.id), actor, {
          method: dto.method,
          carrier: dto.carrier,
          trackingNo: dto.trackingNo,
          certificateNo: certificates.get(c.id),
        });
    });
  }

  // ---------- reading ----------

  async get(p: Principal, id: string): Promise<BundleDto> {
    const m = this.dataSource.manager;
    const b = await m.findOneBy(CaseBundleEntity, { id });
    if (!b) throw CaseErrors.bundleNotFound();
    const parts = await this.query.bundleParts(m, [b.id], this.clock.now());
    await this.assertReader(m, p, b, parts);
    const [first] = await m.find(CaseEntity, { where: { bundleId: b.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const staffView = p.kind === PrincipalKind.STAFF;
    const materials = await this.query.bundleMaterials(m, b.id);
    const comprehensive = staffView && (await this.isComprehensive(m, p));
    const state = bundleState(parts.map((x) => x.state));
    return {
      id: b.id,
      bundleNo: b.bundleNo,
      queryCode: b.queryCode,
      lifeEventCode: b.lifeEventCode,
      name: b.name,
      state,
      channel: b.channel,
      applicant: applicantView(first, this.cipher, staffView),
      projectCode: first.projectCode,
      receivedAt: isoOrNull(b.receivedAt),
      items: b.items.map((it) => {
        const mat = itemMaterial(materials, it);
        return {
          index: it.index,
          key: it.key,
          name: it.name,
          required: it.required,
          deferrable: it.deferrable,
          status: mat?.status ?? 'MISSING',
          fileName: mat?.fileName ?? null,
          parts: it.parts.map((x) => ({
            ...x,
            matterName: parts.find((c) => c.caseId === x.caseId)?.matterName ?? '',
          })),
        };
      }),
      parts: parts.map(({ notices: _n, bundleId: _b, applicantName: _a, ...x }) => x),
      notices: parts
        .flatMap((x) =>
          x.notices.map((n) => ({
            caseId: x.caseId,
            matterName: x.matterName,
            id: n.id,
            kind: n.kind,
            title: CASE_NOTICE_LABELS[n.kind],
            createdAt: n.createdAt,
          })),
        )
        .sort((x, y) => x.createdAt.localeCompare(y.createdAt)),
      canAccept: comprehensive && state === 'RECEIVED' && parts.some((x) => x.state === 'SUBMITTED'),
      canDeliver: comprehensive && state === 'TO_DELIVER',
      version: b.version,
    };
  }

  /** The applicant's own bundles, newest first. */
  async mine(p: Principal): Promise<BundleSummaryDto[]> {
    const rows = await this.dataSource.manager.find(CaseBundleEntity, {
      where: { applicantAccountId: p.id },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return this.summaries(rows);
  }

  /** The comprehensive window's bundle queues (center-wide roles see them too). */
  async queue(p: Principal, queue: BundleQueue | undefined): Promise<BundleSummaryDto[]> {
    const m = this.dataSource.manager;
    if (!DepartmentScope.allows(p, null) && !(await this.isComprehensive(m, p))) throw AuthErrors.forbiddenRole();
    const rows = await m
      .getRepository(CaseBundleEntity)
      .createQueryBuilder('b')
      .where('b.received_at IS NOT NULL')
      .orderBy('b.received_at', 'DESC')
      .limit(500)
      .getMany();
    const all = await this.summaries(rows);
    return queue ? all.filter((x) => x.state === QUEUE_STATES[queue]) : all;
  }

  /** Without login, by the bundle number and its query code: each part's department, state and deadline. */
  async progress(no: string, code: string): Promise<PublicBundleProgressDto> {
    const m = this.dataSource.manager;
    const b = await m.findOneBy(CaseBundleEntity, {
      bundleNo: no.trim().toUpperCase(),
      queryCode: code.trim().toUpperCase(),
    });
    if (!b) throw CaseErrors.progressNotFound();
    const parts = await this.query.bundleParts(m, [b.id], this.clock.now());
    const state = bundleState(parts.map((x) => x.state));
    const [first] = await m.query(
      `SELECT applicant_name FROM service_case WHERE bundle_id = $1 ORDER BY created_at LIMIT 1`,
      [b.id],
    );
    return {
      bundleNo: b.bundleNo!,
      name: b.name,
      applicantName: maskName(first.applicant_name),
      state,
      stateLabel: BUNDLE_STATE_LABELS[state],
      receivedAt: isoOrNull(b.receivedAt),
      parts: parts.map((x) => ({
        matterName: x.matterName,
        departmentName: x.departmentName,
        number: x.caseNo ?? x.receiptNo,
        state: x.state,
        stateLabel: CASE_STATE_LABELS[x.state],
        dueDate: x.dueAt ? formatDeadline(new Date(x.dueAt)) : null,
        dueLabel: x.dueLabel,
      })),
    };
  }

  // ---------- inside ----------

  /**
   * The bundle and one draft per matter in force (read before the transaction), the combined form mapped onto the
   * drafts' materials.
   */
  private async open(
    m: EntityManager,
    ev: LifeEventInForce,
    channel: 'ONLINE' | 'WINDOW',
    accountId: string | null,
    applicant: CaseApplicantInput,
  ): Promise<CaseBundleEntity> {
    if (channel === 'ONLINE' && !ev.guide.onlineAvailable) throw CaseErrors.notOnline();
    const now = this.clock.now();
    const b = await m.save(
      m.create(CaseBundleEntity, {
        bundleNo: null,
        queryCode: null,
        lifeEventCode: ev.code,
        name: ev.content.name,
        channel,
        applicantAccountId: accountId,
        items: [],
        receivedAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const caseOf = new Map<string, string>();
    for (const v of ev.versions) {
      const c = await this.intake.create(m, v, channel, applicant, accountId, b.id);
      caseOf.set(v.code, c.id);
    }
    b.items = ev.guide.materials.map((it): BundleItemSpec => ({
      index: it.index,
      key: it.key,
      name: it.name,
      required: it.required,
      deferrable: it.deferrable,
      parts: it.parts.map((x) => ({ caseId: caseOf.get(x.matterCode)!, materialIndex: x.materialIndex })),
    }));
    return m.save(b);
  }

  /** The checklist by item: each status given to every part's material the item stands for. */
  private async setItems(
    m: EntityManager,
    b: CaseBundleEntity,
    cases: CaseEntity[],
    input: { index: number; status: CaseMaterialStatus }[],
    atWindow: boolean,
  ) {
    const notDeferrable: string[] = [];
    const byCase = new Map(cases.map((c) => [c.id, [] as { index: number; status: CaseMaterialStatus }[]]));
    for (const i of input) {
      const item = b.items[i.index];
      if (!item) throw CaseErrors.materialUnknown(i.index);
      if (i.status === 'DEFERRED' && !item.deferrable) notDeferrable.push(item.name);
      for (const part of item.parts) byCase.get(part.caseId)!.push({ index: part.materialIndex, status: i.status });
    }
    if (notDeferrable.length) throw CaseErrors.notDeferrable(notDeferrable);
    for (const c of cases) await this.intake.setMaterials(m, c, byCase.get(c.id)!, atWindow);
  }

  /** 收件 of every part under one bundle number and one query code. */
  private async receive(m: EntityManager, b: CaseBundleEntity, cases: CaseEntity[], actor: RequestActor) {
    const now = this.clock.now();
    b.queryCode = newQueryCode();
    for (const c of cases) await this.intake.receive(m, c, actor, b.queryCode);
    const day = dateOfDay(shanghaiDay(now));
    const seq = await this.ledger.next(m, 'BUNDLE', day);
    b.bundleNo = `YJ${day.replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
    b.receivedAt = now;
    b.updatedAt = now;
    await m.save(b);
  }

  /** The parts, locked, in the order of the life event's matters. */
  private async parts(m: EntityManager, b: CaseBundleEntity): Promise<CaseEntity[]> {
    const ids: { id: string }[] = await m.query(
      `SELECT id FROM service_case WHERE bundle_id = $1 ORDER BY created_at, id`,
      [b.id],
    );
    const out: CaseEntity[] = [];
    for (const { id } of ids) out.push(await this.ledger.lock(m, id));
    return out;
  }

  private async lock(m: EntityManager, id: string): Promise<CaseBundleEntity> {
    const b = await m.findOne(CaseBundleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw CaseErrors.bundleNotFound();
    return b;
  }

  private async lockOwned(m: EntityManager, actor: RequestActor, id: string): Promise<CaseBundleEntity> {
    const b = await this.lock(m, id);
    const p = actor.principal;
    if (p?.kind !== PrincipalKind.APPLICANT || b.applicantAccountId !== p.id) throw CaseErrors.bundleNotFound();
    return b;
  }

  /** A CLERK at a comprehensive window (综合窗口): who receives, accepts and delivers bundles. */
  private async isComprehensive(m: EntityManager, p: Principal): Promise<boolean> {
    if (p.kind !== PrincipalKind.STAFF || !p.roles.includes(Role.CLERK) || !p.windowId) return false;
    const w = await this.windows.require(m, p.windowId).catch(() => null);
    return w?.kind === WindowKind.COMPREHENSIVE && w.active;
  }

  private async assertComprehensive(m: EntityManager, p: Principal) {
    if (!(await this.isComprehensive(m, p))) throw CaseErrors.notComprehensiveWindow();
  }

  /** The owner, center-wide roles, a comprehensive window, or staff of a department one of its parts belongs to. */
  private async assertReader(m: EntityManager, p: Principal, b: CaseBundleEntity, parts: BundlePartRow[]) {
    if (p.kind === PrincipalKind.APPLICANT) {
      if (b.applicantAccountId !== p.id) throw CaseErrors.bundleNotFound();
      return;
    }
    if (DepartmentScope.allows(p, null) || parts.some((x) => x.departmentId === p.departmentId)) return;
    if (await this.isComprehensive(m, p)) return;
    throw AuthErrors.departmentScope();
  }

  private async summaries(rows: CaseBundleEntity[]): Promise<BundleSummaryDto[]> {
    if (!rows.length) return [];
    const m = this.dataSource.manager;
    const parts = await this.query.bundleParts(
      m,
      rows.map((b) => b.id),
      this.clock.now(),
    );
    return rows.map((b) => {
      const mine = parts.filter((x) => x.bundleId === b.id);
      return {
        id: b.id,
        bundleNo: b.bundleNo,
        name: b.name,
        applicantName: mine[0]?.applicantName ?? '',
        state: bundleState(mine.map((x) => x.state)),
        receivedAt: isoOrNull(b.receivedAt),
        parts: mine.length,
        done: mine.filter((x) => DECIDED.includes(x.state) || isClosed(x.state)).length,
      };
    });
  }
}

/** What an item of the combined form stands at: its first part's material (every part's is set alike). */
function itemMaterial<T>(mats: Map<string, T>, item: BundleItemSpec): T | undefined {
  const [first] = item.parts;
  return mats.get(`${first.caseId}:${first.materialIndex}`);
}

function isClosed(s: CaseState): boolean {
  return s === 'COMPLETED' || s === 'REJECTED' || s === 'WITHDRAWN';
}
