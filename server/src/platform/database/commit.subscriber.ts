import { type EntitySubscriberInterface, EventSubscriber, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { chainPendingAudit, discardPendingAudit } from '../audit/audit.service.js';
import { DeferredWrites } from './deferred-writes.js';

/**
 * Just before a transaction commits: chain its audit entries and send them with its deferred writes,
 * in one statement. The audit head, which orders every writer, stays locked only for that statement
 * and the commit.
 */
@EventSubscriber()
export class CommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    await DeferredWrites.flush(e.queryRunner, await chainPendingAudit(e.queryRunner));
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    discardPendingAudit(e.queryRunner);
    DeferredWrites.discard(e.queryRunner);
  }
}
