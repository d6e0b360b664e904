import {
  type ClockState,
  EXTENSION_CAP_JOINT,
  EXTENSION_CAP_SINGLE,
  LimitUnit,
  MAX_LIMIT,
  type TimeLimit,
} from '@onewindow/shared';
import { CalendarErrors } from './calendar.exception.js';

export type ClockAction = 'PAUSE' | 'RESUME' | 'EXTEND' | 'RESTART' | 'STOP';

/** The clock state machine: which actions each state allows. */
export const CLOCK_TRANSITIONS: Record<ClockState, readonly ClockAction[]> = {
  RUNNING: ['PAUSE', 'EXTEND', 'RESTART', 'STOP'],
  PAUSED: ['RESUME', 'EXTEND', 'RESTART', 'STOP'],
  STOPPED: [],
};

/** Throws the error that names why `action` is not allowed in `state`. */
export function assertClockAction(state: ClockState, action: ClockAction): void {
  if (CLOCK_TRANSITIONS[state].includes(action)) return;
  if (state === 'STOPPED') throw CalendarErrors.stopped();
  if (action === 'PAUSE') throw CalendarErrors.alreadyPaused();
  if (action === 'RESUME') throw CalendarErrors.notPaused();
  throw CalendarErrors.stopped();
}

export function validateLimit(limit: TimeLimit): void {
  if (!(Object.values(LimitUnit) as string[]).includes(limit.unit))
    throw CalendarErrors.limitInvalid(`未知的时限单位 ${String(limit.unit)}`);
  if (!Number.isInteger(limit.value) || limit.value < 0) throw CalendarErrors.limitInvalid('时限须为非负整数');
  if (limit.value > MAX_LIMIT[limit.unit])
    throw CalendarErrors.limitInvalid(`时限过长（${limit.unit} 最多 ${MAX_LIMIT[limit.unit]}）`);
}

/** Art. 42: +10 working days for one department, +15 for joint handling, in total. */
export function assertExtensionAllowed(unit: LimitUnit, joint: boolean, alreadyExtended: number, days: number): void {
  if (unit !== LimitUnit.WORKING_DAY) throw CalendarErrors.extensionUnit();
  const cap = joint ? EXTENSION_CAP_JOINT : EXTENSION_CAP_SINGLE;
  if (alreadyExtended + days > cap) throw CalendarErrors.extensionOverCap(cap, alreadyExtended, days);
}
