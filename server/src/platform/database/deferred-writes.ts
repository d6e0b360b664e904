import type { EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';

/**
 * A write a transaction sends at its commit, together with the others, as one statement: each
 * becomes a data-modifying CTE. Only for writes nothing later in the transaction reads (new rows,
 * the final state of a locked row); each is one INSERT, UPDATE or DELETE without RETURNING, its
 * parameters numbered from $1.
 */
export interface DeferredWrite {
  sql: string;
  params: unknown[];
  /** The number of rows it must touch; anything else fails the commit (a locked row that moved on). */
  expectRows?: number;
}

/** Writes waiting in each open transaction; a keyed write replaces an earlier one with its key. */
const queued = new WeakMap<QueryRunner, Map<string, DeferredWrite | (() => DeferredWrite)>>();
let anonymous = 0;

export class DeferredWriteError extends Error {}

/** Each write's SQL with its parameters moved up by an offset, remembered: the same few hundred come back. */
const renumberedSql = new Map<string, string>();
function renumbered(sql: string, offset: number): string {
  if (offset === 0) return sql;
  const key = `${offset}:${sql}`;
  let out = renumberedSql.get(key);
  if (out === undefined) {
    out = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    if (renumberedSql.size >= 2000) renumberedSql.clear();
    renumberedSql.set(key, out);
  }
  return out;
}

export const DeferredWrites = {
  /**
   * Queues a write in `m`'s transaction. With a `key`, a later write under the same key replaces this
   * one, and a function is called only at the commit: the final state of a row changed several times.
   */
  add(m: EntityManager, write: DeferredWrite | (() => DeferredWrite), key?: string): void {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) throw new Error('deferred writes belong to a transaction');
    const list = queued.get(qr) ?? new Map();
    list.set(key ?? `#${++anonymous}`, write);
    queued.set(qr, list);
  },

  /** Queues new rows of an entity (ids set by the caller), every column the rows give a value for. */
  insert<E extends ObjectLiteral>(m: EntityManager, target: EntityTarget<E>, rows: E[]): void {
    const meta = m.connection.getMetadata(target);
    const columns = meta.columns.filter((c) => rows.some((r) => c.getEntityValue(r) !== undefined));
    const params: unknown[] = [];
    const values = rows.map(
      (r) =>
        `(${columns
          .map((c) => {
            const v = c.getEntityValue(r);
            if (v === undefined) return 'DEFAULT';
            params.push(m.connection.driver.preparePersistentValue(v, c));
            return `$${params.length}`;
          })
          .join(', ')})`,
    );
    DeferredWrites.add(m, {
      sql: `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${values.join(', ')}`,
      params,
      expectRows: rows.length,
    });
  },

  /**
   * Queues writing a locked row back whole, as it stands at the commit: changed several times in the
   * transaction, it is written once. Its version column (if any) goes up by one.
   */
  update<E extends ObjectLiteral>(m: EntityManager, target: EntityTarget<E>, entity: E): void {
    const meta = m.connection.getMetadata(target);
    const [pk] = meta.primaryColumns;
    DeferredWrites.add(
      m,
      () => {
        const columns = meta.columns.filter((c) => !c.isPrimary && !c.isVersion && c.propertyName !== 'createdAt');
        const params = columns.map((c) => m.connection.driver.preparePersistentValue(c.getEntityValue(entity), c));
        const sets = columns.map((c, i) => `"${c.databaseName}" = $${i + 1}`);
        if (meta.versionColumn)
          sets.push(`"${meta.versionColumn.databaseName}" = "${meta.versionColumn.databaseName}" + 1`);
        params.push(pk.getEntityValue(entity));
        return {
          sql: `UPDATE "${meta.tableName}" SET ${sets.join(', ')} WHERE "${pk.databaseName}" = $${params.length}`,
          params,
          expectRows: 1,
        };
      },
      `${meta.tableName}:${pk.getEntityValue(entity)}`,
    );
  },

  /** Sends everything queued in the transaction (and `more` after it) as one statement. */
  async flush(qr: QueryRunner, more: DeferredWrite[] = []): Promise<void> {
    const writes = [...(queued.get(qr)?.values() ?? [])].map((w) => (typeof w === 'function' ? w() : w)).concat(more);
    queued.delete(qr);
    if (!writes.length) return;
    if (writes.length === 1 && writes[0].expectRows === undefined) {
      await qr.query(writes[0].sql, writes[0].params);
      return;
    }
    const params: unknown[] = [];
    const ctes = writes.map((w, i) => {
      const offset = params.length;
      params.push(...w.params);
      return `w${i} AS (${renumbered(w.sql, offset)} RETURNING 1)`;
    });
    const counts = writes.map((_, i) => `(SELECT count(*) FROM w${i})::int AS w${i}`).join(', ');
    const [row] = await qr.query(`WITH ${ctes.join(',\n')}\nSELECT ${counts}`, params);
    writes.forEach((w, i) => {
      if (w.expectRows !== undefined && row[`w${i}`] !== w.expectRows) {
        throw new DeferredWriteError(
          `deferred write touched ${row[`w${i}`]} rows, expected ${w.expectRows}: ${w.sql.slice(0, 80)}`,
        );
      }
    });
  },

  discard(qr: QueryRunner): void {
    queued.delete(qr);
  },
};
