import type { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../../schema.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one description of our schema, used by the app, the migration script and the tests. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    installExtensions: false,
    extra: { max: poolSize },
    logging: ['error'],
  };
}
