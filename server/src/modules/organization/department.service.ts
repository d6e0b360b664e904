import { Injectable } from '@nestjs/common';
import type { DepartmentDto } from '@onewindow/shared';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { diffFields } from '../../platform/audit/audit-diff.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { EntityRows } from '../../platform/database/entity-rows.js';
import { DepartmentEntity } from './department.entity.js';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './organization.dto.js';
import { OrgErrors } from './organization.exception.js';

/** Departments already read by each open transaction. */
const readInTransaction = new WeakMap<QueryRunner, Map<string, DepartmentEntity>>();

@Injectable()
export class DepartmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async list(): Promise<DepartmentDto[]> {
    const rows = await this.dataSource
      .getRepository(DepartmentEntity)
      .find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toDepartmentDto);
  }

  /** Whether the center has this department (a reference another module is about to store). */
  exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(DepartmentEntity).existsBy({ id });
  }

  /** A department read with `OrganizationSql.departmentJson` in `m`'s transaction: `require` then answers without a query. */
  prime(m: EntityManager, row: Record<string, unknown> | null): void {
    const qr = m.queryRunner;
    if (!row || !qr?.isTransactionActive) return;
    const d = EntityRows.entity(m, DepartmentEntity, row);
    readInTransaction.set(qr, (readInTransaction.get(qr) ?? new Map()).set(d.id, d));
  }

  /** For other services, inside their transaction; a transaction reads each department once. */
  async require(m: EntityManager, id: string): Promise<DepartmentEntity> {
    const memo = m.queryRunner?.isTransactionActive ? readInTransaction.get(m.queryRunner) : undefined;
    const seen = memo?.get(id);
    if (seen) return seen;
    const d = await m.findOneBy(DepartmentEntity, { id });
    if (!d) throw OrgErrors.departmentNotFound();
    if (m.queryRunner?.isTransactionActive) readInTransaction.set(m.queryRunner, (memo ?? new Map()).set(id, d));
    return d;
  }

  async create(actor: RequestActor, dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (m) => {
      const creditCode = dto.creditCode.toUpperCase();
      if (await m.existsBy(DepartmentEntity, { code: dto.code })) throw OrgErrors.departmentCodeTaken();
      if (await m.existsBy(DepartmentEntity, { creditCode })) throw OrgErrors.creditCodeTaken();
      if (dto.parentId) await this.require(m, dto.parentId);
      const now = this.clock.now();
      const d = await m.save(
        m.create(DepartmentEntity, {
          code: dto.code,
          name: dto.name,
          shortName: dto.shortName,
          creditCode,
          parentId: dto.parentId ?? null,
          sortOrder: dto.sortOrder ?? 0,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const out = toDepartmentDto(d);
      await this.audit.record(m, actor, {
        action: 'org.department.created',
        targetType: 'department',
        targetId: d.id,
        summary: { after: out },
      });
      return out;
    });
  }

  async update(actor: RequestActor, id: string, dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (m) => {
      const d = await m.findOne(DepartmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw OrgErrors.departmentNotFound();
      const patch = { ...dto, ...(dto.creditCode ? { creditCode: dto.creditCode.toUpperCase() } : {}) };
      if (
        patch.creditCode &&
        patch.creditCode !== d.creditCode &&
        (await m.existsBy(DepartmentEntity, { creditCode: patch.creditCode }))
      ) {
        throw OrgErrors.creditCodeTaken();
      }
      if (patch.parentId) await this.assertNoCycle(m, id, patch.parentId);
      const changes = diffFields(d, patch, ['name', 'shortName', 'creditCode', 'parentId', 'sortOrder', 'active']);
      Object.assign(d, patch, { updatedAt: this.clock.now() });
      await m.save(d);
      await this.audit.record(m, actor, {
        action: 'org.department.updated',
        targetType: 'department',
        targetId: id,
        summary: { changes },
      });
      return toDepartmentDto(d);
    });
  }

  /** The new parent must exist and must not be the department itself or one below it. */
  private async assertNoCycle(m: EntityManager, id: string, parentId: string) {
    let cursor: string | null = parentId;
    for (let depth = 0; cursor; depth++) {
      if (cursor === id || depth > 50) throw OrgErrors.parentCycle();
      const p: DepartmentEntity = await this.require(m, cursor);
      cursor = p.parentId;
    }
  }
}

export function toDepartmentDto(d: DepartmentEntity): DepartmentDto {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    creditCode: d.creditCode,
    parentId: d.parentId,
    sortOrder: d.sortOrder,
    active: d.active,
  };
}
