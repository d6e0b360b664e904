import type { CaseTaskKind, CaseTaskState, LimitUnit, SubtaskState } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A review task of a case (审查, 决定), done by the lead department. */
@Entity('case_task')
@Index('ix_case_task_open', ['departmentId', 'kind', 'state'])
@Index('ix_case_task_case', ['caseId', 'seq'])
export class CaseTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  // The case is acceptance's entity, named (not imported): entities import no other module.
  @ForeignKey('CaseEntity', { name: 'fk_case_task_case' })
  caseId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: CaseTaskKind;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 12 })
  state: CaseTaskState;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'boolean', nullable: true })
  agreed: boolean | null;

  @Column({ type: 'uuid', nullable: true })
  completedBy: string | null;

  /** The name of who completed it as they acted (a person or a department's system). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  completedByName: string | null;

  @Column({ type: 'uuid', nullable: true })
  actingFor: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** 决定 over a co-department's 不同意: why the lead approved anyway. */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;
}

/**
 * 协办子任务: a co-department's part of a joint case, on its own SUBTASK clock. Never edited once ended; a return
 * is answered by a new row (`previousId`) with a new clock, so the record keeps both.
 */
@Entity('case_subtask')
@Index('ix_case_subtask_department', ['departmentId', 'state'])
@Index('ix_case_subtask_case', ['caseId', 'seq'])
@Index('ix_case_subtask_clock', ['clockId'], { unique: true })
// What the sweep's deeming looks for: open sub-tasks whose silence is consent (none, mostly).
@Index('ix_case_subtask_silent_open', ['clockId'], { where: `state = 'OPEN' AND silence_is_consent` })
@Check('ck_case_subtask_state', `state IN ('OPEN', 'APPROVED', 'REJECTED', 'RETURNED', 'DEEMED_APPROVED', 'CANCELLED')`)
export class CaseSubtaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('CaseEntity', { name: 'fk_case_subtask_case' })
  caseId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 16 })
  state: SubtaskState;

  @Column({ type: 'boolean' })
  silenceIsConsent: boolean;

  @Column({ type: 'int' })
  limitValue: number;

  @Column({ type: 'varchar', length: 12 })
  limitUnit: LimitUnit;

  /** The calendar's clock (named, not imported). */
  @Column({ type: 'uuid' })
  clockId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('CaseSubtaskEntity', { name: 'fk_case_subtask_previous' })
  previousId: string | null;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Null when the system ended it. */
  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;

  /** The name of who ended it as they acted (a person or a department's system); null when the system did. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  endedByName: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;
}

/** 联合踏勘 arranged on a case: its day, its notice, and when every department's findings were in. */
@Entity('case_inspection')
@Index('ix_case_inspection_case', ['caseId'])
@Check('ck_case_inspection_state', `state IN ('ARRANGED', 'DONE')`)
export class CaseInspectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('CaseEntity', { name: 'fk_case_inspection_case' })
  caseId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  notice: string;

  @Column({ type: 'varchar', length: 12 })
  state: 'ARRANGED' | 'DONE';

  @Column({ type: 'uuid' })
  arrangedBy: string;

  @Column({ type: 'timestamptz' })
  arrangedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** One department's part in a joint inspection, and its findings once recorded (never edited after). */
@Entity('case_inspection_part')
export class CaseInspectionPartEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('CaseInspectionEntity', { name: 'fk_case_inspection_part_inspection' })
  inspectionId: string;

  @PrimaryColumn({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  recordedAt: Date | null;
}
