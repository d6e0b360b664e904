import type { ApiClientOwnerKind, ApiScope } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

/** 应用接入: a machine client (a department's own system, the collecting bank), registered by CENTER_ADMIN. */
@Entity('api_client')
@Unique('uq_api_client_client_id', ['clientId'])
@Check(
  'ck_api_client_owner',
  `owner_kind IN ('DEPARTMENT', 'BANK') AND (owner_kind = 'BANK' OR department_id IS NOT NULL)`,
)
export class ApiClientEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  clientId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  ownerKind: ApiClientOwnerKind;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'jsonb' })
  scopes: ApiScope[];

  @Column({ type: 'varchar', length: 50 })
  contactName: string;

  @Column({ type: 'varchar', length: 20 })
  contactPhone: string;

  @Column({ type: 'int' })
  ratePerMinute: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 50 })
  createdByName: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}

/** A client's secret, kept only as its SHA-256 (secrets are 256 random bits); an old one works until `expiresAt`. */
@Entity('api_client_secret')
@Index('ix_api_client_secret_client', ['clientId'])
export class ApiClientSecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ApiClientEntity, { name: 'fk_api_client_secret_client' })
  clientId: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  /** The first characters, to tell secrets apart in the list. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}

/**
 * An Idempotency-Key a client sent with a POST: the request's fingerprint, then its answer. Kept at least 24 h.
 * `status` is null while the original request is in flight.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  apiClientId: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
