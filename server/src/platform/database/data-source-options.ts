import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../../schema.js';
import { CommitSubscriber } from './commit.subscriber.js';
import { PreparingClient } from './preparing-client.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// `date` columns are calendar days: keep them as 'YYYY-MM-DD' strings, never local-midnight Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts and sequences fit in a double for any realistic size.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * How the app's connections to a PostgreSQL server behave: statements prepared once (PreparingClient); TCP
 * keepalives, so a peer that vanished is noticed; and a transaction left idle for a minute (an instance that froze
 * or died mid-transaction) ended by the server, so its locks, the sweep's among them, are not held for long.
 */
const SERVER_CONNECTIONS = {
  Client: PreparingClient,
  keepAlive: true,
  options: '-c idle_in_transaction_session_timeout=60s',
};

/**
 * The one description of our schema, used by the app, the migration script and the tests. With
 * `prepareStatements`, each connection prepares its statements once (see PreparingClient).
 */
export function dataSourceOptions(url: string, poolSize: number, prepareStatements = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [CommitSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    installExtensions: false,
    extra: { max: poolSize, ...(prepareStatements ? SERVER_CONNECTIONS : {}) },
    logging: ['error'],
  };
}
