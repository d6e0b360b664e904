// The clock state machine and its limit rules, alone: no database, no app.
import { ErrorCode, EXTENSION_CAP_JOINT, EXTENSION_CAP_SINGLE, LimitUnit, MAX_LIMIT } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import {
  assertClockAction,
  assertExtensionAllowed,
  CLOCK_TRANSITIONS,
  type ClockAction,
  validateLimit,
} from '../src/modules/calendar/clock-rules.js';

const ACTIONS: ClockAction[] = ['PAUSE', 'RESUME', 'EXTEND', 'RESTART', 'STOP'];

function codeOf(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('clock state machine', () => {
  it('allows exactly the actions of its table, in every state', () => {
    expect(Object.keys(CLOCK_TRANSITIONS).sort()).toEqual(['PAUSED', 'RUNNING', 'STOPPED']);
    for (const [state, allowed] of Object.entries(CLOCK_TRANSITIONS))
      for (const a of ACTIONS)
        expect(
          codeOf(() => assertClockAction(state as keyof typeof CLOCK_TRANSITIONS, a)) === null,
          `${state} ${a}`,
        ).toBe(allowed.includes(a));
  });

  it('a running clock can be paused but not resumed; a paused one resumed but not paused again', () => {
    expect(codeOf(() => assertClockAction('RUNNING', 'PAUSE'))).toBeNull();
    expect(codeOf(() => assertClockAction('RUNNING', 'RESUME'))).toBe(ErrorCode.CLOCK_NOT_PAUSED);
    expect(codeOf(() => assertClockAction('PAUSED', 'RESUME'))).toBeNull();
    expect(codeOf(() => assertClockAction('PAUSED', 'PAUSE'))).toBe(ErrorCode.CLOCK_ALREADY_PAUSED);
  });

  it('a stopped clock refuses everything, naming that it stopped', () => {
    for (const a of ACTIONS) expect(codeOf(() => assertClockAction('STOPPED', a))).toBe(ErrorCode.CLOCK_STOPPED);
  });
});

describe('limits', () => {
  it('takes non-negative whole amounts up to the unit maximum, 0 included (即办件)', () => {
    for (const unit of Object.values(LimitUnit)) {
      expect(codeOf(() => validateLimit({ unit, value: 0 }))).toBeNull();
      expect(codeOf(() => validateLimit({ unit, value: MAX_LIMIT[unit] }))).toBeNull();
      expect(codeOf(() => validateLimit({ unit, value: MAX_LIMIT[unit] + 1 }))).toBe(ErrorCode.CLOCK_LIMIT_INVALID);
    }
  });

  it('refuses fractions, negatives, non-numbers and unknown units', () => {
    for (const value of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(
        codeOf(() => validateLimit({ unit: LimitUnit.WORKING_DAY, value })),
        String(value),
      ).toBe(ErrorCode.CLOCK_LIMIT_INVALID);
    expect(codeOf(() => validateLimit({ unit: 'WEEK' as LimitUnit, value: 1 }))).toBe(ErrorCode.CLOCK_LIMIT_INVALID);
  });
});

describe('extensions (行政许可法 第四十二条)', () => {
  it('caps the total at 10 working days for one department and 15 for joint handling', () => {
    expect(EXTENSION_CAP_SINGLE).toBe(10);
    expect(EXTENSION_CAP_JOINT).toBe(15);
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, false, 0, 10))).toBeNull();
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, false, 4, 6))).toBeNull();
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, false, 4, 7))).toBe(
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, false, 0, 11))).toBe(
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, true, 10, 5))).toBeNull();
    expect(codeOf(() => assertExtensionAllowed(LimitUnit.WORKING_DAY, true, 10, 6))).toBe(
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
  });

  it('extends only clocks counted in working days', () => {
    for (const unit of [LimitUnit.NATURAL_DAY, LimitUnit.HOUR, LimitUnit.MONTH])
      expect(
        codeOf(() => assertExtensionAllowed(unit, false, 0, 1)),
        unit,
      ).toBe(ErrorCode.CLOCK_EXTENSION_UNIT);
  });
});
