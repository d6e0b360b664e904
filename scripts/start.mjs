// `npm start`: builds whatever is missing, then serves the API and the three SPAs from one port
// on the embedded database (or DATABASE_URL), loading the demo center into an empty database.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = (p) => existsSync(path.join(root, p));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!built('shared/dist/index.js')) run('npm run build -w @onewindow/shared');
if (!built('server/dist/main.js')) run('npm run build -w @onewindow/server');
for (const app of ['web-public', 'web-staff', 'web-supervision']) {
  if (!built(`${app}/dist/index.html`)) run(`npm run build -w @onewindow/${app}`);
}

process.env.SPA_ROOT ??= root;
// 演示银行: in demo mode a stand-in for the collecting bank's payment page, confirming through the real API.
if ((process.env.ONEWINDOW_MODE ?? 'demo') === 'demo' && process.env.DEMO_BANK !== 'off') {
  const port = Number(process.env.PORT ?? 3000);
  const bankPort = Number(process.env.DEMO_BANK_PORT ?? port + 1);
  process.env.FEES_PAY_URL ??= `http://localhost:${bankPort}/pay?code={code}`;
  const bank = spawn(process.execPath, [path.join(root, 'scripts/demo-bank.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, ONEWINDOW_API_URL: `http://localhost:${port}`, DEMO_BANK_PORT: String(bankPort) },
  });
  process.on('exit', () => bank.kill());
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
process.env.ONEWINDOW_DATA_DIR ??= path.join(root, 'data');
await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
