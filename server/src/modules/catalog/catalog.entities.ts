import type { LifeEventContent, LifeEventStatus, MatterContent } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

export type MatterVersionStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED' | 'WITHDRAWN';

/** A matter (事项): its stable codes and owner; what it says lives in its versions. */
@Entity('matter')
@Unique('uq_matter_code', ['code'])
@Index('ix_matter_department', ['departmentId'])
export class MatterEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 实施编码, e.g. XK00012001. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  /** 基本编码: the type prefix and main item, e.g. XK00012. */
  @Column({ type: 'varchar', length: 16 })
  basicCode: string;

  @Column({ type: 'uuid' })
  departmentId: string;
}

/**
 * One version of a matter. A DRAFT is edited; PUBLISHED is what citizens see and cases are accepted under;
 * publishing the next supersedes it. Anything but a draft is immutable (a trigger refuses changes to content).
 */
@Entity('matter_version')
@Unique('uq_matter_version_no', ['matterId', 'versionNo'])
@Index('uq_matter_version_published', ['matterId'], { unique: true, where: `status = 'PUBLISHED'` })
@Index('uq_matter_version_draft', ['matterId'], { unique: true, where: `status = 'DRAFT'` })
@Check('ck_matter_version_status', `status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')`)
export class MatterVersionEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => MatterEntity, { name: 'fk_matter_version_matter' })
  matterId: string;

  @Column({ type: 'int' })
  versionNo: number;

  @Column({ type: 'varchar', length: 12 })
  status: MatterVersionStatus;

  @Column({ type: 'jsonb' })
  content: MatterContent;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** Bumped on every publish and withdrawal, so each process knows to rebuild its search index. */
@Entity('catalog_revision')
@Check('ck_catalog_revision_single', 'id = 1')
export class CatalogRevisionEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  revision: number;
}

/**
 * 一件事: a life event bundling published matters into one application. Its content is edited in place (a bundle
 * applied for keeps the matter versions its cases were received under); publishing checks its rules.
 */
@Entity('life_event')
@Unique('uq_life_event_code', ['code'])
@Check('ck_life_event_status', `status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')`)
export class LifeEventEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** YJS0001 … */
  @Column({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 12 })
  status: LifeEventStatus;

  @Column({ type: 'jsonb' })
  content: LifeEventContent;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
