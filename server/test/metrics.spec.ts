import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: 'scrape-secret-0123456789' });
});
afterAll(() => t?.close());

const scrape = (token?: string) =>
  fetch(`${t.baseUrl}/api/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
/** The value of one sample line, by its name and labels as printed. */
const sample = (text: string, line: string) => {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.split(' ').pop());
};

describe('metrics in the Prometheus format', () => {
  it('are read only with the configured token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong')).status).toBe(401);
    const res = await scrape('scrape-secret-0123456789');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('count requests by route template, and tell the pool, the seal, the sweep and its lag', async () => {
    const cardId = '3f1e1a2b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
    await fetch(`${t.baseUrl}/api/health`);
    await fetch(`${t.baseUrl}/api/health`);
    await fetch(`${t.baseUrl}/api/supervision/cards/${cardId}`); // 401: counted under its template, not its id
    const supervisor = await t.loginAs('supervisor');
    const run = await supervisor.supervision.sweep();
    const text = await (await scrape('scrape-secret-0123456789')).text();
    expect(
      sample(text, 'onewindow_http_requests_total{method="GET",route="/api/health",status="200"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(text, 'onewindow_http_requests_total{method="GET",route="/api/supervision/cards/:id",status="401"}'),
    ).toBe(1);
    expect(text).not.toContain(cardId);
    expect(text).toContain('onewindow_http_request_duration_seconds_bucket');
    expect(sample(text, 'onewindow_db_pool_connections{state="open"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'onewindow_audit_pending_entries')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'onewindow_sweep_duration_seconds_count')).toBe(1);
    expect(sample(text, 'onewindow_cards_issued_total{level="YELLOW"}')).toBe(run.yellow);
    expect(sample(text, 'onewindow_cards_issued_total{level="RED"}')).toBe(run.red);
    // The sweep just ran: nothing crossing waits for its card.
    expect(sample(text, 'onewindow_sweep_lag_seconds')).toBe(0);
    expect(sample(text, 'onewindow_live_channel_listeners')).toBe(t.databaseUrl ? 1 : 0);
  });
});
