import { Injectable } from '@nestjs/common';
import type { CaseAction, CaseQueue, MatterContent, PauseClockRequest } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import type { CaseEntity } from './case.entities.js';

/**
 * What a module above acceptance plugs into the case (approval's review and decision tasks and its parallel
 * sub-tasks), so that acceptance never imports it. Hooks run inside the case's own transaction, on the locked case;
 * SQL that the case reads names the extension's tables only through the extension.
 */
export interface CaseExtension {
  /** In the acceptance's transaction, after the CASE clock has started (not for 即办件, which conclude at once). */
  accepted?(
    m: EntityManager,
    c: CaseEntity,
    actor: RequestActor,
    deemed: boolean,
    content: MatterContent,
  ): Promise<void>;
  /**
   * Before a case concludes with its result (delivery, a 即办件 concluded on the spot), in that transaction: throw to
   * refuse (fees: a case with unpaid fees cannot be delivered or completed).
   */
  concluding?(m: EntityManager, c: CaseEntity): Promise<void>;
  /**
   * After any step is recorded, in its transaction, with the case in its new state (evaluation: the service a
   * window's clerk has just ended, for the window's rating terminal to ask about).
   */
  stepped?(m: EntityManager, c: CaseEntity, action: CaseAction, actor: RequestActor): Promise<void>;
  /**
   * After anyone acted on the locked case (a step, a co-department's opinion), in that transaction; `previousAt` is
   * when the case's step before the act was recorded (integration: a department's system that says it acted before
   * that, or long before the act arrived, is carded for 体外循环 with the act).
   */
  acted?(m: EntityManager, c: CaseEntity, actor: RequestActor, previousAt: Date | null): Promise<void>;
  /** In the withdrawal's transaction: close the work still open on the case. */
  withdrawn?(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void>;
  /** A special procedure (Art. 45) paused the CASE clock: pause the extension's clocks with it. */
  suspended?(m: EntityManager, c: CaseEntity, actor: RequestActor, pause: PauseClockRequest): Promise<void>;
  /** The special procedure ended: resume them together with the CASE clock. */
  resumed?(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void>;
  /** Parts of one case read with its row (alias `sc`), by name: SQL expressions giving JSON. */
  parts?: Record<string, string>;
  /** Parts of the public progress answer (alias `sc`), by name: SQL giving JSON, nothing personal in it. */
  progressParts?: Record<string, string>;
  /** Parts of a case in the national exchange export (alias `sc`), by name: SQL giving JSON. */
  exchangeParts?: Record<string, string>;
  /** A query (alias `sc`) giving the ids of the extension's clocks on the case, read with the case's own. */
  clockIds?: string;
  /** A query (alias `sc`) giving the departments besides the case's own whose staff may read it (co-departments). */
  readers?: string;
  /** Conditions on the case (alias `sc`) for the queues the extension fills. */
  queues?: Partial<Record<CaseQueue, string>>;
}

/** The registry of case extensions; each registers itself once, when its module starts. */
@Injectable()
export class CaseExtensions {
  private readonly all: CaseExtension[] = [];

  register(extension: CaseExtension): void {
    this.all.push(extension);
  }

  async accepted(m: EntityManager, c: CaseEntity, actor: RequestActor, deemed: boolean, content: MatterContent) {
    for (const e of this.all) await e.accepted?.(m, c, actor, deemed, content);
  }

  async concluding(m: EntityManager, c: CaseEntity): Promise<void> {
    for (const e of this.all) await e.concluding?.(m, c);
  }

  async stepped(m: EntityManager, c: CaseEntity, action: CaseAction, actor: RequestActor): Promise<void> {
    for (const e of this.all) await e.stepped?.(m, c, action, actor);
  }

  async acted(m: EntityManager, c: CaseEntity, actor: RequestActor, previousAt: Date | null): Promise<void> {
    for (const e of this.all) await e.acted?.(m, c, actor, previousAt);
  }

  async withdrawn(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void> {
    for (const e of this.all) await e.withdrawn?.(m, c, actor);
  }

  async suspended(m: EntityManager, c: CaseEntity, actor: RequestActor, pause: PauseClockRequest): Promise<void> {
    for (const e of this.all) await e.suspended?.(m, c, actor, pause);
  }

  async resumed(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void> {
    for (const e of this.all) await e.resumed?.(m, c, actor);
  }

  /** Every registered part of one kind (the case read, the public progress, the exchange), as select items. */
  columns(kind: 'parts' | 'progressParts' | 'exchangeParts' = 'parts'): string {
    return this.all
      .flatMap((e) => Object.entries(e[kind] ?? {}))
      .map(([name, sql]) => `,\n  (${sql}) AS "${name}"`)
      .join('');
  }

  /** The case's own clocks (`sc`'s three columns) and every extension's, as a query of ids. */
  clockIds(own: string): string {
    return [`SELECT unnest(ARRAY[${own}])`, ...this.all.flatMap((e) => (e.clockIds ? [e.clockIds] : []))].join(
      ' UNION ALL ',
    );
  }

  /** The departments besides the case's own that may read it, as an SQL array expression (alias `sc`). */
  readers(): string {
    const queries = this.all.flatMap((e) => (e.readers ? [e.readers] : []));
    return queries.length ? `ARRAY(${queries.join(' UNION ')})` : `ARRAY[]::uuid[]`;
  }

  /** The condition of a queue an extension fills; a queue no extension fills is empty. */
  queue(queue: CaseQueue): string {
    return this.all.map((e) => e.queues?.[queue]).find(Boolean) ?? 'false';
  }
}
