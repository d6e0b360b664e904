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
  ) {}

  /** Whether connections keep their statements prepared: on a server, not through PGlite's shared session. */
  get prepareStatements(): boolean {
    return this.kind === 'postgres';
  }

  static async start(config: AppConfig['database']): Promise<DatabaseRuntime> {
    if (config.url) {
      const u = new URL(config.url);
      return new DatabaseRuntime('postgres', config.url, `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`, config.poolSize, null);
    }
    // One connection: PGlite is one session, and its socket server keeps one connection's messages together only
    // inside a transaction. Outside one, two connections' extended-protocol messages (parse, bind, execute) can
    // interleave and one connection's query runs on the other's portal ("portal does not exist", or a wrong answer).
    // PGlite runs one statement at a time anyway, so a single connection costs nothing. The socket still admits
    // a few more, for tools pointed at it (the audit verifier, psql).
    const embedded = await EmbeddedPostgres.start(config.dataDir, config.poolSize, config.embeddedSharedBuffers);
    const where = config.dataDir ? `data in ${config.dataDir}` : 'in memory';
    return new DatabaseRuntime('pglite', embedded.url, `embedded PGlite (${where})`, EMBEDDED_POOL_SIZE, embedded);
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}
