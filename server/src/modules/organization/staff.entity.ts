import type { Role } from '@onewindow/shared';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** A staff member; the login and password are the credential owned by platform/auth. */
@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'uuid', nullable: true })
  windowId: string | null;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** AB岗: who acts when this person is away. */
  @Column({ type: 'uuid', nullable: true })
  backupStaffId: string | null;

  @Column({ type: 'boolean', default: false })
  away: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
