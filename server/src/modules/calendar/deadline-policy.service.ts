import { Injectable } from '@nestjs/common';
import type { DeadlinePolicyDto, UpdateDeadlinePolicyRequest } from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DeadlinePolicyEntity } from './calendar.entities.js';

/** The warning policy, versioned: each clock records the version it was started under. */
@Injectable()
export class DeadlinePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** Policy versions never change once written, so each is read from the database once. */
  private readonly versions = new Map<number, DeadlinePolicyEntity>();

  async version(m: EntityManager, version: number): Promise<DeadlinePolicyEntity> {
    let p = this.versions.get(version);
    if (!p) {
      p = await m.findOneByOrFail(DeadlinePolicyEntity, { version });
      this.versions.set(version, p);
    }
    return p;
  }

  async history(): Promise<DeadlinePolicyDto[]> {
    const rows = await this.dataSource.getRepository(DeadlinePolicyEntity).find({ order: { version: 'DESC' } });
    return rows.map(toPolicyDto);
  }

  /** A new version for clocks started from now on. */
  async publish(actor: RequestActor, dto: UpdateDeadlinePolicyRequest): Promise<DeadlinePolicyDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await m.save(
        m.create(DeadlinePolicyEntity, { usedPercent: dto.usedPercent, minLeft: dto.minLeft, note: dto.note ?? null, createdBy: actor.principal?.id ?? null, createdAt: this.clock.now() }),
      );
      await this.audit.record(m, actor, { action: 'calendar.policy_published', targetType: 'deadline_policy', targetId: String(p.version), summary: { usedPercent: p.usedPercent, minLeft: p.minLeft, note: p.note } });
      return toPolicyDto(p);
    });
  }
}

export function toPolicyDto(p: DeadlinePolicyEntity): DeadlinePolicyDto {
  return { version: p.version, usedPercent: p.usedPercent, minLeft: p.minLeft, note: p.note, createdAt: p.createdAt.toISOString() };
}
