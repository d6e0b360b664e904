import { ApiClient, type CaseDto, ErrorCode, type Principal, type SubtaskDto } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCreditCode } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';
import { machineClient } from './helpers/machine-client.js';
import { startServerProcess } from './helpers/server-process.js';
import { SERVER_URL } from './helpers/test-database.js';

// 并联审批 on the demo's 建筑工程施工许可证核发 (住建 leads; 自然资源 5 and 城管 5 working days, silence is consent;
// 应急 3 working days, silence is not consent), accepted on Mon 28 September 2026, just before National Day.

let t: TestApp;
type Client = ApiClient & { me: Principal };
const LOGINS = [
  'zjj.clerk',
  'zjj.approver',
  'zrzy.clerk',
  'cgj.clerk',
  'yjgl.clerk',
  'scjg.clerk',
  'supervisor',
] as const;
let as: Record<(typeof LOGINS)[number], Client>;
let matterCode: string;
let dept: Record<'ZJJ' | 'ZRZY' | 'CGJ' | 'YJGL', string>;

// 自然资源 5, 应急 3, 城管's new sub-task 5 working days, counted again from 30 September: the paused days are not used.
const PAUSED_DUE = ['2026-10-13', '2026-10-10', '2026-10-13'];
const at = (local: string) => new Date(`${local}+08:00`);
async function travel(local: string) {
  t.clock.set(at(local));
  const clients = await Promise.all(LOGINS.map((l) => t.loginAs(l)));
  as = Object.fromEntries(LOGINS.map((l, i) => [l, clients[i]])) as typeof as;
}

const walkIn = (seq: number) =>
  as['zjj.clerk'].cases.walkIn({
    matterCode,
    applicant: {
      kind: 'ORGANIZATION',
      name: `示范建设工程有限公司${seq}`,
      idNumber: demoCreditCode(500 + seq),
      contactName: '张经办',
      phone: '13912345678',
    },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
const subtaskOf = (c: CaseDto, code: keyof typeof dept, open = true): SubtaskDto =>
  c.subtasks.filter((s) => s.departmentId === dept[code] && (!open || s.state === 'OPEN')).at(-1)!;
const auditCount = async (action: string, targetId: string) =>
  (
    await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry WHERE action = $1 AND target_id = $2', [
      action,
      targetId,
    ])
  )[0].n;

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-09-28T09:00:00');
  [{ code: matterCode }] = await t.sql<{ code: string }>(
    `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '建筑工程施工许可证核发'`,
  );
  const departments = await t.client().org.listDepartments();
  dept = Object.fromEntries(
    (['ZJJ', 'ZRZY', 'CGJ', 'YJGL'] as const).map((code) => [code, departments.find((d) => d.code === code)!.id]),
  ) as typeof dept;
});
afterAll(() => t?.close());

