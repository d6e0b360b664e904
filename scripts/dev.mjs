// `npm run dev`: the API rebuilt and restarted on change, and each SPA on its Vite dev server
// (portal :5173, staff :5174/staff/, supervision :5175/supervision/) proxying /api to :3000.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [];
const start = (name, cmd, args, cwd = root, env = {}) => {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const tag = `[${name}]`.padEnd(14);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) =>
      String(d)
        .split('\n')
        .filter(Boolean)
        .forEach((l) => console.log(tag, l)),
    );
  }
  children.push(child);
};

start('tsc', 'npx', ['tsc', '-b', '-w', '--preserveWatchOutput', 'server'], root);
start('api', 'node', ['--watch-path=server/dist', '--watch-preserve-output', 'server/dist/main.js'], root, {
  SPA_ROOT: 'none',
  ONEWINDOW_DATA_DIR: process.env.ONEWINDOW_DATA_DIR ?? path.join(root, 'data'),
});
for (const app of ['web-public', 'web-staff', 'web-supervision']) start(app, 'npx', ['vite'], path.join(root, app));

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
