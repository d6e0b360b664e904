import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export type DatabaseKind = 'postgres' | 'pglite';

/** The database the server talks to: the configured PostgreSQL server, or an embedded PGlite. */
export class DatabaseRuntime {
  private constructor(
    readonly kind: DatabaseKind,
    readonly url: string,
    readonly description: string,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  static async start(config: AppConfig['database']): Promise<DatabaseRuntime> {
    if (config.url) {
      const u = new URL(config.url);
      return new DatabaseRuntime('postgres', config.url, `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`, null);
    }
    const embedded = await EmbeddedPostgres.start(config.dataDir, config.poolSize, config.embeddedSharedBuffers);
    const where = config.dataDir ? `data in ${config.dataDir}` : 'in memory';
    return new DatabaseRuntime('pglite', embedded.url, `embedded PGlite (${where})`, embedded);
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}
