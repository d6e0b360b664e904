import {
  type ApiClient,
  dateOfDay,
  dayNumber,
  deadlineFromDay,
  ErrorCode,
  type Principal,
  type StartClockRequest,
  WorkingCalendar,
} from '@onewindow/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../src/modules/calendar/calendar.service.js';
import { personApplicant } from './helpers/applicants.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
type LoggedIn = ApiClient & { me: Principal };
let admin: LoggedIn;
let approver: LoggedIn;
let lead: LoggedIn;
let clerk: LoggedIn;
let scjg: string;
/** A real case: clocks started from outside must name a subject that exists. */
let subjectId: string;

/** Sessions live in business time too: after a jump, log everyone in again. */
async function loginAll() {
  admin = await t.loginAs('admin');
  approver = await t.loginAs('scjg.approver');
  lead = await t.loginAs('scjg.lead');
  clerk = await t.loginAs('scjg.clerk');
}

beforeAll(async () => {
  t = await startTestApp({ ONEWINDOW_NOW: '2026-03-02T09:00:00+08:00' });
  await loginAll();
  scjg = (await t.client().org.listDepartments()).find((d) => d.code === 'SCJG')!.id;
  subjectId = (
    await clerk.cases.walkIn({
      matterCode: 'XK00001001',
      applicant: personApplicant('王计时'),
      materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
    })
  ).id;
});
afterAll(() => t?.close());

const caseClock = (
  value: number,
  unit: StartClockRequest['limit']['unit'] = 'WORKING_DAY',
  extra: Partial<StartClockRequest> = {},
) =>
  admin.clocks.start({
    subjectKind: 'CASE',
    subjectId,
    departmentId: scjg,
    limit: { value, unit },
    ...extra,
  });
const setNow = async (iso: string) => {
  t.clock.set(new Date(iso));
  await loginAll();
};
const expertReview = {
  reason: 'EXPERT_REVIEW' as const,
  legalBasis: '《中华人民共和国行政许可法》第四十五条',
  notice: '需组织专家评审，预计 15 个工作日，评审时间不计入办理时限。',
};

