import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import pg from 'pg';

/** Distinct statements one connection keeps prepared; past this, new texts run unnamed as before. */
export const PREPARED_PER_CONNECTION = 300;

/**
 * A `pg` client that prepares each parameterised statement once per connection and then only binds and
 * executes it. Parsing and planning were most of PostgreSQL's work for our short statements (the public
 * progress query: 1.3 ms of parse and plan against 0.09 ms of execution), and the same few hundred texts
 * come back on every request. The name is a hash of the text, so one text has one name. Statements
 * without parameters (DDL, BEGIN, COMMIT) go as simple queries, unchanged.
 *
 * Only for a PostgreSQL server: PGlite's socket server shares one session between its connections, so a
 * reconnected client would find its names already taken.
 */
export class PreparingClient extends pg.Client {
  /**
   * DB_STATEMENT_LOG: a file that gets every statement every connection sends, one JSON line each
   * (`{ "c": connection, "t": text, "v": values }`), for the benchmark's floor (bench/cases.bench.mjs replays
   * them with a bare client) and for diagnosis. Off unless configured; never for production.
   */
  static statementLog: string | null = null;
  private static connections = 0;
  private readonly logId = ++PreparingClient.connections;
  private readonly names = new Map<string, string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg-pool listens for errors only on idle clients: one checked out between two statements of a transaction whose
    // connection dies (the postmaster killed) would emit an 'error' nobody hears, which ends the process. Heard here,
    // the client's next query fails instead, and the pool discards it.
    this.on('error', () => undefined);
  }

  // The same overloads as pg.Client's: only a (text, values) call changes, into a named query.
  override query: pg.Client['query'] = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (PreparingClient.statementLog && typeof config === 'string') this.logStatement(config, values);
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.nameFor(config);
      if (name) return super.query({ name, text: config, values } as never, callback as never);
    }
    return super.query(config as never, values as never, callback as never);
  }) as pg.Client['query'];

  private logStatement(text: string, values: unknown) {
    const v = Array.isArray(values)
      ? values.map((x) => (Buffer.isBuffer(x) ? { $bytes: x.toString('base64') } : x))
      : [];
    appendFileSync(PreparingClient.statementLog!, `${JSON.stringify({ c: this.logId, t: text, v })}\n`);
  }

  private nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= PREPARED_PER_CONNECTION) return null;
    const name = `ow_${createHash('sha1').update(text).digest('base64url')}`;
    this.names.set(text, name);
    return name;
  }
}
