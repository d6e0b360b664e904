import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CredentialEntity } from './credential.entity.js';

/**
 * One login session. The refresh token rotates on every use; presenting the one
 * before it again means it was stolen, and the session is ended.
 */
@Entity('auth_session')
@Unique('uq_auth_session_refresh', ['refreshHash'])
@Index('ix_auth_session_previous', ['previousRefreshHash'], { where: 'previous_refresh_hash IS NOT NULL' })
@Index('ix_auth_session_credential', ['credentialId'], { where: 'revoked_at IS NULL' })
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CredentialEntity, { name: 'fk_auth_session_credential' })
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