describe('the calendar table', () => {
  it('ships 2026 from the State Council notice and later years as provisional', async () => {
    const y = await t.client().calendar.year(2026);
    expect(y.confirmed).toBe(true);
    expect(y.notice).toContain('2026');
    expect(y.days).toHaveLength(365);
    const byDate = new Map(y.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'MAKEUP_WORKDAY', holidayName: '春节' });
    expect(byDate.get('2026-02-18')?.kind).toBe('HOLIDAY');
    expect(byDate.get('2026-02-28')?.kind).toBe('MAKEUP_WORKDAY');
    const y2027 = await t.client().calendar.year(2027);
    expect(y2027.confirmed).toBe(false);
    await expectApiError(t.client().calendar.year(2050), 404, ErrorCode.CALENDAR_DATE_OUT_OF_RANGE);
  });

  it('computes a deadline across Spring Festival 2026 and lists the days it skips', async () => {
    const d = await t.client().calendar.deadline({ start: '2026-02-13T10:00:00+08:00', value: 2, unit: 'WORKING_DAY' });
    expect(d).toMatchObject({ dueDate: '2026-02-24', dueAt: '2026-02-24T16:00:00.000Z', provisional: false });
    expect(d.skippedDays.map((s) => s.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    const p = await t
      .client()
      .calendar.deadline({ start: '2026-12-20T10:00:00+08:00', value: 20, unit: 'WORKING_DAY' });
    expect(p.provisional).toBe(true);
  });

  it('refuses unknown units, negative or absurd values, and periods beyond the table', async () => {
    await expectApiError(
      t.client().calendar.deadline({ value: 5, unit: 'FORTNIGHT' as never }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      t.client().calendar.deadline({ value: -1, unit: 'WORKING_DAY' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    // `value=` is no number (once read as 0), nor are 5.5 or 1e3.
    for (const value of ['', '5.5', '1e3'])
      expect((await fetch(`${t.baseUrl}/api/calendar/deadline?value=${value}&unit=WORKING_DAY`)).status).toBe(400);
    // A nested object's place takes an object: `byKind: []` is refused, not read as no rules.
    const centerAdmin = await t.loginAs('admin');
    await expectApiError(
      centerAdmin.calendar.proposePolicy({ usedPercent: 50, minLeft: 2, note: '试行', byKind: [] as never }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      t.client().calendar.deadline({ value: 999_999, unit: 'WORKING_DAY' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      t.client().calendar.deadline({ value: 2500, unit: 'WORKING_DAY' }),
      400,
      ErrorCode.CLOCK_LIMIT_INVALID,
    );
    const e = await expectApiError(
      t.client().calendar.deadline({ start: '2035-12-01T10:00:00+08:00', value: 60, unit: 'WORKING_DAY' }),
      400,
      ErrorCode.CALENDAR_DATE_OUT_OF_RANGE,
    );
    expect(e.message).toContain('不在工作日历范围内');
  });
});

describe('a clock across a holiday with a pause for expert review', () => {
  it('pauses, keeps the remaining working days, and resumes past Qingming', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const c = await caseClock(20);
    // 3–6, 9–13, 16–20, 23–27 March and the 30th: twenty working days.
    expect(c).toMatchObject({
      state: 'RUNNING',
      dueDate: '2026-03-30',
      dueAt: '2026-03-30T16:00:00.000Z',
      workingDaysLeft: 20,
      workingDaysUsed: 0,
    });

    await setNow('2026-03-05T15:00:00+08:00');
    const paused = await approver.clocks.pause(c.id, expertReview);
    expect(paused.state).toBe('PAUSED');
    expect(paused.pauses[0]).toMatchObject({
      reason: 'EXPERT_REVIEW',
      remainingAtPause: 17,
      dueDateBefore: '2026-03-30',
      endedAt: null,
    });
    await expectApiError(approver.clocks.pause(c.id, expertReview), 409, ErrorCode.CLOCK_ALREADY_PAUSED);

    await setNow('2026-04-01T10:00:00+08:00');
    const resumed = await approver.clocks.resume(c.id);
    // 17 working days from 1 April: 2, 3, (4–6 Qingming), 7–10, 13–17, 20–24, 27.
    expect(resumed).toMatchObject({ state: 'RUNNING', dueDate: '2026-04-27', workingDaysLeft: 17 });
    expect(resumed.pauses[0]).toMatchObject({ dueDateAfter: '2026-04-27' });
    await expectApiError(approver.clocks.resume(c.id), 409, ErrorCode.CLOCK_NOT_PAUSED);

    const why = await approver.clocks.explain(c.id);
    const text = why.steps.join('\n');
    expect(text).toContain('起算当日 2026-03-02（星期一）不计入');
    expect(text).toContain('因专家评审暂停计时');
    expect(text).toContain('剩余 17 个工作日');
    expect(text).toContain('截止日顺延至 2026-04-27');
    expect(text).toContain('截止于 2026-04-27（星期一）24:00');
    expect(text).toContain('即 2026-04-21 24:00'); // 4 working days before the due day: 22, 23, 24, 27
    expect(why.skippedDays.filter((s) => s.holidayName === '清明节').map((s) => s.date)).toEqual([
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
    ]);

    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY seq`, [
      c.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['clock.started', 'clock.paused', 'clock.resumed']);
  });

  it('"other" needs a reason, and a paused clock gets no warning time while paused', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const c = await caseClock(5);
    const e = await expectApiError(
      approver.clocks.pause(c.id, { ...expertReview, reason: 'OTHER' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(e.fieldErrors.reasonText).toBeTruthy();
    await approver.clocks.pause(c.id, { ...expertReview, reason: 'OTHER', reasonText: '现场核查' });
    const [row] = await t.sql<{ state: string }>(`SELECT state FROM clock WHERE id = $1`, [c.id]);
    expect(row.state).toBe('PAUSED'); // the warning sweep watches RUNNING clocks only (partial indexes)
  });
});

describe('extensions (Art. 42)', () => {
  it('a department lead extends up to 10 working days in total; beyond is refused', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const c = await caseClock(20);
    await expectApiError(
      clerk.clocks.extend(c.id, { days: 5, reason: '情况复杂', notice: '延期告知' }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    const x = await lead.clocks.extend(c.id, {
      days: 5,
      reason: '需补充现场核查',
      notice: '经本机关负责人批准延长 5 个工作日。',
    });
    expect(x).toMatchObject({ extensionDays: 5, dueDate: '2026-04-07' }); // 31 Mar, 1–3 Apr, (4–6 Qingming), 7 Apr
    expect(x.extensions[0]).toMatchObject({
      days: 5,
      dueDateBefore: '2026-03-30',
      dueDateAfter: '2026-04-07',
      approverName: lead.me.name,
    });
    const over = await expectApiError(
      lead.clocks.extend(c.id, { days: 6, reason: '再延', notice: '…' }),
      400,
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
    expect(over.details).toMatchObject({ cap: 10, used: 5, requested: 6 });
    await lead.clocks.extend(c.id, { days: 5, reason: '再延', notice: '…' });
  });

  it('joint handling may extend 15; day-unit limits other than working days cannot be extended', async () => {
    const j = await caseClock(45, 'WORKING_DAY', { joint: true });
    await lead.clocks.extend(j.id, { days: 12, reason: '联办', notice: '…' });
    await expectApiError(
      lead.clocks.extend(j.id, { days: 4, reason: '联办', notice: '…' }),
      400,
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
    const n = await caseClock(30, 'NATURAL_DAY');
    await expectApiError(
      lead.clocks.extend(n.id, { days: 1, reason: 'x', notice: 'y' }),
      400,
      ErrorCode.CLOCK_EXTENSION_UNIT,
    );
  });
});

describe('sending back', () => {
  it('stops the old clock, keeps it, and starts a new one with the full limit', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const c = await caseClock(10);
    await setNow('2026-03-09T09:00:00+08:00');
    const fresh = await approver.clocks.restart(c.id);
    expect(fresh).toMatchObject({
      previousClockId: c.id,
      state: 'RUNNING',
      dueDate: '2026-03-23',
      workingDaysLeft: 10,
    });
    const old = await approver.clocks.get(c.id);
    expect(old).toMatchObject({ state: 'STOPPED', stopReason: 'RETURNED', dueDate: '2026-03-16' });
    await expectApiError(approver.clocks.pause(c.id, expertReview), 409, ErrorCode.CLOCK_STOPPED);
  });

  it('other departments cannot see or touch the clock', async () => {
    const c = await caseClock(10);
    const other = await t.loginAs('zjj.approver');
    await expectApiError(other.clocks.get(c.id), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    await expectApiError(other.clocks.pause(c.id, expertReview), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
  });
});

describe('calendar changes', () => {
  it('an edit recomputes exactly the affected running clocks and leaves stopped and paused ones alone', async () => {
    await setNow('2026-05-11T09:00:00+08:00');
    const spanning = await caseClock(10); // runs to 25 May, across 20 May
    const before = await caseClock(3); // ends 14 May
    const stopped = await caseClock(10);
    await approver.clocks.restart(stopped.id); // stops it (its replacement also spans: it moves too)
    const paused = await caseClock(10);
    await approver.clocks.pause(paused.id, expertReview);
    const dueOf = async (id: string) =>
      (await t.sql<{ due_date: string }>('SELECT due_date FROM clock WHERE id = $1', [id]))[0].due_date;
    const snapshot = {
      spanning: await dueOf(spanning.id),
      before: await dueOf(before.id),
      stopped: await dueOf(stopped.id),
      paused: await dueOf(paused.id),
    };
    expect(snapshot.spanning).toBe('2026-05-25');

    const change = await admin.calendar.editDay('2026-05-20', { kind: 'HOLIDAY', holidayName: '临时调整（测试）' });
    const [{ n: running }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM clock WHERE state = 'RUNNING' AND limit_unit <> 'HOUR' AND anchor_day < '2026-05-20' AND due_date >= '2026-05-20'`,
    );
    expect(change).toEqual({ changedDays: 1, clocksMoved: running });
    expect(await dueOf(spanning.id)).toBe('2026-05-26');
    expect(await dueOf(before.id)).toBe(snapshot.before);
    expect(await dueOf(stopped.id)).toBe(snapshot.stopped);
    expect(await dueOf(paused.id)).toBe(snapshot.paused);
    const [audit] = await t.sql<{ summary: { clocksMoved: number } }>(
      `SELECT summary FROM audit_entry WHERE action = 'calendar.day_changed' AND target_id = '2026-05-20'`,
    );
    expect(audit.summary.clocksMoved).toBe(running);

    // Undoing it moves the same clocks back.
    expect(await admin.calendar.editDay('2026-05-20', { kind: 'WORKDAY' })).toEqual({
      changedDays: 1,
      clocksMoved: running,
    });
    expect(await dueOf(spanning.id)).toBe('2026-05-25');
    expect(await admin.calendar.editDay('2026-05-20', { kind: 'WORKDAY' })).toEqual({ changedDays: 0, clocksMoved: 0 });
  });

  it('the SQL recompute agrees with the shared arithmetic for every running clock', async () => {
    await setNow('2026-06-01T09:00:00+08:00');
    const units = ['WORKING_DAY', 'NATURAL_DAY', 'MONTH'] as const;
    for (let i = 0; i < 24; i++) await caseClock(1 + ((i * 7) % 40), units[i % 3]);
    await admin.calendar.editDay('2026-06-19', { kind: 'WORKDAY' }); // Dragon Boat Festival worked
    await admin.calendar.editDay('2026-07-01', { kind: 'HOLIDAY', holidayName: '测试' });

    const cal = await t.running.app.get(CalendarService).calendar();
    const rows = await t.sql<{
      id: string;
      limit_unit: 'WORKING_DAY';
      anchor_at: Date;
      anchor_day: string;
      anchor_amount: number;
      due_date: string;
      due_at: Date;
      raw_due_date: string | null;
    }>(`SELECT * FROM clock WHERE state = 'RUNNING' AND limit_unit <> 'HOUR'`);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const expected = deadlineFromDay(
        cal,
        new Date(r.anchor_at),
        dayNumber(r.anchor_day),
        r.limit_unit,
        Number(r.anchor_amount),
      );
      expect({ id: r.id, due: r.due_date, at: new Date(r.due_at).toISOString() }).toEqual({
        id: r.id,
        due: dateOfDay(expected.dueDay),
        at: expected.dueAt.toISOString(),
      });
    }
    // The edits restored: 19 June back to the notice.
    await admin.calendar.editDay('2026-06-19', { kind: 'HOLIDAY', holidayName: '端午节' });
    await admin.calendar.editDay('2026-07-01', { kind: 'WORKDAY' });
    expect(WorkingCalendar.official(2026, 2026).kindOfDay(dayNumber('2026-06-19'))).toBe('HOLIDAY');
  });

  it('refuses a date outside the table, a kind the weekday cannot have, and a nameless holiday', async () => {
    await expectApiError(
      admin.calendar.editDay('2040-01-02', { kind: 'HOLIDAY', holidayName: '元旦' }),
      400,
      ErrorCode.CALENDAR_DATE_OUT_OF_RANGE,
    );
    await expectApiError(
      admin.calendar.editDay('2026-02-30', { kind: 'WORKDAY' }),
      400,
      ErrorCode.CALENDAR_DATE_OUT_OF_RANGE,
    );
    await expectApiError(
      admin.calendar.editDay('2026-03-04', { kind: 'REST_DAY' }),
      400,
      ErrorCode.CALENDAR_KIND_MISMATCH,
    );
    await expectApiError(
      admin.calendar.editDay('2026-03-07', { kind: 'WORKDAY' }),
      400,
      ErrorCode.CALENDAR_KIND_MISMATCH,
    );
    await expectApiError(
      admin.calendar.editDay('2026-03-04', { kind: 'MAKEUP_WORKDAY', holidayName: 'x' }),
      400,
      ErrorCode.CALENDAR_KIND_MISMATCH,
    );
    await expectApiError(
      admin.calendar.editDay('2026-03-04', { kind: 'HOLIDAY' }),
      400,
      ErrorCode.CALENDAR_KIND_MISMATCH,
    );
    await expectApiError(
      admin.calendar.editDay('2026-03-04', { kind: 'SPECIAL' as never }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      clerk.calendar.editDay('2026-03-04', { kind: 'HOLIDAY', holidayName: 'x' }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
  });

  it('imports a year from its notice: confirmed, holidays and make-up days set, the rest by weekday; a bad file changes nothing', async () => {
    const bad = await expectApiError(
      admin.calendar.importYear(2027, {
        notice: '通知',
        specials: [
          { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
          { date: '2027-02-10', kind: 'MAKEUP_WORKDAY', name: '春节' },
        ],
      }),
      400,
      ErrorCode.CALENDAR_IMPORT_INVALID,
    );
    expect((bad.details as { problems: string[] }).problems).toHaveLength(2);
    expect((await t.client().calendar.year(2027)).confirmed).toBe(false);

    await setNow('2026-12-21T09:00:00+08:00');
    const c = await caseClock(40); // into February 2027
    const result = await admin.calendar.importYear(2027, {
      notice: '国务院办公厅关于2027年部分节假日安排的通知',
      specials: [
        { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
        ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map(
          (date) => ({ date, kind: 'HOLIDAY' as const, name: '春节' }),
        ),
        { date: '2027-02-13', kind: 'MAKEUP_WORKDAY', name: '春节' },
      ],
    });
    expect(result.changedDays).toBe(9); // 1 Jan, 6–12 Feb (weekend days become holidays too), the make-up 13 Feb
    expect(result.clocksMoved).toBeGreaterThanOrEqual(1);
    const y = await t.client().calendar.year(2027);
    expect(y.confirmed).toBe(true);
    expect(y.days.find((d) => d.date === '2027-02-13')?.kind).toBe('MAKEUP_WORKDAY');
    const moved = await admin.clocks.get(c.id);
    expect(moved.provisional).toBe(false);
  });
});

describe('warning policy', () => {
  it('a proposal changes nothing until a supervisor signs it off; then open clocks warn under it, per clock kind', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const supervisor = await t.loginAs('supervisor');
    const v1 = await caseClock(20);
    const acceptance = await admin.clocks.start({
      subjectKind: 'ACCEPTANCE',
      subjectId,
      departmentId: scjg,
      limit: { value: 5, unit: 'WORKING_DAY' },
    });
    const hours = await caseClock(48, 'HOUR');
    expect(v1.policyVersion).toBe(1);
    // 80% of 20 used = 16 days used, 4 left: the warning comes at the end of 24 March.
    expect(v1.warnAt).toBe('2026-03-24T16:00:00.000Z');
    expect(hours.warnAt).toBe(new Date(new Date(hours.dueAt).getTime() - 10 * 3_600_000 + 24 * 60_000).toISOString()); // 20% of 48 h = 9.6 h
    await expectApiError(
      lead.calendar.proposePolicy({ usedPercent: 50, minLeft: 2, note: '试行' }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    const bad = await expectApiError(
      admin.calendar.proposePolicy({
        usedPercent: 150,
        minLeft: 2,
        byKind: { CASE: { usedPercent: 0, minLeft: 2 } },
        note: '',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['byKind.CASE.usedPercent', 'note', 'usedPercent']);
    await expectApiError(
      admin.calendar.proposePolicy({
        usedPercent: 80,
        minLeft: 1,
        byKind: { NOT_A_KIND: { usedPercent: 50, minLeft: 1 } } as never,
        note: '未知种类',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );

    const p = await admin.calendar.proposePolicy({
      usedPercent: 80,
      minLeft: 1,
      byKind: { CASE: { usedPercent: 50, minLeft: 2 } },
      note: '办理时限过半即预警',
    });
    expect(p).toMatchObject({
      version: 2,
      state: 'PROPOSED',
      byKind: { CASE: { usedPercent: 50, minLeft: 2 } },
      proposedByName: admin.me.name,
      decidedAt: null,
    });
    // Not in force yet: a clock started now still runs under version 1.
    expect((await caseClock(20)).policyVersion).toBe(1);
    await expectApiError(
      admin.calendar.proposePolicy({ usedPercent: 70, minLeft: 1, note: '再提一版' }),
      409,
      ErrorCode.POLICY_PENDING,
    );
    await expectApiError(
      admin.calendar.decidePolicy(2, { approve: true, note: '自己批' }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    await expectApiError(
      supervisor.calendar.decidePolicy(99, { approve: true, note: '无此版本' }),
      404,
      ErrorCode.POLICY_NOT_FOUND,
    );

    const signed = await supervisor.calendar.decidePolicy(2, { approve: true, note: '同意，自签认时起执行' });
    expect(signed).toMatchObject({
      state: 'IN_FORCE',
      decidedByName: supervisor.me.name,
      decisionNote: '同意，自签认时起执行',
    });
    expect(signed.clocksRecomputed).toBeGreaterThanOrEqual(4);
    // The running CASE clocks warn at half time now (10 of 20 working days left; 24 of 48 hours); ACCEPTANCE keeps the default.
    expect(await admin.clocks.get(v1.id)).toMatchObject({
      policyVersion: 2,
      warnAt: '2026-03-16T16:00:00.000Z',
      dueAt: v1.dueAt,
    });
    expect(await admin.clocks.get(acceptance.id)).toMatchObject({ policyVersion: 2, warnAt: acceptance.warnAt });
    expect(await admin.clocks.get(hours.id)).toMatchObject({
      policyVersion: 2,
      warnAt: new Date(new Date(hours.dueAt).getTime() - 24 * 3_600_000).toISOString(),
    });
    expect((await caseClock(20)).warnAt).toBe('2026-03-16T16:00:00.000Z');
    await expectApiError(
      supervisor.calendar.decidePolicy(2, { approve: false, note: '再驳回' }),
      409,
      ErrorCode.POLICY_STATE,
    );

    // Rejected: nothing moves.
    await admin.calendar.proposePolicy({ usedPercent: 90, minLeft: 0, note: '放宽' });
    expect(await supervisor.calendar.decidePolicy(3, { approve: false, note: '不同意放宽' })).toMatchObject({
      state: 'REJECTED',
      clocksRecomputed: null,
    });
    expect((await admin.clocks.get(v1.id)).policyVersion).toBe(2);
    expect((await admin.calendar.policies()).map((x) => [x.version, x.state])).toEqual([
      [3, 'REJECTED'],
      [2, 'IN_FORCE'],
      [1, 'SUPERSEDED'],
    ]);
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE target_type = 'deadline_policy' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'calendar.policy_proposed',
      'calendar.policy_signed_off',
      'calendar.policy_proposed',
      'calendar.policy_rejected',
    ]);
  });

  it('a stricter policy warns a clock it puts past its warning at the moment it came into force, not before', async () => {
    await setNow('2026-03-02T09:00:00+08:00');
    const c = await caseClock(20);
    await setNow('2026-03-05T10:00:00+08:00');
    // 10% of 20 used leaves 18: the warning would be the end of 4 March, before the policy exists.
    await admin.calendar.proposePolicy({
      usedPercent: 80,
      minLeft: 1,
      byKind: { CASE: { usedPercent: 10, minLeft: 1 } },
      note: '从严',
    });
    const signed = await (await t.loginAs('supervisor')).calendar.decidePolicy(4, { approve: true, note: '同意' });
    expect(await admin.clocks.get(c.id)).toMatchObject({ policyVersion: 4, warnAt: signed.decidedAt });
  });

  it('moves open clocks of every unit to exactly the warning a clock started under the new version gets', async () => {
    await setNow('2026-04-01T10:00:00+08:00');
    const limits: [StartClockRequest['subjectKind'], number, StartClockRequest['limit']['unit']][] = [
      ['CASE', 20, 'WORKING_DAY'],
      ['CASE', 7, 'WORKING_DAY'],
      ['ACCEPTANCE', 5, 'WORKING_DAY'],
      ['CASE', 30, 'NATURAL_DAY'],
      ['ACCEPTANCE', 3, 'MONTH'],
      ['CASE', 2, 'MONTH'],
      ['CASE', 36, 'HOUR'],
      ['ACCEPTANCE', 5, 'HOUR'],
    ];
    const start = () =>
      Promise.all(
        limits.map(([subjectKind, value, unit]) =>
          admin.clocks.start({ subjectKind, subjectId, departmentId: scjg, limit: { value, unit } }),
        ),
      );
    const open = await start();
    const p = await admin.calendar.proposePolicy({
      usedPercent: 65,
      minLeft: 2,
      byKind: { CASE: { usedPercent: 37, minLeft: 3 } },
      note: '各单位换算核对',
    });
    await (await t.loginAs('supervisor')).calendar.decidePolicy(p.version, { approve: true, note: '同意' });
    // Recomputed in SQL on sign-off ↔ computed in TypeScript at start, same instant, same version.
    const moved = await Promise.all(open.map((c) => admin.clocks.get(c.id)));
    const fresh = await start();
    // Hour clocks run on the clock, so they are compared by how long before due they warn; day units to the instant.
    const lead = (c: { dueAt: string; warnAt: string }) => new Date(c.dueAt).getTime() - new Date(c.warnAt).getTime();
    const shape = (c: (typeof moved)[number]) => [
      c.limit.unit,
      lead(c),
      c.limit.unit === 'HOUR' ? null : [c.dueAt, c.warnAt],
    ];
    expect(moved.map((c) => c.policyVersion)).toEqual(limits.map(() => p.version));
    expect(moved.map(shape)).toEqual(fresh.map(shape));
    expect(new Set(moved.map((c, i) => c.warnAt === open[i].warnAt)).has(false)).toBe(true);
  });

  it('the one who proposed a version cannot sign it off', async () => {
    const supervisor = await t.loginAs('supervisor');
    await admin.org.updateStaff(supervisor.me.id, { roles: ['SUPERVISOR', 'CENTER_ADMIN'] });
    const both = await t.loginAs('supervisor');
    const p = await both.calendar.proposePolicy({ usedPercent: 75, minLeft: 1, note: '自提' });
    await expectApiError(
      both.calendar.decidePolicy(p.version, { approve: true, note: '自签' }),
      403,
      ErrorCode.POLICY_SELF_SIGN_OFF,
    );
    expect((await admin.calendar.policies())[0]).toMatchObject({ version: p.version, state: 'PROPOSED' });
  });
});

describe('clocks started from outside', () => {
  it('name a subject that exists and its department, or are refused and write nothing', async () => {
    const clocks = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM clock'))[0].n;
    const before = await clocks();
    const limit = { value: 5, unit: 'WORKING_DAY' } as const;
    const noSubject = await expectApiError(
      admin.clocks.start({ subjectKind: 'CASE', subjectId: randomUUID(), departmentId: scjg, limit }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(noSubject.fieldErrors).toEqual({ subjectId: ['不存在'] });
    // A kind no module owns a subject of yet has none to name.
    await expectApiError(
      admin.clocks.start({ subjectKind: 'COMPLAINT', subjectId, limit }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    const otherDepartment = (await t.client().org.listDepartments()).find((d) => d.code !== 'SCJG')!.id;
    const notItsDepartment = await expectApiError(
      admin.clocks.start({ subjectKind: 'CASE', subjectId, departmentId: otherDepartment, limit }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(notItsDepartment.fieldErrors).toEqual({ departmentId: ['与计时对象的承办部门不一致'] });
    expect(await clocks()).toBe(before);
    // Without a department the clock takes the subject's.
    const started = await admin.clocks.start({ subjectKind: 'CASE', subjectId, limit });
    expect(started.departmentId).toBe(scjg);
  });
});
