import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export type DatabaseKind = 'postgres' | 'pglite';

const EMBEDDED_POOL_SIZE = 1;

/** The database the server talks to: the configured PostgreSQL server, or an embedded PGlite. */
export class DatabaseRuntime {
  private constructor(
    readonly kind: DatabaseKind,
    readonly url: string,
    readonly description: string,
    /** How many connections the app's pool may open. */
    readonly poolSize: number,
    private readonly embedded: EmbeddedPostgres | null,
    /**
     * Whether all connections share one session: PGlite, embedded here or served by another process (a CLI
     * tool pointed at a running server's socket). Such connections must not keep named statements (two would
     * take the same name) and must not run beside a transaction on another connection.
     */
    readonly sharedSession: boolean,
  ) {}

  static async start(config: AppConfig['database']): Promise<DatabaseRuntime> {
    if (config.url) {
      const u = new URL(config.url);
      return new DatabaseRuntime(
        'postgres',
        config.url,
        `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`,
        config.poolSize,
        null,
        await isPglite(config.url),
      );
    }
    // One connection: PGlite is one session, and its socket server keeps one connection's messages together only
    // inside a transaction. Outside one, two connections' extended-protocol messages (parse, bind, execute) can
    // interleave and one connection's query runs on the other's portal ("portal does not exist", or a wrong answer).
    // PGlite runs one statement at a time anyway, so a single connection costs nothing. The socket still admits
    // a few more, for tools pointed at it (the audit verifier, psql).
    const embedded = await EmbeddedPostgres.start(config.dataDir, config.poolSize, config.embeddedSharedBuffers);
    const where = config.dataDir ? `data in ${config.dataDir}` : 'in memory';
    return new DatabaseRuntime(
      'pglite',
      embedded.url,
      `embedded PGlite (${where})`,
      EMBEDDED_POOL_SIZE,
      embedded,
      true,
    );
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}

/** A URL may lead to PGlite served by another process; it says so in its version. Unreachable: taken as a server. */
async function isPglite(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows } = await c.query<{ v: string }>('SELECT version() AS v');
    return rows[0].v.includes('PGlite');
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
