import type { QueryRunner } from 'typeorm';

/** Work waiting for each open transaction's commit. */
const waiting = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Work to do once a transaction has committed (and not at all if it rolls back): telling this instance
 * about what the transaction changed, such as sealing its audit entries or forgetting sessions it ended.
 * Run by CommitSubscriber; each callback must be quick and must not throw.
 */
export const AfterCommit = {
  /** `qr`: the transaction's query runner (`m.queryRunner`). */
  add(qr: QueryRunner | undefined, work: () => void): void {
    if (!qr?.isTransactionActive) throw new Error('after-commit work belongs to a transaction');
    const list = waiting.get(qr) ?? [];
    list.push(work);
    waiting.set(qr, list);
  },

  /** After a commit; a savepoint's release leaves the work for the outer commit. */
  run(qr: QueryRunner): void {
    if (qr.isTransactionActive) return;
    const list = waiting.get(qr);
    waiting.delete(qr);
    for (const work of list ?? []) work();
  },

  discard(qr: QueryRunner): void {
    waiting.delete(qr);
  },
};
