import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One append-only audit row. `hash` covers the row's content and `prevHash`, so
 * altering or removing any row breaks the chain from there on. The database
 * refuses UPDATE, DELETE and TRUNCATE on this table (see the migration). Entries
 * reach it through `audit_pending`, sealed right after their change commits.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_target', ['targetType', 'targetId'])
@Index('ix_audit_entry_actor', ['actorId'])
@Index('ix_audit_entry_action', ['action'])
export class AuditEntryEntity {
  /** Gapless: assigned by the seal from audit_chain_head under its row lock. */
  @PrimaryColumn({ type: 'bigint' })
  seq: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorKind: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  /** The actor's roles at the time, comma-separated. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  role: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actingForId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  targetType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @Column({ type: 'varchar', length: 80, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientIp: string | null;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/** The chain's tip: one row, locked by every seal, so entries are numbered and linked in the order they are sealed. */
@Entity('audit_chain_head')
@Check('ck_audit_chain_head_single', 'id = 1')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  lastSeq: number;

  @Column({ type: 'char', length: 64 })
  lastHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
