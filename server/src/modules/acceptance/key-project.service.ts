import { Injectable } from '@nestjs/common';
import { type KeyProjectDto, type MarkKeyProjectRequest, maskIdNumber } from '@onewindow/shared';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { CaseEntity, KeyProjectEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

/**
 * 绿色通道: CENTER_ADMIN marks an applicant's project as a key project (重点项目) and may revoke it, each with a
 * reason and audited. Acceptance asks `match` which key project a case belongs to: the same project code and the
 * same applicant ID, still in force. What a case was accepted under stays fixed; revoking affects later acceptances.
 */
@Injectable()
export class KeyProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: PlatformClock,
  ) {}

  /** Every key project, those in force first, with how many cases were accepted under each. */
  async list(): Promise<KeyProjectDto[]> {
    const m = this.dataSource.manager;
    const rows = await m.find(KeyProjectEntity, { order: { markedAt: 'DESC' } });
    const counts: { id: string; n: number }[] = await m.query(
      `SELECT key_project_id AS id, count(*)::int AS n FROM service_case WHERE key_project_id IS NOT NULL GROUP BY 1`,
    );
    const byId = new Map(counts.map((r) => [r.id, r.n]));
    return rows
      .sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt))
      .map((kp) => this.toDto(kp, byId.get(kp.id) ?? 0));
  }

  mark(actor: RequestActor, dto: MarkKeyProjectRequest): Promise<KeyProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const projectCode = dto.projectCode.trim();
      if (await m.exists(KeyProjectEntity, { where: { projectCode, revokedAt: IsNull() } }))
        throw CaseErrors.keyProjectExists(projectCode);
      const id = dto.idNumber.trim().toUpperCase();
      const now = this.clock.now();
      const kp = await m.save(
        m.create(KeyProjectEntity, {
          projectCode,
          projectName: dto.projectName.trim(),
          applicantName: dto.applicantName.trim(),
          applicantIdNumber: this.cipher.encrypt(id),
          applicantIdHash: this.cipher.lookupHash(id),
          reason: dto.reason.trim(),
          markedBy: actor.principal!.id,
          markedByName: actor.principal!.name,
          markedAt: now,
          revokedAt: null,
          revokedByName: null,
          revokeReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'key_project.marked',
        targetType: 'key_project',
        targetId: kp.id,
        summary: { projectCode, projectName: kp.projectName, reason: kp.reason },
      });
      return this.toDto(kp, 0);
    });
  }

  revoke(actor: RequestActor, id: string, reason: string): Promise<KeyProjectDto> {
    return this.dataSource.transaction(async (m) => {
      const kp = await m.findOne(KeyProjectEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!kp) throw CaseErrors.keyProjectNotFound();
      if (kp.revokedAt) throw CaseErrors.keyProjectRevoked();
      Object.assign(kp, {
        revokedAt: this.clock.now(),
        revokedByName: actor.principal!.name,
        revokeReason: reason.trim(),
        updatedAt: this.clock.now(),
      });
      await m.save(kp);
      await this.audit.record(m, actor, {
        action: 'key_project.revoked',
        targetType: 'key_project',
        targetId: kp.id,
        summary: { projectCode: kp.projectCode, reason: kp.revokeReason },
      });
      return this.toDto(kp, await m.countBy(CaseEntity, { keyProjectId: kp.id }));
    });
  }

  /** The key project in force that the case belongs to (its project code and its applicant's ID), if any. */
  async match(m: EntityManager, c: CaseEntity): Promise<KeyProjectEntity | null> {
    if (!c.projectCode || !c.applicantIdNumber) return null;
    const hash = this.cipher.lookupHash(this.cipher.decrypt(c.applicantIdNumber));
    return m.findOne(KeyProjectEntity, {
      where: { projectCode: c.projectCode, applicantIdHash: hash, revokedAt: IsNull() },
    });
  }

  private toDto(kp: KeyProjectEntity, caseCount: number): KeyProjectDto {
    return {
      id: kp.id,
      projectCode: kp.projectCode,
      projectName: kp.projectName,
      applicantName: kp.applicantName,
      applicantIdMasked: maskIdNumber(this.cipher.decrypt(kp.applicantIdNumber)),
      reason: kp.reason,
      markedByName: kp.markedByName,
      markedAt: kp.markedAt.toISOString(),
      revokedAt: kp.revokedAt?.toISOString() ?? null,
      revokedByName: kp.revokedByName,
      revokeReason: kp.revokeReason,
      caseCount,
    };
  }
}
