import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PrincipalKind } from '@onewindow/shared';

/** A login and its password for a staff member or an applicant; lockout state lives here. */
@Entity('credential')
@Unique('uq_credential_login', ['login'])
@Unique('uq_credential_principal', ['principalKind', 'principalId'])
@Check('ck_credential_principal_kind', `principal_kind IN ('STAFF', 'APPLICANT', 'CLIENT')`)
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  principalKind: PrincipalKind;

  @Column({ type: 'uuid' })
  principalId: string;

  /** Stored lower-case; unique across staff and applicants. */
  @Column({ type: 'varchar', length: 64 })
  login: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
