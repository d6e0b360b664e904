import type { WindowKind } from '@onewindow/shared';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** A counter in the hall (窗口): a department's own, or a comprehensive window (综合窗口) taking any matter. */
@Entity('service_window')
export class ServiceWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As shown above the counter, e.g. A01. */
  @Column({ type: 'varchar', length: 16, unique: true })
  number: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: WindowKind;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
