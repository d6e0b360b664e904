import { CalendarSql } from '../calendar/calendar.module.js';

/**
 * A rectification (alias `x`) done late: its return visit or its rectification ran over its clock. Read from the
 * clocks, not stored: both are stopped once it is RECTIFIED, so the answer never changes.
 */
export const RECTIFIED_LATE = CalendarSql.anyRanOver('x.visit_clock_id, x.rectify_clock_id', 'x.rectified_at');
