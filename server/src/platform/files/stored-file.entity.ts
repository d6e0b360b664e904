import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded file, kept in the database with its checksum so that it travels with backups and
 * transactions. Never served back with a type other than the one its bytes were checked against.
 */
@Entity('stored_file')
@Index('ix_stored_file_purpose', ['purpose', 'createdAt'])
@Check('ck_stored_file_size', 'size_bytes > 0')
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Who may read it follows from this: MATTER_ATTACHMENT is public; later purposes carry their own rules. */
  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ type: 'varchar', length: 160 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
