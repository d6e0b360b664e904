import { createApp } from '../app.factory.js';
import { seedDemoIfEmpty } from '../demo/demo-seed.js';
import { loadConfig } from '../platform/config/app-config.js';

/** `npm run seed`: loads the demo center into an empty database (migrating it first). */
const running = await createApp(loadConfig({ ...process.env, LOG_LEVEL: 'warn', SPA_ROOT: 'none' }));
const seeded = await seedDemoIfEmpty(running.app);
console.log(
  seeded
    ? `demo data loaded into ${running.db.description}`
    : `${running.db.description} already has data; nothing loaded`,
);
await running.close();
