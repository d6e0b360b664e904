import type { EntityManager } from 'typeorm';
import { DeferredWrites } from '../database/deferred-writes.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

export interface OutboxEvent {
  /** `case.accept`, `card.issued`, `subtask.approved` … */
  type: string;
  caseId: string | null;
  departmentId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** Writes events into the outbox in the change's own transaction (sent with its other writes at the commit). */
export const Outbox = {
  add(m: EntityManager, ...events: OutboxEvent[]): void {
    if (!events.length) return;
    DeferredWrites.insert(
      m,
      OutboxEventEntity,
      events.map((e) => m.create(OutboxEventEntity, e)),
    );
  },
};

/** A feed position: the (txid, id) of the last event read, as text `txid-id`; `0-0` before the first. */
export const OutboxCursor = {
  START: '0-0',
  parse(text: string): { txid: number; id: number } | null {
    const m = /^(\d{1,15})-(\d{1,15})$/.exec(text);
    return m ? { txid: Number(m[1]), id: Number(m[2]) } : null;
  },
  of(e: { txid: number; id: number }): string {
    return `${e.txid}-${e.id}`;
  },
};
