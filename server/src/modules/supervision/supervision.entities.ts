import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A YELLOW or RED card. Never deleted: a revoked card stays on record as revoked. */
@Entity('supervision_card')
@Index('uq_supervision_card_clock', ['clockId', 'level'], { unique: true, where: 'clock_id IS NOT NULL' })
@Index('uq_supervision_card_violation', ['caseId', 'reason'], { unique: true, where: 'clock_id IS NULL' })
@Index('ix_supervision_card_issued', ['issuedAt'])
@Index('ix_supervision_card_department', ['departmentId', 'issuedAt'])
@Index('ix_supervision_card_run', ['runId'])
@Check('ck_supervision_card_level', `level IN ('YELLOW', 'RED')`)
@Check('ck_supervision_card_state', `state IN ('ISSUED', 'APPEALED', 'REVOKED', 'UPHELD', 'ESCALATED')`)
export class CardEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 8 }) level: string;
  @Column({ type: 'varchar', length: 24 }) reason: string;
  @Column({ type: 'varchar', length: 12 }) state: string;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ type: 'uuid', nullable: true }) clockId: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) clockKind: string | null;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'uuid', nullable: true }) windowId: string | null;
  @Column({ type: 'uuid', nullable: true }) staffId: string | null;
  /** When the threshold was crossed or the act happened: what a catch-up sweep stamps, not its own time. */
  @Column({ type: 'timestamptz' }) crossedAt: Date;
  @Column({ type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'int', nullable: true }) policyVersion: number | null;
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
}

/** Appeal and decision record of a card (append-only). */
@Entity('supervision_card_event')
@Index('ix_supervision_card_event_card', ['cardId'])
export class CardEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => CardEntity, { name: 'fk_supervision_card_event_card' })
  cardId: string;
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid' }) actorId: string;
  @Column({ type: 'varchar', length: 50 }) actorName: string;
  @Column({ type: 'timestamptz' }) at: Date;
}

/** One sweep: what it looked at and what it issued. */
@Entity('sweep_run')
@Index('ix_sweep_run_started', ['startedAt'])
@Check('ck_sweep_run_status', `status IN ('RUNNING', 'DONE', 'SKIPPED', 'FAILED')`)
export class SweepRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ type: 'timestamptz' }) asOf: Date;
  @Column({ type: 'int', default: 0 }) examined: number;
  @Column({ type: 'int', default: 0 }) yellow: number;
  @Column({ type: 'int', default: 0 }) red: number;
  @Column({ type: 'int', default: 0 }) deemedAccepted: number;
  /** Sub-tasks the run deemed approved on timeout (并联审批, silence is consent). */
  @Column({ type: 'int', default: 0 }) deemedApproved: number;
  @Column({ type: 'int', default: 0 }) promisesMissed: number;
  @Column({ type: 'varchar', length: 64 }) instance: string;
  @Column({ type: 'varchar', length: 8 }) status: string;
  @Column({ type: 'text', nullable: true }) error: string | null;
}

/** 督办: a supervisor urges a department on a case, with an URGE clock of its own. */
@Entity('supervision_urge')
@Index('ix_supervision_urge_department', ['departmentId', 'state'])
@Check('ck_supervision_urge_state', `state IN ('OPEN', 'ANSWERED')`)
export class UrgeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  // The case is acceptance's entity, named (not imported): entities import no other module.
  @ForeignKey('CaseEntity', { name: 'fk_supervision_urge_case' })
  caseId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid' }) clockId: string;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'uuid' }) urgedBy: string;
  @Column({ type: 'varchar', length: 50 }) urgedByName: string;
  @Column({ type: 'timestamptz' }) urgedAt: Date;
  @Column({ type: 'varchar', length: 8 }) state: string;
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @Column({ type: 'uuid', nullable: true }) repliedBy: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) repliedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) repliedAt: Date | null;
}
