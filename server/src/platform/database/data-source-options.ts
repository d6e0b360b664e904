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
    extra: { max: poolSize, ...(prepareStatements ? { Client: PreparingClient } : {}) },
    logging: ['error'],
  };
}
