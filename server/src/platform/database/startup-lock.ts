import pg from 'pg';
import type { DatabaseRuntime } from './database-runtime.js';

/** The advisory lock instances take while they migrate and seed one database. */
export const STARTUP_LOCK_KEY = 7_346_000;

/**
 * One instance at a time migrates and seeds a PostgreSQL database: two started at once on an empty database
 * would otherwise both create the same types and rows. Held on a connection of its own (a session lock), so it
 * spans TypeORM's migrations and the demo seed; PGlite is one process and needs none.
 */
export class StartupLock {
  private constructor(private readonly client: pg.Client) {}

  static async acquire(db: DatabaseRuntime): Promise<StartupLock | null> {
    if (db.kind !== 'postgres' || db.sharedSession) return null;
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => undefined); // a connection lost while starting fails the start through its query
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return new StartupLock(client);
  }

  async release(): Promise<void> {
    await this.client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
