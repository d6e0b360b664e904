import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, auditActionLabel } from '@onewindow/shared';

/** Every `.ts` file under the server's sources. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const server = sources(fileURLToPath(new URL('../src', import.meta.url))).map((f) => readFileSync(f, 'utf8'));

describe('the audit log in words', () => {
  it('names every act and kind of record the server audits under a fixed name', () => {
    const actions = new Set(server.flatMap((s) => [...s.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1])));
    const targets = new Set(server.flatMap((s) => [...s.matchAll(/targetType: '([a-z_]+)'/g)].map((m) => m[1])));
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect([...targets].filter((t) => !AUDIT_TARGET_LABELS[t])).toEqual([]);
  });

  it('takes the state machines’ words for the acts they name', () => {
    expect(auditActionLabel('case.accept')).toBe('受理');
    expect(auditActionLabel('supervision.card_appeal')).toBe('申诉');
    expect(auditActionLabel('auth.refresh_reuse_detected')).toContain('重复使用');
    expect(auditActionLabel('complaint.accept')).toBe('受理投诉');
    expect(auditActionLabel('evaluation.rectification_visit')).toBe('回访');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});
