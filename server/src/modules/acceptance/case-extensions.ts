import { Injectable } from '@nestjs/common';
import type { CaseQueue } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import type { CaseEntity } from './case.entities.js';

/**
 * What a module above acceptance plugs into the case (approval's review and decision tasks; its parallel
 * sub-tasks next), so that acceptance never imports it. Hooks run inside the case's own transaction; SQL that the
 * case reads names the extension's tables only through the extension.
 */
export interface CaseExtension {
  /** In the acceptance's transaction, after the CASE clock has started (not for 即办件, which conclude at once). */
  accepted?(m: EntityManager, c: CaseEntity, actor: RequestActor, deemed: boolean): Promise<void>;
  /** In the withdrawal's transaction: close the work still open on the case. */
  withdrawn?(m: EntityManager, c: CaseEntity): Promise<void>;
  /** Parts of one case read with its row (alias `sc`), by name: SQL expressions giving JSON. */
  parts?: Record<string, string>;
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

  async accepted(m: EntityManager, c: CaseEntity, actor: RequestActor, deemed: boolean): Promise<void> {
    for (const e of this.all) await e.accepted?.(m, c, actor, deemed);
  }

  async withdrawn(m: EntityManager, c: CaseEntity): Promise<void> {
    for (const e of this.all) await e.withdrawn?.(m, c);
  }

  /** Every registered part, as `(sql) AS "name"` select items. */
  partColumns(): string {
    return this.all
      .flatMap((e) => Object.entries(e.parts ?? {}))
      .map(([name, sql]) => `,\n  (${sql}) AS "${name}"`)
      .join('');
  }

  /** The condition of a queue an extension fills; a queue no extension fills is empty. */
  queue(queue: CaseQueue): string {
    return this.all.map((e) => e.queues?.[queue]).find(Boolean) ?? 'false';
  }
}
