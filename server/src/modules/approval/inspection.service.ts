import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ArrangeInspectionRequest,
  dateOfDay,
  PrincipalKind,
  type RecordFindingsRequest,
  Role,
  shanghaiDay,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CaseAccess, CaseLedger, CaseProcedureService } from '../acceptance/acceptance.module.js';
import { DepartmentService } from '../organization/organization.module.js';
import { CaseInspectionEntity, CaseInspectionPartEntity, CaseSubtaskEntity } from './approval.entities.js';
import { ApprovalErrors } from './approval.exception.js';

/**
 * 联合踏勘 (DOMAIN.md §4): the lead's APPROVER arranges one site inspection for the departments taking part; it is
 * a special procedure (Art. 45), so the case's clocks (its own and every open sub-task's) pause from the day it is
 * arranged; each department records its findings; when the last are in, the clocks run again, all together.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly procedures: CaseProcedureService,
    private readonly departments: DepartmentService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  arrange(actor: RequestActor, caseId: string, dto: ArrangeInspectionRequest): Promise<void> {
    return this.ledger.change(caseId, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      const today = dateOfDay(shanghaiDay(this.clock.now()));
      if (dto.date < today) throw ApprovalErrors.inspectionInPast(today);
      const taking = [...new Set(dto.departmentIds)];
      const coDepartments = new Set((await m.findBy(CaseSubtaskEntity, { caseId: c.id })).map((s) => s.departmentId));
      const outside = taking.filter((d) => d !== c.departmentId && !coDepartments.has(d));
      if (outside.length) throw ApprovalErrors.inspectionDepartments('只能邀请牵头部门和本件的协办部门');
      if (taking.length < 2) throw ApprovalErrors.inspectionDepartments('联合踏勘至少需要两个部门参加');
      const names: string[] = [];
      for (const d of taking) names.push((await this.departments.require(m, d)).name);
      const id = randomUUID();
      const now = this.clock.now();
      await m.insert(CaseInspectionEntity, {
        id,
        caseId: c.id,
        date: dto.date,
        notice: dto.notice.trim(),
        state: 'ARRANGED',
        arrangedBy: actor.principal!.id,
        arrangedAt: now,
        completedAt: null,
      });
      await m.insert(
        CaseInspectionPartEntity,
        taking.map((departmentId) => ({
          inspectionId: id,
          departmentId,
          findings: null,
          recordedBy: null,
          recordedAt: null,
        })),
      );
      await this.procedures.suspendIn(m, c, actor, {
        kind: 'JOINT_INSPECTION',
        expectedDays: dto.expectedDays,
        notice: `联合踏勘定于 ${dto.date} 进行，参加部门：${names.join('、')}。${dto.notice.trim()}`,
      });
      await this.audit.record(m, actor, {
        action: 'inspection.arranged',
        targetType: 'case_inspection',
        targetId: id,
        summary: { caseId: c.id, date: dto.date, departments: taking },
      });
    });
  }

  /** A department taking part records its findings; the last to do so ends the procedure and the clocks run again. */
  async record(actor: RequestActor, inspectionId: string, dto: RecordFindingsRequest): Promise<string> {
    const found = await this.dataSource.manager.findOneBy(CaseInspectionEntity, { id: inspectionId });
    if (!found) throw ApprovalErrors.inspectionNotFound();
    return this.ledger.change(found.caseId, async (m, c) => {
      const p = actor.principal;
      if (
        p?.kind !== PrincipalKind.STAFF ||
        !p.roles.some((r) => r === Role.CLERK || r === Role.APPROVER || r === Role.DEPT_LEAD)
      )
        throw AuthErrors.forbiddenRole();
      const inspection = await m.findOneOrFail(CaseInspectionEntity, {
        where: { id: inspectionId },
        lock: { mode: 'pessimistic_write' },
      });
      const parts = await m.findBy(CaseInspectionPartEntity, { inspectionId });
      const mine = parts.find((x) => x.departmentId === p.departmentId);
      if (!mine) throw AuthErrors.departmentScope();
      if (inspection.state !== 'ARRANGED' || mine.recordedAt) throw ApprovalErrors.inspectionState();
      const now = this.clock.now();
      Object.assign(mine, { findings: dto.findings.trim(), recordedBy: p.id, recordedAt: now });
      await m.save(mine);
      await this.audit.record(m, actor, {
        action: 'inspection.findings',
        targetType: 'case_inspection',
        targetId: inspectionId,
        summary: { caseId: c.id, departmentId: mine.departmentId, findings: mine.findings },
      });
      if (parts.every((x) => x.recordedAt)) {
        Object.assign(inspection, { state: 'DONE', completedAt: now });
        await m.save(inspection);
        if (c.state === 'SUSPENDED')
          await this.procedures.resumeIn(m, c, actor, '联合踏勘各部门意见已全部提交，恢复计时');
      }
      return c.id;
    });
  }
}
