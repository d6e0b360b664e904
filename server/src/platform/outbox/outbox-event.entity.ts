import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox: one row per change others may hear of (a case's step, a card, a sub-task, a payment), written in the
 * change's own transaction, so a change that rolled back leaves none and one that committed is never missed. `txid`
 * is the writing transaction's id: a reader takes only events of transactions older than every one still running
 * (`pg_snapshot_xmin`), so events appear in an order that never skips one that commits late.
 */
@Entity('outbox_event')
@Index('ix_outbox_event_case', ['caseId', 'id'])
@Index('ix_outbox_event_feed', ['txid', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column({ type: 'bigint', default: () => 'outbox_txid()' })
  txid?: number;

  @Column({ type: 'varchar', length: 48 })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  /** The department the change belongs to (a case's lead); readers of the case see it too. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