describe('a joint case', () => {
  let c: CaseDto;

  it('opens one sub-task per co-department on acceptance, each on its own clock due on working days across National Day', async () => {
    const received = await walkIn(1);
    expect(received.subtasks).toEqual([]);
    c = await as['zjj.clerk'].cases.accept(received.id, { opinion: '材料齐全' });
    expect(c.caseClock).toMatchObject({ joint: true, state: 'RUNNING' });
    expect(c.subtasks.map((s) => [s.departmentName, s.state, s.silenceIsConsent, s.limit.value])).toEqual([
      ['市自然资源和规划局', 'OPEN', true, 5],
      ['市城市管理局', 'OPEN', true, 5],
      ['市应急管理局', 'OPEN', false, 3],
    ]);
    for (const s of c.subtasks) {
      expect(s.clock).toMatchObject({ subjectKind: 'SUBTASK', subjectId: s.id, departmentId: s.departmentId });
      expect(s.clock!.startedAt).toBe(c.acceptedAt);
      expect(s.openedAt).toBe(c.acceptedAt);
    }
    // Counted from the day after acceptance: 29, 30 September, then the holiday (1–7 October), 8 and 9 October and
    // the make-up Saturday 10 October, a working day.
    expect(c.subtasks.map((s) => s.clock!.dueDate)).toEqual(['2026-10-10', '2026-10-10', '2026-10-08']);
  });

  it('is seen by a co-department in its 协办 queue and read-only, and by nobody else outside the lead', async () => {
    const queue = await as['zrzy.clerk'].subtasks.queue({ state: 'OPEN' });
    expect(queue.items.map((s) => [s.caseId, s.leadDepartmentName, s.standing])).toEqual([
      [c.id, '市住房和城乡建设局', 'NORMAL'],
    ]);
    expect(await as['zrzy.clerk'].subtasks.counts()).toEqual({ open: 1, warning: 0, overdue: 0 });
    const read = await as['zrzy.clerk'].cases.get(c.id);
    expect(read.subtasks).toHaveLength(3);
    // …with its notices (the acceptance notice, a PDF).
    const notice = await as['zrzy.clerk'].cases.notice(c.id, read.notices.at(-1)!.id);
    expect(notice.mediaType).toBe('application/pdf');
    // Read-only: the case stays the lead's.
    await expectApiError(
      as['zrzy.clerk'].cases.review(c.id, { agree: true, opinion: '同意' }),
      403,
      ErrorCode.AUTH_DEPARTMENT_SCOPE,
    );
    // A department with no sub-task on it sees nothing, neither the case nor another's sub-task.
    await expectApiError(as['scjg.clerk'].cases.get(c.id), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    expect((await as['scjg.clerk'].subtasks.queue()).items).toEqual([]);
    await expectApiError(
      as['zrzy.clerk'].subtasks.conclude(subtaskOf(c, 'CGJ').id, { outcome: 'APPROVED', opinion: '同意' }),
      403,
      ErrorCode.AUTH_DEPARTMENT_SCOPE,
    );
  });

  it('is pulled by the co-department’s own system exactly as its staff see it, and by no other department’s', async () => {
    const admin = await t.loginAs('admin');
    const pull = async (code: 'ZRZY' | 'SCJG') => {
      const { call } = await machineClient(t, admin, {
        name: `${code} 业务系统`,
        ownerKind: 'DEPARTMENT',
        departmentId: code === 'ZRZY' ? dept.ZRZY : as['scjg.clerk'].me.departmentId,
        scopes: ['cases:read'],
      });
      const res = await call('GET', '/subtasks?state=OPEN');
      expect(res.status).toBe(200);
      return res.body as { items: { id: string; caseId: string }[] };
    };
    const staff = await as['zrzy.clerk'].subtasks.queue({ state: 'OPEN' });
    expect((await pull('ZRZY')).items).toEqual(staff.items);
    expect((await pull('ZRZY')).items.map((s) => s.id)).toEqual([subtaskOf(c, 'ZRZY').id]);
    expect((await pull('SCJG')).items).toEqual([]);
  });

  it('keeps a returned sub-task and its stopped clock, and opens a new one with a new clock when the lead answers', async () => {
    const old = subtaskOf(c, 'CGJ');
    c = await as['cgj.clerk'].subtasks.conclude(old.id, { outcome: 'RETURNED', opinion: '缺少施工场地平面布置图' });
    const returned = c.subtasks.find((s) => s.id === old.id)!;
    expect(returned).toMatchObject({ state: 'RETURNED', opinion: '缺少施工场地平面布置图', answeredAt: null });
    expect(returned.clock).toMatchObject({ state: 'STOPPED', stopReason: 'RETURNED' });
    // A return waits for the lead: the decision cannot be made around it.
    c = await as['zjj.clerk'].cases.review(c.id, { agree: true, opinion: '符合条件' });
    const pending = await expectApiError(
      as['zjj.approver'].cases.decide(c.id, { approve: true, reason: '准予许可' }),
      409,
      ErrorCode.SUBTASKS_PENDING,
    );
    expect(pending.message).toContain('市城市管理局');

    c = await as['zjj.clerk'].subtasks.answer(old.id, { answer: '已补充施工场地平面布置图' });
    const [kept, next] = c.subtasks.filter((s) => s.departmentId === dept.CGJ);
    expect(kept).toMatchObject({ id: old.id, state: 'RETURNED', answer: '已补充施工场地平面布置图' });
    expect(kept.clock).toMatchObject({ id: old.clock!.id, state: 'STOPPED', stopReason: 'RETURNED' });
    expect(next).toMatchObject({ state: 'OPEN', previousId: old.id });
    expect(next.clock).toMatchObject({ state: 'RUNNING', previousClockId: old.clock!.id, limit: { value: 5 } });
    expect(next.clock!.id).not.toBe(old.clock!.id);
    await expectApiError(as['zjj.clerk'].subtasks.answer(old.id, { answer: '再答复' }), 409, ErrorCode.SUBTASK_STATE);
  });

  it('pauses every open sub-task clock with the case clock during a special procedure and resumes them together', async () => {
    const open = c.subtasks.filter((s) => s.state === 'OPEN');
    c = await as['zjj.approver'].cases.suspend(c.id, {
      kind: 'EXPERT_REVIEW',
      expectedDays: 3,
      notice: '组织专家对施工图设计文件进行评审。',
    });
    expect([c.caseClock!.state, ...open.map((s) => subtaskOf(c, codeOf(s)).clock!.state)]).toEqual([
      'PAUSED',
      'PAUSED',
      'PAUSED',
      'PAUSED',
    ]);
    await travel('2026-09-30T09:00:00');
    c = await as['zjj.approver'].cases.resume(c.id);
    const clocks = [c.caseClock!, ...open.map((s) => subtaskOf(c, codeOf(s)).clock!)];
    expect(clocks.map((k) => k.state)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING']);
    // One pause each, begun and ended with the case's (in the same transactions).
    const [casePause] = clocks[0].pauses;
    for (const k of clocks) {
      expect(k.pauses).toHaveLength(1);
      expect(Math.abs(Date.parse(k.pauses[0].startedAt) - Date.parse(casePause.startedAt))).toBeLessThan(1000);
      expect(Math.abs(Date.parse(k.pauses[0].endedAt!) - Date.parse(casePause.endedAt!))).toBeLessThan(1000);
    }
    // The paused days did not count, for any of them: each clock's due date moved on by the same working day.
    expect(clocks.slice(1).map((k) => k.dueDate)).toEqual(PAUSED_DUE);
  });

  it('needs reasons and a legal basis for 不同意', async () => {
    const cgj = subtaskOf(c, 'CGJ');
    await expectApiError(
      as['cgj.clerk'].subtasks.conclude(cgj.id, { outcome: 'REJECTED', opinion: '不符合' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    c = await as['cgj.clerk'].subtasks.conclude(cgj.id, {
      outcome: 'REJECTED',
      opinion: '占用城市道路施工方案未经审批',
      legalBasis: '《城市道路管理条例》第三十条',
    });
    expect(subtaskOf(c, 'CGJ', false)).toMatchObject({ state: 'REJECTED', endedByName: as['cgj.clerk'].me.name });
    await expectApiError(
      as['cgj.clerk'].subtasks.conclude(cgj.id, { outcome: 'APPROVED', opinion: '同意' }),
      409,
      ErrorCode.SUBTASK_STATE,
    );
  });

  it('deems a silent sub-task approved at its due time by the system, with a RED card, once; a silence that is not consent stays open and carded', async () => {
    const zrzy = subtaskOf(c, 'ZRZY');
    const yjgl = subtaskOf(c, 'YJGL');
    await travel('2026-10-20T09:00:00');
    const run = await as.supervisor.supervision.sweep();
    expect(run.deemedApproved).toBe(1);
    c = await as['zjj.clerk'].cases.get(c.id);
    const deemed = c.subtasks.find((s) => s.id === zrzy.id)!;
    expect(deemed).toMatchObject({ state: 'DEEMED_APPROVED', deemed: true, endedByName: null });
    // Stamped at the moment the clock ran out, not when the sweep came by.
    expect(deemed.endedAt).toBe(deemed.clock!.dueAt);
    expect(new Date(deemed.endedAt!) < at('2026-10-20T09:00:00')).toBe(true);
    expect(deemed.clock).toMatchObject({
      state: 'STOPPED',
      stopReason: 'DEEMED_APPROVED',
      stoppedAt: deemed.clock!.dueAt,
    });
    expect(deemed.opinion).toContain('超时默认同意');
    expect(c.subtasks.find((s) => s.id === yjgl.id)).toMatchObject({ state: 'OPEN' });

    const cards = (await as.supervisor.supervision.cards({ pageSize: 100 })).items.filter(
      (k) => k.caseId === c.id && k.clockKind === 'SUBTASK' && k.level === 'RED',
    );
    expect(cards.map((k) => k.departmentId).sort()).toEqual([dept.ZRZY, dept.YJGL].sort());
    // Supervision lists the sub-task clocks' cards on their own.
    const subtaskCards = (await as.supervisor.supervision.cards({ clockKind: 'SUBTASK', pageSize: 100 })).items;
    expect(subtaskCards.length).toBeGreaterThanOrEqual(cards.length);
    expect(subtaskCards.every((k) => k.clockKind === 'SUBTASK')).toBe(true);
    expect(subtaskCards.map((k) => k.id)).toEqual(expect.arrayContaining(cards.map((k) => k.id)));

    const again = await as.supervisor.supervision.sweep();
    expect(again.deemedApproved).toBe(0);
    expect(await auditCount('subtask.deem', zrzy.id)).toBe(1);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM supervision_card WHERE case_id = $1 AND clock_kind = 'SUBTASK'`,
      [c.id],
    );
    expect(n).toBe(4); // YELLOW and RED for each of the two silent clocks, none twice
    const [actor] = await t.sql<{ actor_name: string }>(
      `SELECT actor_name FROM audit_entry WHERE action = 'subtask.deem' AND target_id = $1`,
      [zrzy.id],
    );
    expect(actor.actor_name).toBe('系统（超时默认同意）');
    // Written set-based with the deeming, the entries are chained like any other.
    expect(await (await t.loginAs('supervisor')).audit.verify()).toMatchObject({ ok: true });

    // Still open, so still no decision; late, 应急's own system gives its opinion, saying it did so before the due
    // time: it is taken with the server's time, and the department is carded for 体外循环 in the same transaction.
    await expectApiError(
      as['zjj.approver'].cases.decide(c.id, { approve: true, reason: '准予许可' }),
      409,
      ErrorCode.SUBTASKS_PENDING,
    );
    const yjglSystem = await machineClient(t, await t.loginAs('admin'), {
      name: '应急管理业务系统',
      ownerKind: 'DEPARTMENT',
      departmentId: dept.YJGL,
      scopes: ['cases:read', 'subtasks:write'],
    });
    const pushed = await yjglSystem.call(
      'POST',
      `/subtasks/${yjgl.id}/opinion`,
      {
        outcome: 'APPROVED',
        opinion: '同意',
        conditions: '开工前完成消防通道设置',
        occurredAt: '2026-10-09T10:00:00+08:00',
      },
      'yjgl-opinion-1',
    );
    expect(pushed.status).toBe(200);
    c = pushed.body as CaseDto;
    // Named as the system that gave it, not as a person and not as nobody.
    expect(subtaskOf(c, 'YJGL', false).endedByName).toBe('应急管理业务系统');
    expect(
      await t.sql(`SELECT department_id FROM supervision_card WHERE case_id = $1 AND reason = 'OFF_BOOK'`, [c.id]),
    ).toEqual([{ department_id: dept.YJGL }]);
    expect(subtaskOf(c, 'YJGL', false)).toMatchObject({
      state: 'APPROVED',
      conditions: '开工前完成消防通道设置',
      deemed: false,
    });
  });

  it('tells departments’ systems of every sub-task change and every card, each sub-task ending where its record is', async () => {
    const events = await t.sql<{ type: string; department_id: string | null; data: Record<string, string> }>(
      `SELECT type, department_id, data FROM outbox_event
       WHERE case_id = $1 AND (type LIKE 'subtask.%' OR type LIKE 'card.%') ORDER BY txid, id`,
      [c.id],
    );
    const rows = await t.sql<{ id: string; state: string }>('SELECT id, state FROM case_subtask WHERE case_id = $1', [
      c.id,
    ]);
    const ofSubtask = (id: string) => events.filter((e) => e.type.startsWith('subtask.') && e.data.subtaskId === id);
    for (const r of rows) {
      expect(ofSubtask(r.id)[0].type, r.id).toBe('subtask.open');
      expect(ofSubtask(r.id).at(-1)!.data.state, r.id).toBe(r.state);
    }
    const deems = events.filter((e) => e.type === 'subtask.deem');
    expect(deems).toHaveLength(1);
    expect(deems[0].data).toMatchObject({ state: 'DEEMED_APPROVED', departmentId: dept.ZRZY });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['subtask.return', 'subtask.answer']));
    // Sub-task events go out under the lead (co-departments read them as the case's readers); a card under its holder.
    expect(events.filter((e) => e.type.startsWith('subtask.')).every((e) => e.department_id === c.departmentId)).toBe(
      true,
    );
    const cards = await t.sql<{ id: string; department_id: string }>(
      'SELECT id, department_id FROM supervision_card WHERE case_id = $1',
      [c.id],
    );
    const issued = events.filter((e) => e.type === 'card.issued');
    expect(issued.map((e) => e.data.cardId).sort()).toEqual(cards.map((k) => k.id).sort());
    for (const e of issued) expect(e.department_id).toBe(cards.find((k) => k.id === e.data.cardId)!.department_id);
  });

  it('fails on a co-department’s 不同意 unless the lead says why it overrides, and records the override', async () => {
    await expectApiError(
      as['zjj.approver'].cases.decide(c.id, { approve: true, reason: '准予许可' }),
      409,
      ErrorCode.SUBTASK_REJECTED_NEEDS_OVERRIDE,
    );
    c = await as['zjj.approver'].cases.decide(c.id, {
      approve: true,
      reason: '准予许可',
      overrideReason: '申请人已取得城市道路占用许可，城管意见所指问题已解决',
    });
    expect(c.state).toBe('APPROVED');
    expect(c.tasks.find((k) => k.kind === 'DECIDE')?.overrideReason).toBe(
      '申请人已取得城市道路占用许可，城管意见所指问题已解决',
    );
    const [step] = await t.sql<{ details: { override: string } }>(
      `SELECT details FROM case_step WHERE case_id = $1 AND action = 'DECIDE'`,
      [c.id],
    );
    expect(step.details.override).toContain('城市道路占用许可');
  });

  it('lists for supervision the approvals the timeout gave and the decisions that overrode a 不同意, to supervisors only', async () => {
    const deemed = await as.supervisor.subtasks.deemed();
    expect(deemed.items.filter((d) => d.caseId === c.id).map((d) => [d.departmentName, d.leadDepartmentName])).toEqual([
      ['市自然资源和规划局', '市住房和城乡建设局'],
    ]);
    expect(deemed.items.find((d) => d.caseId === c.id)!.deemedAt).toBe(subtaskOf(c, 'ZRZY', false).endedAt);
    const overrides = await as.supervisor.subtasks.overrides();
    expect(overrides.items.map((o) => [o.caseId, o.decidedByName, o.overridden.map((x) => x.departmentName)])).toEqual([
      [c.id, as['zjj.approver'].me.name, ['市城市管理局']],
    ]);
    expect(overrides.items[0].overrideReason).toContain('城市道路占用许可');
    await expectApiError(as['zjj.clerk'].subtasks.deemed(), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    // Performance counts a deemed approval as the silent department's own figure, never as an answer.
    const perf = await as.supervisor.supervision.performance({ from: '2026-09-28', to: '2026-10-20' });
    const of = (code: keyof typeof dept) => perf.departments.find((d) => d.departmentId === dept[code])!;
    expect([of('ZRZY'), of('CGJ'), of('YJGL')].map((d) => [d.subtasksAnswered, d.subtasksDeemed])).toEqual([
      [0, 1],
      [2, 0],
      [1, 0],
    ]);
  });

  it('exports each co-department’s word in the exchange code set, a deemed approval flagged and without a person', async () => {
    const x = await as.supervisor.supervision.exchange({ from: '2026-09-28', to: '2026-10-20' });
    const mine = x.cases.find((k) => k.caseNo === c.caseNo)!;
    expect(mine.subtasks.map((s) => [s.departmentCode, s.resultCode, s.resultLabel, s.deemed, !!s.actorName])).toEqual([
      ['ZRZY', '1', '同意', true, false],
      ['CGJ', '7', '退回', false, true],
      ['YJGL', '1', '同意', false, true],
      ['CGJ', '0', '不同意', false, true],
    ]);
  });

  it('shows the public each department’s part, its latest word only, without staff names or opinions', async () => {
    const p = await t.client().progress.get(c.caseNo!, c.queryCode!);
    expect(p.coDepartments.map((d) => [d.departmentName, d.state, d.stateLabel])).toEqual([
      ['市自然资源和规划局', 'DEEMED_APPROVED', '超时默认同意'],
      ['市应急管理局', 'APPROVED', '同意'],
      ['市城市管理局', 'REJECTED', '不同意'],
    ]);
    expect(JSON.stringify(p)).not.toContain(as['cgj.clerk'].me.name);
    expect(JSON.stringify(p)).not.toContain('占用城市道路');
  });

  it('without an override a 不同意 leaves only a denial', async () => {
    await travel('2026-10-21T09:00:00');
    let d = await as['zjj.clerk'].cases.accept((await walkIn(2)).id, {});
    for (const code of ['ZRZY', 'YJGL'] as const)
      d = await as[`${code.toLowerCase()}.clerk` as 'zrzy.clerk'].subtasks.conclude(subtaskOf(d, code).id, {
        outcome: 'APPROVED',
        opinion: '同意',
      });
    d = await as['cgj.clerk'].subtasks.conclude(subtaskOf(d, 'CGJ').id, {
      outcome: 'REJECTED',
      opinion: '不符合城市容貌标准',
      legalBasis: '《城市市容和环境卫生管理条例》第九条',
    });
    d = await as['zjj.clerk'].cases.review(d.id, { agree: false, opinion: '协办部门不同意' });
    await expectApiError(
      as['zjj.approver'].cases.decide(d.id, { approve: true, reason: '准予', overrideReason: '   ' }),
      409,
      ErrorCode.SUBTASK_REJECTED_NEEDS_OVERRIDE,
    );
    d = await as['zjj.approver'].cases.decide(d.id, {
      approve: false,
      reason: '城管部门不同意',
      legalBasis: '《城市市容和环境卫生管理条例》第九条',
    });
    expect(d.state).toBe('DENIED');
  });

  it('holds every clock of the case from the day a joint inspection is arranged until the findings of all are in', async () => {
    await travel('2026-10-22T09:00:00');
    let j = await as['zjj.clerk'].cases.accept((await walkIn(4)).id, {});
    j = await as['zjj.clerk'].cases.review(j.id, { agree: true, opinion: '需现场核查' });
    const arrange = (over: Partial<Parameters<Client['cases']['arrangeInspection']>[1]>) =>
      as['zjj.approver'].cases.arrangeInspection(j.id, {
        date: '2026-10-26',
        departmentIds: [dept.ZJJ, dept.ZRZY, dept.CGJ],
        expectedDays: 3,
        notice: '请申请人于当日 9:00 在施工现场等候。',
        ...over,
      });
    // Only the lead and the case's co-departments, two at least, and not in the past.
    const scjgId = as['scjg.clerk'].me.departmentId!;
    expect((await expectApiError(arrange({ departmentIds: [dept.ZJJ, scjgId] }), 400)).fieldErrors).toHaveProperty(
      'departmentIds',
    );
    expect((await expectApiError(arrange({ departmentIds: [dept.ZJJ] }), 400)).fieldErrors).toHaveProperty(
      'departmentIds',
    );
    expect((await expectApiError(arrange({ date: '2026-10-21' }), 400)).fieldErrors).toHaveProperty('date');
    await expectApiError(
      as['zjj.approver'].cases.suspend(j.id, { kind: 'JOINT_INSPECTION', expectedDays: 3, notice: '绕过安排' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );

    j = await arrange({});
    expect(j.state).toBe('SUSPENDED');
    const clocks = () => [j.caseClock!, ...j.subtasks.map((s) => s.clock!)].map((k) => k.state);
    expect(clocks()).toEqual(['PAUSED', 'PAUSED', 'PAUSED', 'PAUSED']);
    const [inspection] = j.inspections;
    expect(inspection.parts.map((p) => [p.departmentName, p.findings])).toEqual(
      expect.arrayContaining([
        ['市住房和城乡建设局', null],
        ['市自然资源和规划局', null],
        ['市城市管理局', null],
      ]),
    );
    // 应急 is not taking part; 城管 cannot speak twice.
    await expectApiError(
      as['yjgl.clerk'].cases.recordFindings(inspection.id, { findings: '无' }),
      403,
      ErrorCode.AUTH_DEPARTMENT_SCOPE,
    );
    j = await as['cgj.clerk'].cases.recordFindings(inspection.id, { findings: '现场围挡符合要求' });
    await expectApiError(
      as['cgj.clerk'].cases.recordFindings(inspection.id, { findings: '再说一次' }),
      409,
      ErrorCode.INSPECTION_STATE,
    );
    await travel('2026-10-27T09:00:00');
    j = await as['zrzy.clerk'].cases.recordFindings(inspection.id, { findings: '用地范围与规划一致' });
    expect(j.state).toBe('SUSPENDED');
    expect(clocks()).toEqual(['PAUSED', 'PAUSED', 'PAUSED', 'PAUSED']);
    // The last findings end the procedure: every clock runs again, together.
    j = await as['zjj.approver'].cases.recordFindings(inspection.id, { findings: '具备施工条件' });
    expect(j.state).toBe('IN_REVIEW');
    expect(clocks()).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING']);
    expect(j.inspections[0]).toMatchObject({ state: 'DONE', completedAt: expect.any(String) });
    for (const k of [j.caseClock!, ...j.subtasks.map((s) => s.clock!)]) {
      expect(k.pauses).toHaveLength(1);
      expect(k.pauses[0].reason).toBe('JOINT_INSPECTION');
    }
  });

  it('cancels open sub-tasks and stops their clocks when withdrawn', async () => {
    let w = await as['zjj.clerk'].cases.accept((await walkIn(3)).id, {});
    w = await as['zjj.clerk'].cases.withdraw(w.id, { reason: '申请人申请撤回' });
    expect(w.subtasks.map((s) => [s.state, s.clock!.state, s.clock!.stopReason])).toEqual(
      Array(3).fill(['CANCELLED', 'STOPPED', 'WITHDRAWN']),
    );
  });
});

function codeOf(s: SubtaskDto): keyof typeof dept {
  return (Object.keys(dept) as (keyof typeof dept)[]).find((k) => dept[k] === s.departmentId)!;
}

describe.skipIf(!SERVER_URL)('two server processes on one PostgreSQL database', () => {
  it('deem each silent sub-task exactly once when they sweep at the same moment', async () => {
    await travel('2026-11-02T09:00:00');
    const cases: CaseDto[] = [];
    for (let i = 0; i < 10; i++) cases.push(await as['zjj.clerk'].cases.accept((await walkIn(10 + i)).id, {}));
    const env = { DATABASE_URL: t.databaseUrl!, ONEWINDOW_NOW: '2026-11-20T09:00:00+08:00' };
    const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const clients = servers.map((s) => new ApiClient({ baseUrl: `${s.baseUrl}/api` }));
      await Promise.all(clients.map((k) => k.auth.login({ login: 'supervisor', password: DEMO_PASSWORD })));
      const deemedNow = async () =>
        (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM case_subtask WHERE state = 'DEEMED_APPROVED'`))[0]
          .n;
      const before = await deemedNow();
      const runs = await Promise.all(clients.map((k) => k.supervision.sweep()));
      // What the runs say they deemed is what was deemed (earlier cases of this file included), none twice…
      expect(runs.reduce((n, r) => n + r.deemedApproved, 0)).toBe((await deemedNow()) - before);
      const [{ deemed, audits }] = await t.sql<{ deemed: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM case_subtask WHERE case_id = ANY($1::uuid[]) AND state = 'DEEMED_APPROVED') AS deemed,
                (SELECT count(*)::int FROM audit_entry a JOIN case_subtask s ON s.id = a.target_id::uuid
                  WHERE a.action = 'subtask.deem' AND s.case_id = ANY($1::uuid[])) AS audits`,
        [cases.map((k) => k.id)],
      );
      // …and of these ten, 自然资源 and 城管 (silence is consent) are deemed, 应急 (it is not) is not: 20, audited once each.
      expect([deemed, audits]).toEqual([20, 20]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});
