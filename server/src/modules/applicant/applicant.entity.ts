import type { ApplicantType } from '@onewindow/shared';
import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A registered public user: a citizen, or the person acting for a legal person. */
@Entity('applicant')
@Unique('uq_applicant_phone', ['phone'])
@Unique('uq_applicant_id_number', ['idNumberHash'])
@Check('ck_applicant_type', `applicant_type IN ('CITIZEN', 'LEGAL_PERSON')`)
export class ApplicantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  applicantType: ApplicantType;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 11 })
  phone: string;

  /** HMAC of the ID number: uniqueness and exact lookup without storing it in clear. */
  @Column({ type: 'char', length: 64 })
  idNumberHash: string;

  @Column({ type: 'text' })
  idNumberCipher: string;

  @Column({ type: 'varchar', length: 18 })
  idNumberMasked: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organizationName: string | null;

  @Column({ type: 'char', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
