import { openCliDatabase } from './cli-database.js';

/** `npm run migrate`: applies pending migrations to the configured database. */
const { ds, runtime, close } = await openCliDatabase();
console.log(`database: ${runtime.description}`);
const applied = await ds.runMigrations({ transaction: 'each' });
console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
await close();
