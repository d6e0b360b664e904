import type { CaseTaskKind, CaseTaskState } from '@onewindow/shared';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A review task of a case (审查, 决定): the parallel-approval work will add sub-tasks for co-departments. */
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

  @Column({ type: 'uuid', nullable: true })
  actingFor: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
