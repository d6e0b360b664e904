import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login session. The refresh token rotates on every use; presenting the one
 * before it again means it was stolen, and the session is ended.
 */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  credentialId: string;

  /** SHA-256 of the current refresh token; the token itself is never stored. */
  @Column({ type: 'char', length: 64 })
  refreshHash: string;

  @Column({ type: 'char', length: 64, nullable: true })
  previousRefreshHash: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokeReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientIp: string | null;
}
