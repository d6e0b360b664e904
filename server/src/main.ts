import { performance } from 'node:perf_hooks';
import { createApp } from './app.factory.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo/demo-seed.js';
import { ConfigError, loadConfig } from './platform/config/app-config.js';

async function main() {
  const t0 = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let seeded = false;
  const running = await createApp(config, {
    startup: async (app) => {
      if (config.database.seedDemo) seeded = await seedDemoIfEmpty(app);
    },
  });
  await running.app.listen({ port: config.http.port, host: config.http.host });
  const addr = running.app.getHttpServer().address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `OneWindow 一窗通办 is ready in ${Math.round(performance.now() - t0)} ms (mode: ${config.mode})`,
    `  database : ${running.db.description}`,
    `  API      : ${base}/api   (docs ${base}/api/docs)`,
  ];
  if (config.spaRoot) {
    lines.push(`  portal   : ${base}/`, `  staff    : ${base}/staff/`, `  supervise: ${base}/supervision/`);
  }
  if (config.database.seedDemo) {
    lines.push(seeded ? '  demo data: loaded into the empty database' : '  demo data: present');
    lines.push(`  demo logins (password ${DEMO_PASSWORD}):`);
    for (const d of DEMO_LOGINS) lines.push(`    ${d.login.padEnd(14)} ${d.role}`);
  }
  console.log(lines.join('\n') + '\n');

  const stop = async (signal: string) => {
    console.log(`received ${signal}, shutting down`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
