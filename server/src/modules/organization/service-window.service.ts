import { Injectable } from '@nestjs/common';
import type { ServiceWindowDto } from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { diffFields } from '../../platform/audit/audit-diff.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DepartmentService } from './department.service.js';
import type { CreateServiceWindowDto, UpdateServiceWindowDto } from './organization.dto.js';
import { OrgErrors } from './organization.exception.js';
import { ServiceWindowEntity } from './service-window.entity.js';

@Injectable()
export class ServiceWindowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async list(departmentId?: string): Promise<ServiceWindowDto[]> {
    const rows = await this.dataSource
      .getRepository(ServiceWindowEntity)
      .find({ where: departmentId ? { departmentId } : {}, order: { number: 'ASC' } });
    return rows.map(toWindowDto);
  }

  async require(m: EntityManager, id: string): Promise<ServiceWindowEntity> {
    const w = await m.findOneBy(ServiceWindowEntity, { id });
    if (!w) throw OrgErrors.windowNotFound();
    return w;
  }

  async create(actor: RequestActor, dto: CreateServiceWindowDto): Promise<ServiceWindowDto> {
    return this.dataSource.transaction(async (m) => {
      await this.departments.require(m, dto.departmentId);
      if (await m.existsBy(ServiceWindowEntity, { number: dto.number })) throw OrgErrors.windowNumberTaken();
      const now = this.clock.now();
      const w = await m.save(m.create(ServiceWindowEntity, { ...dto, active: true, createdAt: now, updatedAt: now }));
      const out = toWindowDto(w);
      await this.audit.record(m, actor, {
        action: 'org.window.created',
        targetType: 'service_window',
        targetId: w.id,
        summary: { after: out },
      });
      return out;
    });
  }

  async update(actor: RequestActor, id: string, dto: UpdateServiceWindowDto): Promise<ServiceWindowDto> {
    return this.dataSource.transaction(async (m) => {
      const w = await m.findOne(ServiceWindowEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!w) throw OrgErrors.windowNotFound();
      if (dto.departmentId) await this.departments.require(m, dto.departmentId);
      const changes = diffFields(w, dto, ['name', 'departmentId', 'kind', 'active']);
      Object.assign(w, dto, { updatedAt: this.clock.now() });
      await m.save(w);
      await this.audit.record(m, actor, {
        action: 'org.window.updated',
        targetType: 'service_window',
        targetId: id,
        summary: { changes },
      });
      return toWindowDto(w);
    });
  }
}

export function toWindowDto(w: ServiceWindowEntity): ServiceWindowDto {
  return { id: w.id, number: w.number, name: w.name, departmentId: w.departmentId, kind: w.kind, active: w.active };
}
