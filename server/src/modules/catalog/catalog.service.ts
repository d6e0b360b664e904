import { Injectable } from '@nestjs/common';
import type { UploadedBody } from '../../platform/files/binary-body.js';
import {
  checkMatterContent,
  type FieldErrors,
  type StoredFileDto,
  type MatterContent,
  matterCode,
  type MatterSummaryDto,
  type MatterVersionDto,
  MATTER_TYPE_PREFIX,
  type Page,
  type Principal,
  type PublishCheckDto,
  Role,
  sameValue,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { escapeLike } from '../../platform/database/escape-like.js';
import { FileStore, toStoredFileDto } from '../../platform/files/file-store.service.js';
import { FeeCatalogService } from './fee-catalog.service.js';
import { MatterEntity, MatterVersionEntity } from './catalog.entities.js';
import { toVersionDto } from './matter-version.mapper.js';
import { CatalogErrors } from './catalog.exception.js';
import { MATTER_ATTACHMENT } from './matter-attachment.js';
import { PublicCatalogService } from './public-catalog.service.js';
import type { CreateMatterDto, MatterQueryDto } from './catalog.dto.js';
import { Paging } from '../../platform/http/paging.js';
import { DepartmentService } from '../organization/organization.module.js';

/**
 * The matter catalog's back office: drafts are edited, checked and published by a center administrator;
 * department leads prepare their own department's drafts. A published version never changes.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fees: FeeCatalogService,
    private readonly publicCatalog: PublicCatalogService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly files: FileStore,
    private readonly departments: DepartmentService,
  ) {}

  /** A matter belongs to a department the center has: never to an id that names nothing. */
  private async assertDepartment(id: string) {
    if (!(await this.departments.exists(id))) throw CatalogErrors.unknownDepartment();
  }

  async create(actor: RequestActor, dto: CreateMatterDto): Promise<MatterVersionDto> {
    const p = actor.principal!;
    DepartmentScope.assert(p, dto.content.departmentId);
    await this.assertDepartment(dto.content.departmentId);
    return this.dataSource.transaction(async (m) => {
      const prefix = MATTER_TYPE_PREFIX[dto.content.matterType];
      const main = dto.mainItem ?? (await this.nextMainItem(m, prefix));
      const code = matterCode(dto.content.matterType, main, dto.subItem ?? 1);
      if (await m.existsBy(MatterEntity, { code })) throw CatalogErrors.codeTaken(code);
      const now = this.clock.now();
      const matter = await m.save(
        m.create(MatterEntity, {
          code,
          basicCode: code.slice(0, 7),
          departmentId: dto.content.departmentId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const v = await m.save(
        m.create(MatterVersionEntity, {
          matterId: matter.id,
          versionNo: 1,
          status: 'DRAFT',
          content: dto.content,
          publishedAt: null,
          publishedBy: null,
          endedAt: null,
          createdBy: p.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'catalog.matter_created',
        targetType: 'matter',
        targetId: matter.id,
        summary: { code, name: dto.content.name },
      });
      return toVersionDto(v, code);
    });
  }

  async saveDraft(actor: RequestActor, versionId: string, content: MatterContent): Promise<MatterVersionDto> {
    // Read before the transaction: on the embedded database its one connection is the transaction's.
    await this.assertDepartment(content.departmentId);
    return this.dataSource.transaction(async (m) => {
      const { v, matter } = await this.lockVersion(m, versionId, actor.principal!);
      if (v.status !== 'DRAFT') throw CatalogErrors.immutable(v.status);
      DepartmentScope.assert(actor.principal!, content.departmentId);
      const before = v.content;
      v.content = content;
      v.updatedAt = this.clock.now();
      await m.save(v);
      await this.audit.record(m, actor, {
        action: 'catalog.draft_saved',
        targetType: 'matter_version',
        targetId: v.id,
        summary: { code: matter.code, changes: contentDiff(before, content) },
      });
      return toVersionDto(v, matter.code);
    });
  }

  async check(principal: Principal, versionId: string): Promise<PublishCheckDto> {
    const { v } = await this.readVersion(versionId, principal);
    const fields = await this.rules(this.dataSource.manager, v.content);
    return { ok: Object.keys(fields).length === 0, fields };
  }

  /** Publishes a draft; the version it replaces is superseded and stays on record. CENTER_ADMIN only. */
  async publish(actor: RequestActor, versionId: string): Promise<MatterVersionDto> {
    const out = await this.dataSource.transaction(async (m) => {
      const { v, matter } = await this.lockVersion(m, versionId, actor.principal!);
      if (v.status !== 'DRAFT') throw CatalogErrors.immutable(v.status);
      const fields = await this.rules(m, v.content);
      if (Object.keys(fields).length) throw CatalogErrors.notPublishable(fields);
      const now = this.clock.now();
      const previous = await m.findOneBy(MatterVersionEntity, { matterId: matter.id, status: 'PUBLISHED' });
      if (previous)
        await m.update(MatterVersionEntity, previous.id, { status: 'SUPERSEDED', endedAt: now, updatedAt: now });
      Object.assign(v, { status: 'PUBLISHED', publishedAt: now, publishedBy: actor.principal!.id, updatedAt: now });
      await m.save(v);
      if (v.content.departmentId !== matter.departmentId)
        await m.update(MatterEntity, matter.id, { departmentId: v.content.departmentId, updatedAt: now });
      await this.bumpRevision(m);
      await this.audit.record(m, actor, {
        action: 'catalog.version_published',
        targetType: 'matter_version',
        targetId: v.id,
        summary: {
          code: matter.code,
          versionNo: v.versionNo,
          supersedes: previous?.versionNo ?? null,
          changes: previous ? contentDiff(previous.content, v.content) : {},
        },
      });
      return toVersionDto(v, matter.code);
    });
    this.publicCatalog.invalidate();
    return out;
  }

  /** Stops new applications: the published version is withdrawn (cases already accepted keep it). */
  async withdraw(actor: RequestActor, matterId: string): Promise<MatterVersionDto> {
    const out = await this.dataSource.transaction(async (m) => {
      const matter = await m.findOne(MatterEntity, { where: { id: matterId }, lock: { mode: 'pessimistic_write' } });
      if (!matter) throw CatalogErrors.matterNotFound();
      const v = await m.findOneBy(MatterVersionEntity, { matterId, status: 'PUBLISHED' });
      if (!v) throw CatalogErrors.notPublished();
      const now = this.clock.now();
      Object.assign(v, { status: 'WITHDRAWN', endedAt: now, updatedAt: now });
      await m.save(v);
      await this.bumpRevision(m);
      await this.audit.record(m, actor, {
        action: 'catalog.matter_withdrawn',
        targetType: 'matter',
        targetId: matterId,
        summary: { code: matter.code, versionNo: v.versionNo },
      });
      return toVersionDto(v, matter.code);
    });
    this.publicCatalog.invalidate();
    return out;
  }

  /** A new draft from any version, e.g. the published one, to edit and publish as the next version. */
  async cloneToDraft(actor: RequestActor, versionId: string): Promise<MatterVersionDto> {
    return this.dataSource.transaction(async (m) => {
      const { v, matter } = await this.lockVersion(m, versionId, actor.principal!);
      if (await m.existsBy(MatterVersionEntity, { matterId: matter.id, status: 'DRAFT' }))
        throw CatalogErrors.draftExists();
      const [{ max }] = await m.query('SELECT max(version_no)::int AS max FROM matter_version WHERE matter_id = $1', [
        matter.id,
      ]);
      const now = this.clock.now();
      const draft = await m.save(
        m.create(MatterVersionEntity, {
          matterId: matter.id,
          versionNo: max + 1,
          status: 'DRAFT',
          content: v.content,
          publishedAt: null,
          publishedBy: null,
          endedAt: null,
          createdBy: actor.principal!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'catalog.draft_created',
        targetType: 'matter_version',
        targetId: draft.id,
        summary: { code: matter.code, from: v.versionNo, versionNo: draft.versionNo },
      });
      return toVersionDto(draft, matter.code);
    });
  }

  async list(principal: Principal, q: MatterQueryDto): Promise<Page<MatterSummaryDto>> {
    const departmentId = DepartmentScope.filter(principal, q.departmentId);
    const paging = Paging.of(q);
    const params: unknown[] = [];
    const where: string[] = [];
    if (departmentId) where.push(`m.department_id = $${params.push(departmentId)}`);
    if (q.q) {
      // As on the portal, pinyin initials find a matter by its published name (spjy → 食品经营许可).
      const byInitials = await this.publicCatalog.codesByInitials(q.q);
      where.push(
        `(m.code ILIKE $${params.push(`%${escapeLike(q.q)}%`)} OR lv.content->>'name' ILIKE $${params.length}
          OR m.code = ANY($${params.push(byInitials)}::text[]))`,
      );
    }
    if (q.handlingKind) where.push(`lv.content->>'handlingKind' = $${params.push(q.handlingKind)}`);
    if (q.state === 'PUBLISHED') where.push('pv.id IS NOT NULL');
    if (q.state === 'DRAFT') where.push('dv.id IS NOT NULL');
    if (q.state === 'UNPUBLISHED')
      where.push(
        `pv.id IS NULL AND NOT EXISTS (SELECT 1 FROM matter_version w WHERE w.matter_id = m.id AND w.status = 'WITHDRAWN')`,
      );
    if (q.state === 'WITHDRAWN')
      where.push(
        `pv.id IS NULL AND EXISTS (SELECT 1 FROM matter_version w WHERE w.matter_id = m.id AND w.status = 'WITHDRAWN')`,
      );
    const sql = `
      FROM matter m
      JOIN LATERAL (SELECT content FROM matter_version WHERE matter_id = m.id ORDER BY version_no DESC LIMIT 1) lv ON true
      LEFT JOIN matter_version pv ON pv.matter_id = m.id AND pv.status = 'PUBLISHED'
      LEFT JOIN matter_version dv ON dv.matter_id = m.id AND dv.status = 'DRAFT'
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows: {
      id: string;
      code: string;
      department_id: string;
      name: string;
      handling_kind: MatterSummaryDto['handlingKind'];
      pub: number | null;
      draft: string | null;
      withdrawn: boolean;
    }[] = await this.dataSource.query(
      `SELECT m.id, m.code, m.department_id, lv.content->>'name' AS name, lv.content->>'handlingKind' AS handling_kind, pv.version_no AS pub, dv.id AS draft,
                EXISTS (SELECT 1 FROM matter_version w WHERE w.matter_id = m.id AND w.status = 'WITHDRAWN') AND pv.id IS NULL AS withdrawn
         ${sql} ORDER BY m.code ${paging.sql(params)}`,
      params,
    );
    return paging.of(
      rows.map((r) => ({
        id: r.id,
        code: r.code,
        departmentId: r.department_id,
        name: r.name,
        handlingKind: r.handling_kind,
        publishedVersionNo: r.pub,
        draftVersionId: r.draft,
        withdrawn: r.withdrawn,
      })),
      total,
    );
  }

  async versions(principal: Principal, matterId: string): Promise<MatterVersionDto[]> {
    const matter = await this.dataSource.getRepository(MatterEntity).findOneBy({ id: matterId });
    if (!matter) throw CatalogErrors.matterNotFound();
    DepartmentScope.assert(principal, matter.departmentId);
    const vs = await this.dataSource
      .getRepository(MatterVersionEntity)
      .find({ where: { matterId }, order: { versionNo: 'DESC' } });
    return vs.map((v) => toVersionDto(v, matter.code));
  }

  /** Upload a blank form or sample for a material; drafts then refer to it by id. */
  async attach(actor: RequestActor, upload: UploadedBody): Promise<StoredFileDto> {
    return this.dataSource.transaction(async (m) => {
      const f = await this.files.store(m, MATTER_ATTACHMENT, upload, actor.principal!.id);
      await this.audit.record(m, actor, {
        action: 'catalog.attachment_uploaded',
        targetType: 'stored_file',
        targetId: f.id,
        summary: { fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 },
      });
      return toStoredFileDto(f);
    });
  }

  /** The shared publishing rules plus what only the server knows: that the attached files exist. */
  private async rules(m: EntityManager, c: MatterContent): Promise<FieldErrors> {
    const fields = checkMatterContent(c, await this.fees.facts(m, c.feeItemCodes));
    const refs = c.materials.flatMap((mat, i) =>
      (['blankForm', 'sample'] as const)
        .filter((k) => mat[k])
        .map((k) => ({ path: `materials.${i}.${k}`, id: mat[k]!.fileId })),
    );
    const found = new Set(
      (
        await this.files.describe(
          refs.map((r) => r.id),
          MATTER_ATTACHMENT.purpose,
          m,
        )
      ).map((f) => f.id),
    );
    for (const r of refs) if (!found.has(r.id)) (fields[r.path] ??= []).push('附件不存在，请重新上传');
    return fields;
  }

  private async nextMainItem(m: EntityManager, prefix: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT coalesce(max(substring(code, 3, 5)::int), 0) + 1 AS n FROM matter WHERE code LIKE $1`,
      [`${prefix}%`],
    );
    return Number(n);
  }

  private async bumpRevision(m: EntityManager) {
    await m.query('UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1');
  }

  private async readVersion(versionId: string, p: Principal) {
    const v = await this.dataSource.getRepository(MatterVersionEntity).findOneBy({ id: versionId });
    if (!v) throw CatalogErrors.versionNotFound();
    const matter = await this.dataSource.getRepository(MatterEntity).findOneByOrFail({ id: v.matterId });
    assertMatterScope(p, matter);
    return { v, matter };
  }

  private async lockVersion(m: EntityManager, versionId: string, p: Principal) {
    const v = await m.findOne(MatterVersionEntity, { where: { id: versionId }, lock: { mode: 'pessimistic_write' } });
    if (!v) throw CatalogErrors.versionNotFound();
    const matter = await m.findOneByOrFail(MatterEntity, { id: v.matterId });
    assertMatterScope(p, matter);
    return { v, matter };
  }
}

/** Department leads work on their own department's matters; center administrators on all. */
function assertMatterScope(p: Principal, matter: MatterEntity) {
  if (p.roles.includes(Role.CENTER_ADMIN)) return;
  if (!p.roles.includes(Role.DEPT_LEAD)) throw AuthErrors.forbiddenRole();
  DepartmentScope.assert(p, matter.departmentId);
}

/** Top-level elements that differ: `{ element: [before, after] }`, readable in the audit log. */
export function contentDiff(a: MatterContent, b: MatterContent): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MatterContent>) {
    if (!sameValue(a[k], b[k])) out[k] = [a[k] ?? null, b[k] ?? null];
  }
  return out;
}
