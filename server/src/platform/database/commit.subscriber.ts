import {
  type EntitySubscriberInterface,
  EventSubscriber,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { discardPendingAudit, pendingAuditWrites } from '../audit/audit.service.js';
import { AfterCommit } from './after-commit.js';
import { DeferredWrites } from './deferred-writes.js';

/**
 * Just before a transaction commits: send its deferred writes and its audit entries in one statement.
 * Just after: the transaction's after-commit work (AfterCommit), such as asking for the seal of those entries.
 */
@EventSubscriber()
export class CommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    await DeferredWrites.flush(e.queryRunner, pendingAuditWrites(e.queryRunner));
  }

  afterTransactionCommit(e: TransactionCommitEvent): void {
    AfterCommit.run(e.queryRunner);
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    discardPendingAudit(e.queryRunner);
    DeferredWrites.discard(e.queryRunner);
    AfterCommit.discard(e.queryRunner);
  }
}
