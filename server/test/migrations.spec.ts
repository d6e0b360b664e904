import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/platform/database/data-source-options.js';
import { EmbeddedPostgres } from '../src/platform/database/embedded-postgres.js';
import { MIGRATIONS } from '../src/schema.js';
import { startServerProcess } from './helpers/server-process.js';
import { createScratchDatabase, SERVER_URL } from './helpers/test-database.js';
import pg from 'pg';

/** Applies every migration to an empty database, checks the schema matches the entities, then rolls all back. */
async function migrateEmpty(url: string) {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(ds.migrations.length);
    expect(await ds.runMigrations()).toEqual([]);
    // What TypeORM would change to make the tables fit the entities: nothing.
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
    const [{ n }] = await ds.query(`SELECT last_seq AS n FROM audit_chain_head`);
    expect(n).toBe(0);
    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`,
    );
    expect(tables).toEqual([]);
  } finally {
    await ds.destroy();
  }
}

describe('migrations from an empty database', () => {
  it('on embedded PGlite', async () => {
    const pglite = await EmbeddedPostgres.start(null, 2);
    try {
      await migrateEmpty(pglite.url);
    } finally {
      await pglite.stop();
    }
  });

  it.skipIf(!SERVER_URL)('on the PostgreSQL server (DATABASE_URL; skipped when unset)', async () => {
    const db = await createScratchDatabase(SERVER_URL!);
    try {
      await migrateEmpty(db.url);
    } finally {
      await db.drop();
    }
  });
});

describe('two instances started at once on an empty database', () => {
  it.skipIf(!SERVER_URL)(
    'migrate and seed it once, one after the other, and both serve (PostgreSQL; skipped when unset)',
    async () => {
      const db = await createScratchDatabase(SERVER_URL!);
      const env = { DATABASE_URL: db.url, DB_MIGRATE_ON_START: 'true', SEED_DEMO: 'true' };
      const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const sql = new pg.Client({ connectionString: db.url });
      await sql.connect();
      try {
        for (const s of servers) expect((await fetch(`${s.baseUrl}/api/health/ready`)).status).toBe(200);
        const migrations = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
        const admins = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM credential WHERE login = 'admin'`,
        );
        const departments = await sql.query<{ n: number; distinct: number }>(
          'SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct FROM department',
        );
        expect(migrations.rows[0].n).toBe(MIGRATIONS.length);
        expect(admins.rows[0].n).toBe(1);
        expect(departments.rows[0].n).toBe(departments.rows[0].distinct);
        for (const s of servers) expect(s.output()).not.toMatch(/duplicate key|already exists/);
      } finally {
        await sql.end();
        await Promise.all(servers.map((s) => s.stop()));
        await db.drop();
      }
    },
    60_000,
  );
});
