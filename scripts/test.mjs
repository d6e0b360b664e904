// `npm test`: lint and format check, typecheck, every unit and integration suite, a build, and the browser journeys.
// With DATABASE_URL set, server and browser tests use that PostgreSQL server (a fresh database
// per test file); without it, embedded PGlite. Ends with one line: "Tests: N passed, N failed, N skipped".
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(os.tmpdir(), `onewindow-test-${process.pid}`);
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const failedTests = [];

function run(label, cmd, args, cwd = root, onLine) {
  console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let buf = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      if (onLine) lines.forEach(onLine);
    });
    child.on('close', (code) => {
      if (buf && onLine) onLine(buf);
      if (code !== 0) failures.push(label);
      resolve(code === 0);
    });
  });
}

async function vitest(label, dir) {
  const out = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  await run(
    label,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    path.join(root, dir),
  );
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    for (const file of r.testResults ?? [])
      for (const t of file.assertionResults ?? [])
        if (t.status === 'failed')
          failedTests.push(
            `${label}: ${path.relative(root, file.name)} › ${t.fullName}\n    ${(t.failureMessages?.[0] ?? '').split('\n')[0]}`,
          );
  } catch {
    totals.failed += 1; // the suite did not even report
  }
}

const started = Date.now();
console.log(
  `database for server and browser tests: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`,
);

if (!(await run('build shared', 'npm', ['run', 'build', '-w', '@onewindow/shared']))) process.exit(1);
await run('lint (ESLint, Prettier, import rules: npm run lint)', 'npm', ['run', 'lint', '--silent']);
await run('typecheck', 'npm', [
  'run',
  'typecheck',
  '-w',
  '@onewindow/server',
  '-w',
  '@onewindow/web-kit',
  '-w',
  '@onewindow/web-public',
  '-w',
  '@onewindow/web-staff',
  '-w',
  '@onewindow/web-supervision',
]);

await vitest('shared tests', 'shared');
await vitest('server tests (integration: real HTTP, real database)', 'server');
for (const app of ['web-kit', 'web-public', 'web-staff', 'web-supervision']) await vitest(`${app} tests`, app);

if (
  await run('build SPAs', 'npm', [
    'run',
    'build',
    '-w',
    '@onewindow/web-public',
    '-w',
    '@onewindow/web-staff',
    '-w',
    '@onewindow/web-supervision',
  ])
) {
  await run(
    'browser journeys (Playwright, Debian Chromium)',
    'node',
    ['--test', '--test-concurrency=1', '--test-reporter=tap', 'journeys/'],
    path.join(root, 'e2e'),
    (line) => {
      const m = /^# (pass|fail|skipped) (\d+)$/.exec(line.trim());
      if (m) totals[{ pass: 'passed', fail: 'failed', skipped: 'skipped' }[m[1]]] += Number(m[2]);
    },
  );
}

if (failedTests.length) console.log(`\nfailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}`);
console.log(
  `\n${failures.length ? `failed steps: ${failures.join('; ')}` : 'all steps passed'} in ${Math.round((Date.now() - started) / 1000)} s; screenshots in e2e/artifacts/`,
);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
