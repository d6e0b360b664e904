import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/platform/database/data-source-options.js';
import { EmbeddedPostgres } from '../src/platform/database/embedded-postgres.js';
import { createScratchDatabase, SERVER_URL } from './helpers/test-database.js';

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
