import { describe, expect, it } from 'vitest';
import { CASE_TRANSITIONS, CaseAction, caseActionAllowed, CaseState, isTerminalCase } from '../src/index.js';

describe('case state machine', () => {
  it('lists every state and allows only the transitions of DOMAIN.md §3', () => {
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual(Object.values(CaseState).sort());
    expect(
      Object.entries(CASE_TRANSITIONS)
        .filter(([, a]) => a.includes('ACCEPT'))
        .map(([s]) => s),
    ).toEqual(['SUBMITTED']);
    expect(
      Object.entries(CASE_TRANSITIONS)
        .filter(([, a]) => a.includes('DECIDE'))
        .map(([s]) => s),
    ).toEqual(['IN_REVIEW']);
    expect(
      Object.entries(CASE_TRANSITIONS)
        .filter(([, a]) => a.includes('DELIVER'))
        .map(([s]) => s)
        .sort(),
    ).toEqual(['APPROVED', 'DENIED']);
    expect(
      Object.entries(CASE_TRANSITIONS)
        .filter(([, a]) => a.includes('RESUME'))
        .map(([s]) => s),
    ).toEqual(['SUSPENDED']);
    // The applicant may withdraw any open case, never a decided or closed one.
    expect(
      Object.entries(CASE_TRANSITIONS)
        .filter(([, a]) => a.includes('WITHDRAW'))
        .map(([s]) => s)
        .sort(),
    ).toEqual(['DRAFT', 'IN_REVIEW', 'SUBMITTED', 'SUPPLEMENT_REQUIRED', 'SUSPENDED']);
  });

  it('terminal states allow nothing', () => {
    for (const s of ['COMPLETED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(isTerminalCase(s)).toBe(true);
      for (const a of Object.values(CaseAction)) expect(caseActionAllowed(s, a)).toBe(false);
    }
    expect(isTerminalCase('APPROVED')).toBe(false);
  });
});
