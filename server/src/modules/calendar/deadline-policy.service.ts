import { Injectable } from '@nestjs/common';
import {
  type DecideDeadlinePolicyRequest,
  type DeadlinePolicyDto,
  POLICY_STATE_LABELS,
  type ProposeDeadlinePolicyRequest,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import {
  APPLY_POLICY_SQL,
  FLOOR_WARNINGS_SQL,
  RECOMPUTE_CLOCKS_SQL,
  RECOMPUTE_HOUR_WARNINGS_SQL,
} from './calendar-sql.js';
import { DeadlinePolicyEntity } from './calendar.entities.js';
import { CalendarErrors } from './calendar.exception.js';

/**
 * The warning policy (the card policy's YELLOW thresholds per clock kind), versioned. CENTER_ADMIN proposes;
 * a SUPERVISOR who did not propose it signs it off, and in that same transaction it comes into force and
 * every open clock's warning time is recomputed under it; or the supervisor rejects it. Each clock records
 * the version it runs under.
 */
@Injectable()
export class DeadlinePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** A version's thresholds never change once written, so each is read from the database once. */
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

  /** CENTER_ADMIN proposes a version; nothing changes until a supervisor signs it off. */
  propose(actor: RequestActor, dto: ProposeDeadlinePolicyRequest): Promise<DeadlinePolicyDto> {
    return this.dataSource.transaction(async (m) => {
      const waiting = await m.findOne(DeadlinePolicyEntity, {
        where: { state: 'PROPOSED' },
        lock: { mode: 'pessimistic_write' },
      });
      if (waiting) throw CalendarErrors.policyPending(waiting.version);
      const p = await m.save(
        m.create(DeadlinePolicyEntity, {
          state: 'PROPOSED',
          usedPercent: dto.usedPercent,
          minLeft: dto.minLeft,
          byKind: dto.byKind ?? {},
          note: dto.note.trim(),
          createdBy: actor.principal?.id ?? null,
          createdByName: actor.principal?.name ?? null,
          createdAt: this.clock.now(),
        }),
      );
      await this.audit.record(m, actor, {
        action: 'calendar.policy_proposed',
        targetType: 'deadline_policy',
        targetId: String(p.version),
        summary: { usedPercent: p.usedPercent, minLeft: p.minLeft, byKind: p.byKind, note: p.note },
      });
      return toPolicyDto(p);
    });
  }

  /**
   * A supervisor signs a proposal off (it replaces the version in force, and open clocks move onto it) or
   * rejects it, with a note either way.
   */
  decide(actor: RequestActor, version: number, dto: DecideDeadlinePolicyRequest): Promise<DeadlinePolicyDto> {
    return this.dataSource.transaction(async (m) => {
      const p = await m.findOne(DeadlinePolicyEntity, { where: { version }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw CalendarErrors.policyNotFound(version);
      if (p.state !== 'PROPOSED') throw CalendarErrors.policyState(version, POLICY_STATE_LABELS[p.state]);
      if (p.createdBy && p.createdBy === actor.principal?.id) throw CalendarErrors.policySelfSignOff();
      const now = this.clock.now();
      const decided = {
        decidedBy: actor.principal?.id ?? null,
        decidedByName: actor.principal?.name ?? null,
        decidedAt: now,
        decisionNote: dto.note.trim(),
      };
      if (!dto.approve) {
        await m.update(DeadlinePolicyEntity, version, { state: 'REJECTED', ...decided });
        await this.audit.record(m, actor, {
          action: 'calendar.policy_rejected',
          targetType: 'deadline_policy',
          targetId: String(version),
          summary: { note: decided.decisionNote },
        });
      } else {
        const before = await m.findOneByOrFail(DeadlinePolicyEntity, { state: 'IN_FORCE' });
        await m.update(DeadlinePolicyEntity, before.version, { state: 'SUPERSEDED' });
        const clocksRecomputed = await this.applyToOpenClocks(m, version, now);
        await m.update(DeadlinePolicyEntity, version, { state: 'IN_FORCE', ...decided, clocksRecomputed });
        await this.audit.record(m, actor, {
          action: 'calendar.policy_signed_off',
          targetType: 'deadline_policy',
          targetId: String(version),
          summary: { replaces: before.version, clocksRecomputed, note: decided.decisionNote },
        });
      }
      return toPolicyDto(await m.findOneByOrFail(DeadlinePolicyEntity, { version }));
    });
  }

  /** Set-based: open clocks take the new allowance, running ones their new warning time. Returns how many moved. */
  private async applyToOpenClocks(m: EntityManager, version: number, now: Date): Promise<number> {
    const [, moved] = await m.query(APPLY_POLICY_SQL, [version]);
    await m.query(RECOMPUTE_CLOCKS_SQL);
    await m.query(RECOMPUTE_HOUR_WARNINGS_SQL);
    await m.query(FLOOR_WARNINGS_SQL, [version, now]);
    return Number(moved);
  }
}

export function toPolicyDto(p: DeadlinePolicyEntity): DeadlinePolicyDto {
  return {
    version: p.version,
    state: p.state,
    usedPercent: p.usedPercent,
    minLeft: p.minLeft,
    byKind: p.byKind ?? {},
    note: p.note,
    proposedBy: p.createdBy,
    proposedByName: p.createdByName,
    createdAt: p.createdAt.toISOString(),
    decidedByName: p.decidedByName,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionNote: p.decisionNote,
    clocksRecomputed: p.clocksRecomputed,
  };
}
