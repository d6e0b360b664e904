import { describe, expect, it } from 'vitest';
import { type CaseDto, CaseState, type ClockDto, RUNNING_CLOCK_OF_STATE, runningClock } from '../src/index.js';

const clock = (id: string, state: ClockDto['state']) => ({ id, state }) as ClockDto;
const theCase = (
  state: CaseState,
  clocks: Partial<Pick<CaseDto, 'acceptanceClock' | 'caseClock' | 'deliveryClock'>>,
) => ({
  state,
  acceptanceClock: null,
  caseClock: null,
  deliveryClock: null,
  ...clocks,
});

describe('the running clock of a case: one rule, by state', () => {
  it('names a clock, or none, for every state', () => {
    expect(Object.keys(RUNNING_CLOCK_OF_STATE).sort()).toEqual(Object.values(CaseState).sort());
  });

  it('acceptance before the decision to accept, paused while a supplement is awaited', () => {
    const a = clock('a', 'PAUSED');
    expect(runningClock(theCase('SUPPLEMENT_REQUIRED', { acceptanceClock: a }))).toBe(a);
  });

  it('the case clock in review and in a special procedure, not the stopped acceptance clock', () => {
    const c = clock('c', 'PAUSED');
    expect(runningClock(theCase('SUSPENDED', { acceptanceClock: clock('a', 'STOPPED'), caseClock: c }))).toBe(c);
  });

  it('delivery after the decision', () => {
    const d = clock('d', 'RUNNING');
    expect(runningClock(theCase('APPROVED', { caseClock: clock('c', 'STOPPED'), deliveryClock: d }))).toBe(d);
  });

  it('none once the case is closed, whatever a clock row says', () => {
    expect(runningClock(theCase('COMPLETED', { deliveryClock: clock('d', 'RUNNING') }))).toBeNull();
    expect(runningClock(theCase('WITHDRAWN', { acceptanceClock: clock('a', 'RUNNING') }))).toBeNull();
    expect(runningClock(theCase('DRAFT', {}))).toBeNull();
  });
});
