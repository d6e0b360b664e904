// `npm start`: builds whatever is missing, then serves the API and the three SPAs from one port
// on the embedded database (or DATABASE_URL), loading the demo center into an empty database.
import { execSync } from 'node:child_process';
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
process.env.ONEWINDOW_DATA_DIR ??= path.join(root, 'data');
await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
