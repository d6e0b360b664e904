import { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config/app-config.js';
import { dataSourceOptions } from '../platform/database/data-source-options.js';
import { DatabaseRuntime } from '../platform/database/database-runtime.js';

/** Opens the configured database (DATABASE_URL, or the embedded one's data directory) for a script. */
export async function openCliDatabase(): Promise<{ ds: DataSource; runtime: DatabaseRuntime; close(): Promise<void> }> {
  const config = loadConfig();
  const runtime = await DatabaseRuntime.start(config.database);
  const ds = new DataSource(dataSourceOptions(runtime.url, runtime.poolSize, !runtime.sharedSession));
  await ds.initialize();
  return {
    ds,
    runtime,
    async close() {
      await ds.destroy();
      await runtime.stop();
    },
  };
}
