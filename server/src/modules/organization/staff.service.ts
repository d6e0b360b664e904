import { Injectable } from '@nestjs/common';
import { type Page, type Principal, PrincipalKind, Role, type StaffDto, WindowKind } from '@onewindow/shared';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import { diffFields } from '../../platform/audit/audit-diff.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { AuthService, type CredentialSummary } from '../../platform/auth/auth.service.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { escapeLike } from '../../platform/database/escape-like.js';
import { DepartmentService } from './department.service.js';
import type { CreateStaffDto, StaffQueryDto, UpdateStaffDto } from './organization.dto.js';
import { OrgErrors } from './organization.exception.js';
import { ServiceWindowService } from './service-window.service.js';
import { StaffEntity } from './staff.entity.js';
import { Paging } from '../../platform/http/paging.js';

@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentService,
    private readonly windows: ServiceWindowService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** Center-wide roles see everyone; others only their own department. */
  async list(principal: Principal, q: StaffQueryDto): Promise<Page<StaffDto>> {
    const departmentId = DepartmentScope.filter(principal, q.departmentId);
    const paging = Paging.of(q);
    const qb = this.dataSource.getRepository(StaffEntity).createQueryBuilder('s');
    if (departmentId) qb.andWhere('s.department_id = :departmentId', { departmentId });
    if (q.q) {
      const byLogin = await this.auth.principalIdsByLoginPrefix(PrincipalKind.STAFF, q.q);
      qb.andWhere(
        new Brackets((w) => {
          w.where('s.name LIKE :name', { name: `%${escapeLike(q.q!)}%` });
          if (byLogin.length) w.orWhere('s.id IN (:...byLogin)', { byLogin });
        }),
      );
    }
    const { skip, take } = paging.skipTake;
    const [rows, total] = await qb.orderBy('s.name', 'ASC').skip(skip).take(take).getManyAndCount();
    return paging.of(await this.toDtos(rows), total);
  }

  async get(principal: Principal, id: string): Promise<StaffDto> {
    const s = await this.dataSource.getRepository(StaffEntity).findOneBy({ id });
    if (!s) throw OrgErrors.staffNotFound();
    DepartmentScope.assert(principal, s.departmentId);
    return (await this.toDtos([s]))[0];
  }

  async create(actor: RequestActor, dto: CreateStaffDto): Promise<StaffDto> {
    const created = await this.dataSource.transaction(async (m) => {
      await this.checkPlacement(m, null, dto.departmentId, dto.windowId ?? null, dto.backupStaffId ?? null);
      const now = this.clock.now();
      const s = await m.save(
        m.create(StaffEntity, {
          name: dto.name,
          departmentId: dto.departmentId,
          windowId: dto.windowId ?? null,
          roles: dto.roles,
          backupStaffId: dto.backupStaffId ?? null,
          away: false,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.auth.createCredential(m, PrincipalKind.STAFF, s.id, dto.login, dto.password);
      await this.audit.record(m, actor, {
        action: 'org.staff.created',
        targetType: 'staff',
        targetId: s.id,
        summary: {
          after: {
            login: dto.login.toLowerCase(),
            name: s.name,
            departmentId: s.departmentId,
            windowId: s.windowId,
            roles: s.roles,
            backupStaffId: s.backupStaffId,
          },
        },
      });
      return s;
    });
    return (await this.toDtos([created]))[0];
  }

  async update(actor: RequestActor, id: string, dto: UpdateStaffDto): Promise<StaffDto> {
    const updated = await this.dataSource.transaction(async (m) => {
      const s = await this.lock(m, id);
      const departmentId = dto.departmentId ?? s.departmentId;
      const windowId = dto.windowId === undefined ? s.windowId : dto.windowId;
      const backupStaffId = dto.backupStaffId === undefined ? s.backupStaffId : dto.backupStaffId;
      await this.checkPlacement(m, s.id, departmentId, windowId, backupStaffId);
      const changes = diffFields(s, dto, ['name', 'departmentId', 'windowId', 'roles', 'backupStaffId', 'active']);
      Object.assign(s, dto, { updatedAt: this.clock.now() });
      await m.save(s);
      // Access tokens carry roles and department: end sessions so the change applies at once.
      if (changes.roles || changes.departmentId || changes.windowId || changes.active) {
        await this.auth.endSessions(m, PrincipalKind.STAFF, s.id, 'STAFF_CHANGED');
      }
      await this.audit.record(m, actor, {
        action: 'org.staff.updated',
        targetType: 'staff',
        targetId: id,
        summary: { changes },
      });
      return s;
    });
    return (await this.toDtos([updated]))[0];
  }

  /** The person themself, their department lead, or a center administrator. */
  async setAway(actor: RequestActor, id: string, away: boolean): Promise<StaffDto> {
    const p = actor.principal!;
    const updated = await this.dataSource.transaction(async (m) => {
      const s = await this.lock(m, id);
      const self = p.kind === PrincipalKind.STAFF && p.id === s.id;
      const lead = p.roles.includes(Role.DEPT_LEAD) && p.departmentId === s.departmentId;
      if (!self && !lead && !p.roles.includes(Role.CENTER_ADMIN)) {
        if (!DepartmentScope.allows(p, s.departmentId)) throw AuthErrors.departmentScope();
        throw AuthErrors.forbiddenRole();
      }
      if (s.away !== away) {
        s.away = away;
        s.updatedAt = this.clock.now();
        await m.save(s);
        await this.audit.record(m, actor, {
          action: away ? 'org.staff.away' : 'org.staff.back',
          targetType: 'staff',
          targetId: id,
          summary: { backupStaffId: s.backupStaffId },
        });
      }
      return s;
    });
    return (await this.toDtos([updated]))[0];
  }

  async resetPassword(actor: RequestActor, id: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.lock(m, id);
      await this.auth.resetPassword(m, PrincipalKind.STAFF, id, newPassword);
      await this.audit.record(m, actor, {
        action: 'org.staff.password_reset',
        targetType: 'staff',
        targetId: id,
        summary: {},
      });
    });
  }

  /** Registered with the auth platform: who a staff credential belongs to, or null when inactive. */
  async resolvePrincipal(id: string, m: EntityManager): Promise<Principal | null> {
    const s = await m.findOneBy(StaffEntity, { id, active: true });
    if (!s) return null;
    return {
      id: s.id,
      kind: PrincipalKind.STAFF,
      name: s.name,
      roles: s.roles,
      departmentId: s.departmentId,
      windowId: s.windowId,
    };
  }

  /** AB-post facts of colleagues (name, away, backup), for modules that assign work. */
  async placements(
    m: EntityManager,
    ids: string[],
  ): Promise<Map<string, { id: string; name: string; away: boolean; backupStaffId: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await m.find(StaffEntity, { where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((s) => [s.id, { id: s.id, name: s.name, away: s.away, backupStaffId: s.backupStaffId }]));
  }

  private async lock(m: EntityManager, id: string): Promise<StaffEntity> {
    const s = await m.findOne(StaffEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw OrgErrors.staffNotFound();
    return s;
  }

  /** The department exists; a department window belongs to it; the AB-post backup is another active colleague. */
  private async checkPlacement(
    m: EntityManager,
    selfId: string | null,
    departmentId: string,
    windowId: string | null,
    backupId: string | null,
  ) {
    await this.departments.require(m, departmentId);
    if (windowId) {
      const w = await this.windows.require(m, windowId);
      if (w.kind === WindowKind.DEPARTMENT && w.departmentId !== departmentId)
        throw OrgErrors.windowDepartmentMismatch();
    }
    if (backupId) {
      if (backupId === selfId) throw OrgErrors.backupInvalid('不能设置本人为 B 角');
      const b = await m.findOneBy(StaffEntity, { id: backupId });
      if (!b) throw OrgErrors.backupInvalid('B 角人员不存在');
      if (!b.active) throw OrgErrors.backupInvalid('B 角人员已停用');
      if (b.departmentId !== departmentId) throw OrgErrors.backupInvalid('B 角须为本部门人员');
    }
  }

  private async toDtos(rows: StaffEntity[]): Promise<StaffDto[]> {
    const creds = await this.auth.credentialSummaries(
      PrincipalKind.STAFF,
      rows.map((r) => r.id),
    );
    const backupIds = [...new Set(rows.map((r) => r.backupStaffId).filter((id): id is string => !!id))];
    const backups = backupIds.length
      ? await this.dataSource.getRepository(StaffEntity).findBy({ id: In(backupIds) })
      : [];
    const nameOf = new Map(backups.map((b) => [b.id, b.name]));
    return rows.map((s) =>
      toStaffDto(s, creds.get(s.id), s.backupStaffId ? (nameOf.get(s.backupStaffId) ?? null) : null),
    );
  }
}

function toStaffDto(s: StaffEntity, cred: CredentialSummary | undefined, backupStaffName: string | null): StaffDto {
  return {
    id: s.id,
    login: cred?.login ?? '',
    name: s.name,
    departmentId: s.departmentId,
    windowId: s.windowId,
    roles: s.roles,
    backupStaffId: s.backupStaffId,
    backupStaffName,
    away: s.away,
    active: s.active,
    locked: cred?.locked ?? false,
  };
}
