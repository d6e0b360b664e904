import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { PreparingClient } from './preparing-client.js';
import type { EntityManager } from 'typeorm';
import { DatabaseRuntime } from './database-runtime.js';

/**
 * Single statements that commit on their own, at once, outside the caller's transaction: a counter
 * every writer bumps, whose row lock must not be held until the caller's commit (it would queue every
 * concurrent caller behind the slowest). On a PostgreSQL server they run on a small pool of their own,
 * whose statements wait for nothing but each other, so it cannot deadlock with the app's pool. On PGlite
 * (one shared session, served in turn), they run in the caller's transaction.
 */
@Injectable()
export class AutonomousStatements implements OnModuleDestroy {
  private readonly pool: pg.Pool | null;
  private readonly log = new Logger(AutonomousStatements.name);

  constructor(db: DatabaseRuntime) {
    // Committed without waiting for the WAL flush: the row is then locked only while the statement runs,
    // not through a disk flush. Safe for a counter: a caller that uses the value commits after it, and its
    // own (synchronous) commit flushes the WAL up to there, the counter's commit included; if the server
    // stops before that, the value was never used, and handing it out again is right.
    this.pool = db.sharedSession
      ? null
      : new pg.Pool({
          connectionString: db.url,
          max: 4,
          options: '-c synchronous_commit=off',
          Client: PreparingClient,
        });
    // An idle connection the server drops (a restart, a terminated backend) is an error event on the pool: without
    // a listener it would end the process. The pool replaces the connection on the next statement.
    this.pool?.on('error', (e) => this.log.warn(`autonomous statement pool lost a connection: ${e.message}`));
  }

  async query<R extends Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[]): Promise<R[]> {
    if (!this.pool) return m.query(sql, params);
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
