import type { Role } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';
import { DepartmentEntity } from './department.entity.js';
import { ServiceWindowEntity } from './service-window.entity.js';

/** A staff member; the login and password are the credential owned by platform/auth. */
@Entity('staff')
@Index('ix_staff_department', ['departmentId'])
@Check(
  'ck_staff_roles',
  `roles <@ ARRAY['CLERK','APPROVER','DEPT_LEAD','CENTER_ADMIN','SUPERVISOR','CASHIER','FINANCE']::text[] AND cardinality(roles) > 0`,
)
export class StaffEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => DepartmentEntity, { name: 'fk_staff_department' })
  departmentId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ServiceWindowEntity, { name: 'fk_staff_window' })
  windowId: string | null;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** AB岗: who acts when this person is away. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => StaffEntity, { name: 'fk_staff_backup' })
  backupStaffId: string | null;

  @Column({ type: 'boolean', default: false })
  away: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
