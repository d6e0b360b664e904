import { Injectable } from '@nestjs/common';
import type { IntegrationEventPage, Principal } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { OutboxCursor } from '../../platform/outbox/outbox.js';
import { PlatformSql } from '../../platform/outbox/platform.sql.js';
import { AcceptanceSql, CaseExtensions } from '../acceptance/acceptance.module.js';
import { IntegrationErrors } from './integration.exception.js';

/**
 * The change feed: every outbox event the client may see (its department's cases, as lead or as a co-department),
 * in the outbox's order, from a cursor. A system that was down for a day asks with its last cursor and gets exactly
 * what it missed, nothing twice.
 */
@Injectable()
export class EventFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly extensions: CaseExtensions,
  ) {}

  /**
   * Whether department `dept` (an SQL expression) may see event `e` of case `sc`: its own department's, and a case's
   * events where it is a co-department; a card only its holder's department.
   */
  visibleTo(dept: string): string {
    // The collecting bank (a client of no department) hears of payments, every department's.
    return `(e.department_id = ${dept} OR (${dept}::uuid IS NULL AND e.type LIKE 'payment.%')
      OR (e.type NOT LIKE 'card.%' AND ${dept} = ANY(${this.extensions.readers()})))`;
  }

  async page(p: Principal, after: string | undefined, limit: number): Promise<IntegrationEventPage> {
    const cursor = OutboxCursor.parse(after ?? OutboxCursor.START);
    if (!cursor) throw IntegrationErrors.cursorInvalid();
    const rows = await this.dataSource.query<
      {
        id: number;
        txid: number;
        type: string;
        case_id: string | null;
        data: Record<string, unknown>;
        occurred_at: Date;
      }[]
    >(
      `SELECT e.id, e.txid, e.type, e.case_id, e.data, e.occurred_at
       FROM ${PlatformSql.outbox('e')} LEFT JOIN ${AcceptanceSql.case('sc')} ON sc.id = e.case_id
       WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND ${PlatformSql.outboxVisible('e')}
         AND ${this.visibleTo('$3')}
       ORDER BY ${PlatformSql.outboxOrder('e')} LIMIT $4`,
      [cursor.txid, cursor.id, p.departmentId, limit],
    );
    const events = rows.map((r) => ({
      cursor: OutboxCursor.of(r),
      type: r.type,
      occurredAt: new Date(r.occurred_at).toISOString(),
      caseId: r.case_id,
      data: r.data,
    }));
    return { events, next: events.at(-1)?.cursor ?? OutboxCursor.of(cursor) };
  }
}
