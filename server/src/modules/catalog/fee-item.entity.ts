import type { FeeStandardKind } from '@onewindow/shared';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

/** A chargeable item of the fee catalog (收费目录): only these may be charged, at their standard. */
@Entity('fee_item')
@Check('ck_fee_item_legal_basis', `length(trim(legal_basis)) > 0`)
@Check(
  'ck_fee_item_standard',
  `(standard_kind = 'FIXED' AND amount_fen >= 0) OR (standard_kind = 'UNIT_PRICE' AND unit_price_fen >= 0 AND unit_name IS NOT NULL) OR (standard_kind = 'RANGE' AND min_fen >= 0 AND max_fen >= min_fen)`,
)
export class FeeItemEntity extends VersionedEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text' })
  legalBasis: string;

  @Column({ type: 'varchar', length: 200 })
  approvingDocument: string;

  @Column({ type: 'varchar', length: 16 })
  standardKind: FeeStandardKind;

  @Column({ type: 'bigint', nullable: true })
  amountFen: number | null;

  @Column({ type: 'bigint', nullable: true })
  unitPriceFen: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unitName: string | null;

  @Column({ type: 'bigint', nullable: true })
  minFen: number | null;

  @Column({ type: 'bigint', nullable: true })
  maxFen: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
