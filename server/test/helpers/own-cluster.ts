import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Debian PostgreSQL binaries (what CI installs with the server), or null when there are none. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  const bin = version ? path.join(root, version, 'bin') : null;
  return bin && existsSync(path.join(bin, 'initdb')) ? bin : null;
}

export interface OwnCluster {
  url(database: string): string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back in a moment. */
  restart(): void;
  /** SIGKILL to the postmaster: the crash of the database server; `start()` brings it back. */
  killPostmaster(): void;
  start(): void;
  stop(): void;
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, its own port), for what a shared server
 * must not suffer: restarts and kills. Run as the `postgres` user when the test runs as root (initdb refuses root).
 */
export function ownCluster(bin: string): OwnCluster {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ow-pg-'));
  const data = path.join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const pgUser = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const pgGroup = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, pgUser, pgGroup);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = path.join(dir, 'log');
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start']);
  start();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: () =>
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-m', 'fast', '-w', 'restart']),
    killPostmaster: () => {
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
    },
    // After a kill its backends take a moment to notice and leave their shared memory: try again until they have.
    start: () => {
      for (let attempt = 1; ; attempt++) {
        try {
          start();
          return;
        } catch (e) {
          if (attempt >= 20)
            throw new Error(`${(e as Error).message}\n${readFileSync(log, 'utf8').slice(-2000)}`, { cause: e });
          execFileSync('sleep', ['0.5']);
        }
      }
    },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already down
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
