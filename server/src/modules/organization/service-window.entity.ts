import type { WindowKind } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';
import { DepartmentEntity } from './department.entity.js';

/** A counter in the hall (窗口): a department's own, or a comprehensive window (综合窗口) taking any matter. */
@Entity('service_window')
@Unique('uq_service_window_number', ['number'])
@Check('ck_service_window_kind', `kind IN ('DEPARTMENT', 'COMPREHENSIVE')`)
export class ServiceWindowEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As shown above the counter, e.g. A01. */
  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => DepartmentEntity, { name: 'fk_service_window_department' })
  departmentId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: WindowKind;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
