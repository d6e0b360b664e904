import type { DayKind, LimitUnit, PolicyState, WarningRules } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

/** One row per date: the calendar is data (DOMAIN.md §8). */
@Entity('calendar_day')
@Index('ix_calendar_day_work_seq', ['workSeq'], { where: `kind IN ('WORKDAY', 'MAKEUP_WORKDAY')` })
@Check('ck_calendar_day_kind', `kind IN ('WORKDAY', 'REST_DAY', 'HOLIDAY', 'MAKEUP_WORKDAY')`)
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DayKind;

  @Column({ type: 'varchar', length: 40, nullable: true })
  holidayName: string | null;

  /** Working days up to and including this date; kept by one set-based statement after every change. */
  @Column({ type: 'int' })
  workSeq: number;
}

/** Whether a year follows a published State Council notice, or only the weekday rule (provisional). */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'boolean' })
  confirmed: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  notice: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Bumped by every calendar change, so each process knows when to reload its cached calendar. */
@Entity('calendar_revision')
@Check('ck_calendar_revision_single', 'id = 1')
export class CalendarRevisionEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  revision: number;
}

/**
 * The warning policy (the card policy's YELLOW thresholds), versioned: proposed by CENTER_ADMIN, in force
 * once a SUPERVISOR signs it off; clocks record the version they run under.
 */
@Entity('deadline_policy')
@Index('uq_deadline_policy_in_force', ['state'], { unique: true, where: `state = 'IN_FORCE'` })
@Index('uq_deadline_policy_proposed', ['state'], { unique: true, where: `state = 'PROPOSED'` })
@Check('ck_deadline_policy_state', `state IN ('PROPOSED', 'IN_FORCE', 'SUPERSEDED', 'REJECTED')`)
export class DeadlinePolicyEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 12 })
  state: PolicyState;

  @Column({ type: 'int' })
  usedPercent: number;

  @Column({ type: 'int' })
  minLeft: number;

  /** Per clock kind: `{ "CASE": { "usedPercent": 70, "minLeft": 2 } }`; kinds not named use the two above. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  byKind: WarningRules;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  createdByName: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  decidedByName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'int', nullable: true })
  clocksRecomputed: number | null;
}

/**
 * A deadline clock (时限): one per subject and run. Its due and warning times derive from the
 * anchor (start, or last resume), the amount left at the anchor, and the calendar, so a calendar
 * change can recompute every running clock in SQL.
 */
@Entity('clock')
@Index('ix_clock_subject', ['subjectKind', 'subjectId'])
@Index('ix_clock_due_running', ['dueAt'], { where: `state = 'RUNNING'` })
@Index('ix_clock_warn_running', ['warnAt'], { where: `state = 'RUNNING'` })
@Index('ix_clock_warn_unalerted', ['warnAt'], { where: `state = 'RUNNING' AND alert_level = 0` })
@Index('ix_clock_due_unalerted', ['dueAt'], { where: `state = 'RUNNING' AND alert_level < 2` })
@Check('ck_clock_alert_level', `alert_level BETWEEN 0 AND 2`)
@Check('ck_clock_state', `state IN ('RUNNING', 'PAUSED', 'STOPPED')`)
@Check('ck_clock_unit', `limit_unit IN ('WORKING_DAY', 'NATURAL_DAY', 'HOUR', 'MONTH')`)
export class ClockEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  subjectKind: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'int' })
  limitValue: number;

  @Column({ type: 'varchar', length: 16 })
  limitUnit: LimitUnit;

  /** Joint handling (联办): the statutory extension cap is 15 working days instead of 10. */
  @Column({ type: 'boolean', default: false })
  joint: boolean;

  @Column({ type: 'int', default: 0 })
  extensionDays: number;

  @Column({ type: 'varchar', length: 8 })
  state: 'RUNNING' | 'PAUSED' | 'STOPPED';

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** Start, or the last resume. */
  @Column({ type: 'timestamptz' })
  anchorAt: Date;

  @Column({ type: 'date' })
  anchorDay: string;

  /** Left at the anchor: working days (WORKING_DAY), natural days (NATURAL_DAY, MONTH) or ms (HOUR). */
  @Column({ type: 'bigint' })
  anchorAmount: number;

  /** Natural days and months: the last day before rolling past a holiday. */
  @Column({ type: 'date', nullable: true })
  rawDueDate: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** Left when the warning fires: working days, or ms for the other units. */
  @Column({ type: 'bigint' })
  warnLeft: number;

  @Column({ type: 'timestamptz' })
  warnAt: Date;

  @Column({ type: 'int' })
  @ForeignKey(() => DeadlinePolicyEntity, { name: 'fk_clock_policy' })
  policyVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  stopReason: string | null;

  /** Sent back (退回): the clock this one replaces. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ClockEntity, { name: 'fk_clock_previous' })
  previousClockId: string | null;

  /** The highest supervision card this clock has been given: 0 none, 1 YELLOW, 2 RED (set by the sweep). */
  @Column({ type: 'smallint', default: 0 })
  alertLevel: number;
}

/** One pause (Art. 45 special procedures, 补正, …) with its notice. */
@Entity('clock_pause')
@Index('ix_clock_pause_clock', ['clockId'])
@Index('uq_clock_pause_open', ['clockId'], { unique: true, where: 'ended_at IS NULL' })
export class ClockPauseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ClockEntity, { name: 'fk_clock_pause_clock' })
  clockId: string;

  @Column({ type: 'varchar', length: 16 })
  reason: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reasonText: string | null;

  @Column({ type: 'varchar', length: 200 })
  legalBasis: string;

  @Column({ type: 'text' })
  notice: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** What was left when it paused (clock amount units). */
  @Column({ type: 'bigint' })
  remainingAtPause: number;

  @Column({ type: 'date' })
  dueDateBefore: string;

  @Column({ type: 'date', nullable: true })
  dueDateAfter: string | null;

  @Column({ type: 'uuid', nullable: true })
  startedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;
}

/** An approved extension (Art. 42) with its reason and notice. */
@Entity('clock_extension')
@Index('ix_clock_extension_clock', ['clockId'])
export class ClockExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ClockEntity, { name: 'fk_clock_extension_clock' })
  clockId: string;

  @Column({ type: 'int' })
  days: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'uuid' })
  approverId: string;

  @Column({ type: 'varchar', length: 50 })
  approverName: string;

  @Column({ type: 'text' })
  notice: string;

  @Column({ type: 'date' })
  dueDateBefore: string;

  @Column({ type: 'date' })
  dueDateAfter: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
