import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The built API alone (no SPAs) on a free-ish port with rate limits out of the way, ready to measure.
 * `env` picks the database (DATABASE_URL, or ONEWINDOW_DATA_DIR for the embedded one) and the rest.
 */
export async function startServer(env) {
  const port = 4000 + Math.floor(Math.random() * 900);
  const base = `http://127.0.0.1:${port}/api`;
  const proc = spawn(
    'node',
    [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), path.join(root, 'server/dist/main.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SPA_ROOT: 'none',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
        RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
        SEED_DEMO_HISTORY: 'false',
        ...env,
      },
      stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  const stop = async () => {
    if (proc.exitCode !== null) return;
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  };
  for (;;) {
    if (proc.exitCode !== null) throw new Error('server exited during start');
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = async (who) => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: who, password: 'Demo@2026' }),
    });
    return { 'content-type': 'application/json', authorization: `Bearer ${(await res.json()).accessToken}` };
  };
  return { port, base, pid: proc.pid, stop, login };
}

/** A scratch database on the PostgreSQL server for one benchmark: its URL and how to drop it. */
export async function scratchDatabase(serverUrl, label) {
  const name = `ow_bench_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
