import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CreateUrgeRequest,
  isTerminalCase,
  type Principal,
  type UrgeDto,
  type UrgeState,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { AcceptanceSql, CaseQueryService } from '../acceptance/acceptance.module.js';
import { CalendarSql, ClockService } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { UrgeEntity } from './supervision.entities.js';
import { SupervisionErrors } from './supervision.exception.js';
import { SupervisionEvents } from './supervision-events.js';

const URGE_SELECT = `
  SELECT u.*, sc.case_no, sc.matter_name, d.name AS department_name, c.due_at
  FROM supervision_urge u JOIN ${AcceptanceSql.case('sc')} ON sc.id = u.case_id
  JOIN ${OrganizationSql.department('d')} ON d.id = u.department_id JOIN ${CalendarSql.clock('c')} ON c.id = u.clock_id`;

/** 督办: a supervisor urges a department on a case with a deadline of its own; the department replies. */
/** An urge as URGE_SELECT reads it. */
interface UrgeRow {
  id: string;
  case_id: string;
  case_no: string | null;
  matter_name: string;
  department_id: string;
  department_name: string;
  message: string;
  urged_by_name: string;
  urged_at: Date | string;
  due_at: Date | string;
  state: UrgeState;
  reply: string | null;
  replied_by_name: string | null;
  replied_at: Date | string | null;
}

@Injectable()
export class UrgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly clocks: ClockService,
    private readonly cases: CaseQueryService,
    private readonly events: SupervisionEvents,
  ) {}

  async create(actor: RequestActor, dto: CreateUrgeRequest): Promise<UrgeDto> {
    const p = actor.principal!;
    const c = await this.cases.get(p, dto.caseId);
    if (isTerminalCase(c.state) || c.state === 'DRAFT') throw SupervisionErrors.caseNotOpen();
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const clock = await this.clocks.start(
        actor,
        {
          subjectKind: 'URGE',
          subjectId: id,
          departmentId: c.departmentId,
          limit: { value: dto.days, unit: 'WORKING_DAY' },
        },
        m,
      );
      await m.insert(UrgeEntity, {
        id,
        caseId: c.id,
        departmentId: c.departmentId,
        clockId: clock.id,
        message: dto.message.trim(),
        urgedBy: p.id,
        urgedByName: p.name,
        urgedAt: this.clock.now(),
        state: 'OPEN',
      });
      await this.audit.record(m, actor, {
        action: 'supervision.urged',
        targetType: 'supervision_urge',
        targetId: id,
        summary: { caseId: c.id, caseNo: c.caseNo, days: dto.days, message: dto.message.trim() },
      });
    });
    await this.events.publish({ type: 'urge', id });
    return this.get(id);
  }

  async reply(actor: RequestActor, id: string, reply: string): Promise<UrgeDto> {
    const p = actor.principal!;
    await this.dataSource.transaction(async (m) => {
      const u = await m.findOne(UrgeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!u) throw SupervisionErrors.urgeNotFound();
      DepartmentScope.assert(p, u.departmentId);
      if (u.state !== 'OPEN') throw SupervisionErrors.urgeAnswered();
      await this.clocks.stop(actor, u.clockId, 'ANSWERED', m);
      await m.update(UrgeEntity, id, {
        state: 'ANSWERED',
        reply: reply.trim(),
        repliedBy: p.id,
        repliedByName: p.name,
        repliedAt: this.clock.now(),
      });
      await this.audit.record(m, actor, {
        action: 'supervision.urge_replied',
        targetType: 'supervision_urge',
        targetId: id,
        summary: { reply: reply.trim() },
      });
    });
    await this.events.publish({ type: 'urge', id });
    return this.get(id);
  }

  async list(p: Principal, open?: boolean): Promise<UrgeDto[]> {
    const dept = DepartmentScope.filter(p, undefined);
    const params: unknown[] = [];
    const where = [dept ? `u.department_id = $${params.push(dept)}` : null, open ? `u.state = 'OPEN'` : null].filter(
      Boolean,
    );
    const rows = await this.dataSource.query<UrgeRow[]>(
      `${URGE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.urged_at DESC LIMIT 200`,
      params,
    );
    return rows.map((r) => this.toDto(r));
  }

  async get(id: string): Promise<UrgeDto> {
    const [row] = await this.dataSource.query<UrgeRow[]>(`${URGE_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw SupervisionErrors.urgeNotFound();
    return this.toDto(row);
  }

  private toDto(r: UrgeRow): UrgeDto {
    const dueAt = new Date(r.due_at);
    return {
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      matterName: r.matter_name,
      departmentId: r.department_id,
      departmentName: r.department_name,
      message: r.message,
      urgedByName: r.urged_by_name,
      urgedAt: new Date(r.urged_at).toISOString(),
      dueAt: dueAt.toISOString(),
      state: r.state,
      overdue: r.state === 'OPEN' && dueAt <= this.clock.now(),
      reply: r.reply,
      repliedByName: r.replied_by_name,
      repliedAt: isoOrNull(r.replied_at),
    };
  }
}
