import type { ApplicantType } from '@onewindow/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A registered public user: a citizen, or the person acting for a legal person. */
@Entity('applicant')
export class ApplicantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  applicantType: ApplicantType;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 11, unique: true })
  phone: string;

  /** HMAC of the ID number: uniqueness and exact lookup without storing it in clear. */
  @Column({ type: 'char', length: 64, unique: true })
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
