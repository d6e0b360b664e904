import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config/app-config.js';

describe('config', () => {
  it('has working defaults for a fresh machine: embedded database in ./data, demo mode', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('demo');
    expect(c.database.url).toBeNull();
    expect(c.database.dataDir).toMatch(/data$/);
    expect(c.database.runMigrations).toBe(true);
    expect(c.database.seedDemo).toBe(true);
    expect(c.http.port).toBe(3000);
    // The demo's start output is for a person: request lines only at debug level.
    expect(c.log.requests).toBe(false);
    expect(loadConfig({ LOG_REQUESTS: 'true' }).log.requests).toBe(true);
    // One profile of the center for every page and document; a deployment sets its own.
    expect(c.center).toMatchObject({ name: '示范市政务服务中心', hotline: '12345', complaintPhone: '12345' });
    expect(loadConfig({ CENTER_ADDRESS: '  人民路 1 号  ' }).center.address).toBe('人民路 1 号');
    expect(() => loadConfig({ CENTER_NAME: 'x'.repeat(101) })).toThrow(/CENTER_NAME/);
    expect(() => loadConfig({ CENTER_HOTLINE: '12345\n67890' })).toThrow(/CENTER_HOTLINE/);
  });

  it('reports every bad value at once, with a readable message', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DB_POOL_SIZE: '0',
        ONEWINDOW_MODE: 'staging',
        DATABASE_URL: 'mysql://x',
        DB_MIGRATE_ON_START: 'maybe',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const p = (e as ConfigError).problems.join('\n');
      for (const key of [
        'PORT=eighty',
        'DB_POOL_SIZE=0',
        'ONEWINDOW_MODE=staging',
        'DATABASE_URL',
        'DB_MIGRATE_ON_START=maybe',
      ])
        expect(p).toContain(key);
    }
  });

  it('production needs real secrets and refuses a set business time', () => {
    expect(() => loadConfig({ ONEWINDOW_MODE: 'production' })).toThrow(/JWT_SECRET[\s\S]*ONEWINDOW_DATA_KEY/);
    expect(() =>
      loadConfig({
        ONEWINDOW_MODE: 'production',
        JWT_SECRET: 'x'.repeat(32),
        ONEWINDOW_DATA_KEY: 'y'.repeat(32),
        ONEWINDOW_NOW: '2026-01-01',
      }),
    ).toThrow(/ONEWINDOW_NOW/);
    const ok = loadConfig({
      ONEWINDOW_MODE: 'production',
      JWT_SECRET: 'x'.repeat(32),
      ONEWINDOW_DATA_KEY: 'y'.repeat(32),
    });
    expect(ok.database.seedDemo).toBe(false);
    expect(ok.log.requests).toBe(true);
  });

  it('a test or demo may start at a set business time', () => {
    const c = loadConfig({ ONEWINDOW_NOW: '2026-02-13T10:00:00+08:00' });
    expect(c.clock.initialNow?.toISOString()).toBe('2026-02-13T02:00:00.000Z');
    expect(() => loadConfig({ ONEWINDOW_NOW: 'soon' })).toThrow(/ONEWINDOW_NOW=soon/);
  });
});
