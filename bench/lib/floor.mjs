import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * The floor an API operation is judged against: the very statements the API sent (read from the server's
 * DB_STATEMENT_LOG between two offsets), replayed by bare `pg` clients at the same concurrency against a copy of
 * the database as it was before (so every statement meets the rows it met). Each connection's transactions
 * (START TRANSACTION … COMMIT) stay whole; statements outside one are units of their own. Prepared by name as the
 * API prepares them, so the floor is not handicapped by planning what the API planned once.
 */
export function recordedUnits(file, from, to) {
  const lines = readFileSync(file).subarray(from, to).toString('utf8').split('\n').filter(Boolean);
  const open = new Map();
  const units = [];
  for (const line of lines) {
    const { c, t, v } = JSON.parse(line);
    const values = v.map((x) => (x && typeof x === 'object' && '$bytes' in x ? Buffer.from(x.$bytes, 'base64') : x));
    const head = t.trim().toUpperCase();
    const unit = open.get(c);
    if (unit) {
      unit.push({ t, values });
      if (head === 'COMMIT' || head === 'ROLLBACK') open.delete(c);
    } else if (head.startsWith('START TRANSACTION') || head === 'BEGIN') {
      const u = [{ t, values }];
      units.push(u);
      open.set(c, u);
    } else units.push([{ t, values }]);
  }
  return units;
}

const nameOf = (text) => `ow_${createHash('sha1').update(text).digest('base64url')}`;

/** Replays `units` on `connections` bare clients against `url`; how long it took and how many statements failed. */
export async function replay(url, units, connections) {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let next = 0;
  let failed = 0;
  let statements = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < units.length; i = next++) {
        let aborted = false;
        for (const s of units[i]) {
          statements++;
          if (aborted && !/^(COMMIT|ROLLBACK)$/i.test(s.t.trim())) continue;
          try {
            if (s.values.length) await client.query({ name: nameOf(s.t), text: s.t, values: s.values });
            else await client.query(s.t);
          } catch (e) {
            failed++;
            if (failed <= 3) console.error(`floor: ${e.message} in ${s.t.slice(0, 120)}`);
            aborted = true;
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { seconds, failed, statements };
}
