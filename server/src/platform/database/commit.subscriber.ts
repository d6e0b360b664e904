import { type EntitySubscriberInterface, EventSubscriber, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { AuditSeal, discardPendingAudit, pendingAuditWrites } from '../audit/audit.service.js';
import { DeferredWrites } from './deferred-writes.js';

/**
 * Just before a transaction commits: send its deferred writes and its audit entries in one statement.
 * Just after: ask for the seal that chains those entries.
 */
@EventSubscriber()
export class CommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    await DeferredWrites.flush(e.queryRunner, pendingAuditWrites(e.queryRunner));
  }

  afterTransactionCommit(e: TransactionCommitEvent): void {
    AuditSeal.afterCommit(e.queryRunner);
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    discardPendingAudit(e.queryRunner);
    DeferredWrites.discard(e.queryRunner);
  }
}
