import { Column, VersionColumn } from 'typeorm';

/** Columns every editable master-data row carries: when it was made and changed, and an optimistic-lock version. */
export abstract class VersionedEntity {
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
