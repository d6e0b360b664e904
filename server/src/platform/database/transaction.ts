import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one way a service runs a unit of work that a caller may already have a transaction for: in the caller's
 * transaction when it passes its EntityManager (so a case and its clock change together), else in a transaction of
 * its own. A service that always starts its own calls `dataSource.transaction` directly.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  m: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return m ? work(m) : dataSource.transaction(work);
}
