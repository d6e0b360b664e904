import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

@Entity('department')
@Unique('uq_department_code', ['code'])
@Unique('uq_department_credit_code', ['creditCode'])
export class DepartmentEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short stable code used in case numbers, e.g. SCJG. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  shortName: string;

  /** 统一社会信用代码 */
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => DepartmentEntity, { name: 'fk_department_parent' })
  parentId: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
