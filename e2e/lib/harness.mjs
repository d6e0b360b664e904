// Starts the built system (API + SPAs) on its own database and drives it with Debian Chromium.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifacts = path.join(root, 'e2e/artifacts');
export const DEMO_PASSWORD = 'Demo@2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A fresh database: a scratch one on the PostgreSQL server when DATABASE_URL is set, else a temp PGlite directory. */
async function freshDatabase() {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ow-e2e-'));
    return { env: { ONEWINDOW_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `ow_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startSystem() {
  if (!existsSync(path.join(root, 'server/dist/main.js'))) throw new Error('build first: npm run build');
  const port = await freePort();
  const bankPort = await freePort();
  const db = await freshDatabase();
  const env = {
    ...process.env,
    ...db.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ONEWINDOW_MODE: 'test',
    LOG_LEVEL: 'warn',
    SPA_ROOT: root,
    SEED_DEMO: 'true',
    // Webhook deliveries run as in the demo (they are off by default in test mode).
    WEBHOOK_WORKER: 'true',
    WEBHOOK_POLL_MS: '100',
    // Notices send the applicant to the demo bank beside the system, as `npm start` does.
    FEES_PAY_URL: `http://127.0.0.1:${bankPort}/pay?code={code}`,
  };
  if (!db.env.DATABASE_URL) delete env.DATABASE_URL;
  const proc = spawn('node', [path.join(root, 'server/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server not ready in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const bank = spawn('node', [path.join(root, 'scripts/demo-bank.mjs')], {
    env: { ...process.env, ONEWINDOW_API_URL: baseUrl, DEMO_BANK_PORT: String(bankPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bank.stderr.on('data', (d) => (output += d));
  for (const until = Date.now() + 20_000; ;) {
    try {
      await fetch(`http://127.0.0.1:${bankPort}/`);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`demo bank not up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Demo users' access tokens for `api`, by login. */
  const tokens = new Map();
  return {
    baseUrl,
    bankUrl: `http://127.0.0.1:${bankPort}`,
    /**
     * Calls the API as a demo user (for moving the business clock and setting the scene in journeys). A user's token
     * is kept and used again, so a journey's many calls stay within the login rate limit; one the server no longer
     * takes (the business clock moved past its expiry) is replaced once.
     */
    async api(login, method, apiPath, body) {
      const call = async (fresh) => {
        if (fresh || !tokens.has(login)) {
          const auth = await (
            await fetch(`${baseUrl}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ login, password: DEMO_PASSWORD }),
            })
          ).json();
          if (!auth.accessToken) throw new Error(`login ${login}: ${JSON.stringify(auth)}`);
          tokens.set(login, auth.accessToken);
        }
        return fetch(`${baseUrl}/api${apiPath}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(login)}` },
          body: body && JSON.stringify(body),
        });
      };
      let res = await call(false);
      if (res.status === 401) res = await call(true);
      return res.json();
    },
    async stop() {
      bank.kill('SIGTERM');
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      await db.drop();
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** For a journey file: the system and a browser, started before its tests and stopped after. */
export function useSystem() {
  const ctx = {};
  before(async () => {
    ctx.system = await startSystem();
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.system?.stop();
  });
  return ctx;
}

/** The text of a PDF the browser downloaded, as a reader extracts it. */
export async function downloadedPdfText(download) {
  const { readFile } = await import('node:fs/promises');
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(await readFile(await download.path())) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Logs a demo staff member into the back office and waits for the desk. */
export async function loginStaff(system, page, who) {
  await page.goto(`${system.baseUrl}/staff/`);
  await page.locator('[data-test=login]').fill(who);
  await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-test=greeting]').waitFor();
}

/** Logs a demo applicant into the portal and lands on `then`. */
export async function loginApplicant(system, page, phone, then) {
  await page.goto(`${system.baseUrl}/login?redirect=${encodeURIComponent(then)}`);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === then.split('?')[0]);
}

/** A small valid PDF to upload as a material. */
export const pdfFile = (name) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
});
