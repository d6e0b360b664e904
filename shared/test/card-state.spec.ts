import { describe, expect, it } from 'vitest';
import { CARD_ACTION_LABELS, CARD_TRANSITIONS, type CardAction, cardStateAfter, CardState } from '../src/index.js';

const states = Object.values(CardState);
const actions = Object.keys(CARD_ACTION_LABELS) as CardAction[];

describe('card state machine', () => {
  it('lists every state', () => {
    expect(Object.keys(CARD_TRANSITIONS).sort()).toEqual([...states].sort());
  });

  it('lets the holder appeal an issued card, and nothing else', () => {
    expect(cardStateAfter('ISSUED', 'APPEAL')).toBe('APPEALED');
    for (const a of actions.filter((x) => x !== 'APPEAL')) expect(cardStateAfter('ISSUED', a)).toBeNull();
  });

  it('lets a supervisor decide an appealed card once, and never appeal it twice', () => {
    expect(cardStateAfter('APPEALED', 'REVOKE')).toBe('REVOKED');
    expect(cardStateAfter('APPEALED', 'UPHOLD')).toBe('UPHELD');
    expect(cardStateAfter('APPEALED', 'ESCALATE')).toBe('ESCALATED');
    expect(cardStateAfter('APPEALED', 'APPEAL')).toBeNull();
  });

  it('keeps a decided card final: no action leads anywhere from it', () => {
    for (const s of ['REVOKED', 'UPHELD', 'ESCALATED'] as const)
      for (const a of actions) expect(cardStateAfter(s, a), `${s} + ${a}`).toBeNull();
  });

  it('never leads back to ISSUED, and every state but ISSUED is reached by exactly one action', () => {
    const reached = new Map<CardState, string[]>();
    for (const s of states)
      for (const a of actions) {
        const next = cardStateAfter(s, a);
        if (next) reached.set(next, [...(reached.get(next) ?? []), `${s}+${a}`]);
      }
    expect(reached.has('ISSUED')).toBe(false);
    for (const s of states.filter((x) => x !== 'ISSUED')) expect(reached.get(s), s).toHaveLength(1);
  });
});
