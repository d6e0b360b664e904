import { type ApiClient, type CaseDto, ErrorCode, type Principal, type ServiceEventPromptDto } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personApplicant } from './helpers/applicants.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// 好差评, 投诉 and 考核 at the demo's 市场监管 window (scjg.clerk) and 公安 window (gaj.clerk).

type Client = ApiClient & { me: Principal };
let t: TestApp;
let clerk: Client;
let approver: Client;
let lead: Client;
let gajClerk: Client;
let gajLead: Client;
let supervisor: Client;
let admin: Client;
let seq = 0;

const SOLE_TRADER = 'QT00001001'; // 个体工商户登记: 即办件
const FOOD = 'XK00001001'; // 食品经营许可: 承诺件
const at = (local: string) => new Date(`${local}+08:00`);
const good = { level: 5 as const };
const onsite = (level: 1 | 2 | 3 | 4 | 5) => ({
  level,
  indicators: { OVERALL: level, EFFICIENCY: level, QUALITY: level, ATTITUDE: level },
  ...(level <= 2 ? { problems: ['ATTITUDE' as const], comment: '态度生硬' } : {}),
});

async function travel(local: string) {
  t.clock.set(at(local));
  [clerk, approver, lead, gajClerk, gajLead, supervisor, admin] = await Promise.all(
    ['scjg.clerk', 'scjg.approver', 'scjg.lead', 'gaj.clerk', 'gaj.lead', 'supervisor', 'admin'].map((l) =>
      t.loginAs(l),
    ),
  );
}

async function walkIn(api: Client, matterCode: string): Promise<CaseDto> {
  const mats = (await t.client().guides.get(matterCode)).content.materials;
  return api.cases.walkIn({
    matterCode,
    applicant: personApplicant(`评价人${++seq}`),
    materials: mats.map((_, index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
}

/** A 即办件 received and completed at the window in one sitting. */
const onTheSpot = async (api: Client = clerk, matterCode = SOLE_TRADER) =>
  api.cases.accept((await walkIn(api, matterCode)).id);

/** A 承诺件 accepted now, reviewed, decided and delivered on `deliverOn`. */
async function promised(deliverOn: string): Promise<CaseDto> {
  const c = await clerk.cases.accept((await walkIn(clerk, FOOD)).id);
  await clerk.cases.review(c.id, { agree: true, opinion: '材料齐全，符合要求' });
  await travel(deliverOn);
  await approver.cases.decide(c.id, { approve: true, reason: '经审查，符合条件，准予许可' });
  return clerk.cases.deliver(c.id, { method: 'PICKUP', certificateNo: `JY${Date.now()}` });
}

async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The event a terminal is asked about now. */
const pending = async (token: string) => (await t.client().ratingTerminal.status(token)).pending!;

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-08-03T09:00:00');
});
afterAll(() => t?.close());

describe('assessment over a known quarter', () => {
  it('counts on-the-spot and satisfaction exactly, scores by the weighted parts, and passes over a window below a minimum', async () => {
    const scjg = await clerk.evaluation.issueTerminal();
    const gaj = await gajClerk.evaluation.issueTerminal();
    // 市场监管: three 即办件 rated 5, 4 and 2 at the counter, and a 承诺件 delivered the next day, rated 3 online.
    for (const level of [5, 4, 2] as const) {
      await onTheSpot();
      await t.client().ratingTerminal.rate(scjg.token, { eventId: (await pending(scjg.token)).id, ...onsite(level) });
    }
    const food = await promised('2026-08-04T10:00:00');
    await t.client().evaluation.rateCaseByCode({ no: food.caseNo!, code: food.queryCode!, level: 3 });
    // 公安: five 新生儿入户 on the spot, each rated 5.
    const BIRTH = (
      await t.sql<{ code: string }>(
        `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id
         WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '新生儿入户'`,
      )
    )[0].code;
    for (let i = 0; i < 5; i++) {
      await onTheSpot(gajClerk, BIRTH);
      await t.client().ratingTerminal.rate(gaj.token, { eventId: (await pending(gaj.token)).id, ...onsite(5) });
    }

    await travel('2026-10-09T09:00:00');
    const a = await supervisor.evaluation.assessment({ subject: 'WINDOW', period: '2026Q3' });
    expect(a).toMatchObject({ from: '2026-07-01', to: '2026-09-30', schemeVersion: 1 });
    const w1 = a.rows.find((r) => r.id === clerk.me.windowId)!;
    const w2 = a.rows.find((r) => r.id === gajClerk.me.windowId)!;
    expect(w1).toMatchObject({
      concluded: 4,
      onTime: 4,
      onTheSpot: 3,
      onTheSpotRate: 0.75,
      ratings: 4,
      satisfied: 2,
      satisfactionRate: 0.5,
      rectifications: 1,
      rectifiedOnTime: 0,
    });
    expect(w2).toMatchObject({ concluded: 5, onTheSpotRate: 1, ratings: 5, satisfactionRate: 1, rectifications: 0 });
    // The score is its parts: 40 × 100 % + 20 × 75 % + 30 × 50 % + 10 × 0 % (one bad rating, not yet rectified).
    expect(w1.parts.map((p) => [p.part, p.points])).toEqual([
      ['onTimeRate', 40],
      ['onTheSpotRate', 15],
      ['satisfactionRate', 15],
      ['rectifiedOnTimeRate', 0],
      ['cards', 0],
      ['complaints', 0],
    ]);
    expect(w1.score).toBe(70);
    expect(w2.score).toBe(100);
    expect(a.rows.map((r) => r.id).slice(0, 1)).toEqual([w2.id]);
    expect(w1.belowMinimum).toEqual(['满意率低于 95%', '办结量不足 5 件']);
    expect(w2.belowMinimum).toEqual([]);

    // Staff are counted for the clerk who received the case.
    const staff = await supervisor.evaluation.assessment({ subject: 'STAFF', period: '2026Q3' });
    expect(staff.rows.find((r) => r.id === clerk.me.id)).toMatchObject({ concluded: 4, ratings: 4 });
    expect(await clerk.evaluation.mine('2026Q3')).toMatchObject({ id: clerk.me.id, concluded: 4, score: 70 });

    // 红旗窗口: the top windows that meet every minimum; 市场监管 is passed over, with why.
    const proposal = await supervisor.evaluation.awardProposal({ kind: 'RED_FLAG_WINDOW', period: '2026Q3', n: 3 });
    expect(proposal.candidates.map((c) => c.id)).toEqual([w2.id]);
    expect(proposal.passedOver).toContainEqual({
      id: w1.id,
      name: w1.name,
      belowMinimum: ['满意率低于 95%', '办结量不足 5 件'],
    });
    await expectApiError(
      supervisor.evaluation.confirmAward({
        kind: 'RED_FLAG_WINDOW',
        period: '2026Q3',
        subjectIds: [w1.id],
        note: '季度评选',
      }),
      409,
      ErrorCode.AWARD_NOT_ELIGIBLE,
    );
    await supervisor.evaluation.confirmAward({
      kind: 'RED_FLAG_WINDOW',
      period: '2026Q3',
      subjectIds: [w2.id],
      note: '季度评选',
    });
    expect((await clerk.evaluation.awards({ period: '2026Q3' })).map((x) => [x.kind, x.subjectId])).toEqual([
      ['RED_FLAG_WINDOW', w2.id],
    ]);
    expect((await supervisor.evaluation.assessment({ subject: 'WINDOW', period: '2026Q3' })).rows[0].award).toBe(
      'RED_FLAG_WINDOW',
    );

    // The ranking as a workbook.
    const book = await supervisor.evaluation.assessmentWorkbook({ subject: 'WINDOW', period: '2026Q3' });
    expect(book.fileName).toBe('窗口考核-2026Q3.xlsx');
    expect(book.bytes.byteLength).toBeGreaterThan(4000);
  });

  it('takes a new scheme only when a second person signs it, and scores by the scheme in force', async () => {
    const body = {
      weights: { onTimeRate: 50, onTheSpotRate: 10, satisfactionRate: 30, rectifiedOnTimeRate: 10 },
      cardPenalty: 2,
      complaintPenalty: 5,
      minimums: { onTimeRate: 0.98, satisfactionRate: 0.95 },
      minConcluded: 5,
      note: '提高按时办结的权重',
    };
    await expectApiError(supervisor.evaluation.proposeScheme(body), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    const v2 = await admin.evaluation.proposeScheme(body);
    expect(v2).toMatchObject({ version: 2, state: 'PROPOSED' });
    await expectApiError(admin.evaluation.proposeScheme(body), 409, ErrorCode.SCHEME_PENDING);
    await supervisor.evaluation.decideScheme(2, { approve: true, note: '同意' });
    const a = await supervisor.evaluation.assessment({ subject: 'WINDOW', period: '2026Q3' });
    const w1 = a.rows.find((r) => r.id === clerk.me.windowId)!;
    expect(a.schemeVersion).toBe(2);
    // 50 × 100 % + 10 × 75 % + 30 × 50 % + 10 × 0 % = 50 + 7.5 + 15 + 0.
    expect(w1.score).toBe(72.5);
    expect((await supervisor.evaluation.schemes()).map((s) => [s.version, s.state])).toEqual([
      [2, 'IN_FORCE'],
      [1, 'SUPERSEDED'],
    ]);
  });
});

describe('the rating terminal (一次一评)', () => {
  it('is asked at once when the clerk ends a service, takes one rating for it, and stops when revoked', async () => {
    await travel('2026-12-07T09:00:00');
    const issued = await clerk.evaluation.issueTerminal();
    expect(issued.path).toBe(`/rate/window/${encodeURIComponent(issued.windowNumber)}#token=${issued.token}`);
    const terminal = t.client().ratingTerminal;
    expect(await terminal.status(issued.token)).toMatchObject({ windowNumber: issued.windowNumber, pending: null });

    const heard: ServiceEventPromptDto[] = [];
    let connected = false;
    const close = terminal.events(
      issued.token,
      (e) => heard.push(e),
      (c) => (connected = c),
    );
    try {
      await waitFor(() => (connected ? true : undefined), 'the terminal to connect');
      const c = await walkIn(clerk, SOLE_TRADER);
      await waitFor(() => heard.find((e) => e.kind === 'RECEIPT'), 'the receipt event');
      await clerk.cases.accept(c.id);
      const asked = await waitFor(() => heard.find((e) => e.kind === 'ACCEPTANCE'), 'the acceptance event');
      expect(asked).toMatchObject({
        staffName: clerk.me.name,
        matterName: '个体工商户登记',
        windowNumber: issued.windowNumber,
        indicatorSet: { channel: 'ONSITE', version: 1 },
      });
      // The acceptance replaced the receipt: one sitting, one rating.
      const receipt = heard.find((e) => e.kind === 'RECEIPT')!;
      await expectApiError(terminal.rate(issued.token, { eventId: receipt.id, ...good }), 404);
      expect((await terminal.status(issued.token)).pending?.id).toBe(asked.id);

      await expectApiError(
        terminal.rate(issued.token, { eventId: asked.id, level: 2 }),
        400,
        ErrorCode.RATING_PROBLEM_REQUIRED,
      );
      await terminal.rate(issued.token, { eventId: asked.id, ...onsite(4) });
      await expectApiError(terminal.rate(issued.token, { eventId: asked.id, ...good }), 409, ErrorCode.ALREADY_RATED);
      expect((await terminal.status(issued.token)).pending).toBeNull();

      // Another window's terminal cannot rate this window's service.
      const other = await gajClerk.evaluation.issueTerminal();
      await expectApiError(terminal.rate(other.token, { eventId: asked.id, ...good }), 404);

      // The department reads the rating, never who gave it.
      const page = await lead.evaluation.ratings({ channel: 'ONSITE', from: '2026-12-07', to: '2026-12-07' });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({ level: 4, staffName: clerk.me.name, serviceKind: 'ACCEPTANCE' });
      expect(JSON.stringify(page.items[0])).not.toMatch(/rater|applicant|评价人/i);
      expect((await gajLead.evaluation.ratings({})).items.map((r) => r.id)).not.toContain(page.items[0].id);
    } finally {
      close();
    }

    // A consultation is a service too.
    const consult = await clerk.evaluation.consultation({ matterName: '食品经营许可' });
    expect((await terminal.status(issued.token)).pending).toMatchObject({ id: consult.id, kind: 'CONSULTATION' });

    await clerk.evaluation.revokeTerminal(issued.id);
    await expectApiError(terminal.status(issued.token), 401, ErrorCode.TERMINAL_TOKEN_INVALID);
    await expectApiError(terminal.status('owt_nonsense'), 401, ErrorCode.TERMINAL_TOKEN_INVALID);
    await expectApiError(gajClerk.evaluation.revokeTerminal(issued.id), 403);
  });
});

describe('online rating (一事一评)', () => {
  it('opens only after completion, once per case', async () => {
    const open = await clerk.cases.accept((await walkIn(clerk, FOOD)).id);
    const anon = t.client().evaluation;
    await expectApiError(
      anon.rateCaseByCode({ no: open.caseNo!, code: open.queryCode!, ...good }),
      409,
      ErrorCode.RATING_NOT_OPEN,
    );
    expect(await anon.caseRatingByCode(open.caseNo!, open.queryCode!)).toMatchObject({ canRate: false });
    await expectApiError(anon.rateCaseByCode({ no: open.caseNo!, code: 'WRONG1', ...good }), 404);

    const done = await onTheSpot();
    const state = await anon.rateCaseByCode({
      no: done.caseNo!,
      code: done.queryCode!,
      level: 5,
      indicators: { OVERALL: 5, GUIDE_ACCURACY: 4 },
    });
    expect(state).toMatchObject({ canRate: false, rating: { level: 5, levelLabel: '非常满意' } });
    await expectApiError(
      anon.rateCaseByCode({ no: done.caseNo!, code: done.queryCode!, ...good }),
      409,
      ErrorCode.ALREADY_RATED,
    );
    await expectApiError(
      anon.rateCaseByCode({ no: done.caseNo!, code: done.queryCode!, level: 5, indicators: { ATTITUDE: 5 } }),
      400,
    );
  });
});

describe('a bad rating', () => {
  it('opens the return visit on its clock, is carded when it runs out, then rectified and rated again', async () => {
    await travel('2026-12-08T09:00:00');
    const done = await onTheSpot();
    const anon = t.client().evaluation;
    await anon.rateCaseByCode({ no: done.caseNo!, code: done.queryCode!, level: 1, problems: ['SLOW'] });
    const [x] = await lead.evaluation.rectifications({ state: 'VISIT_PENDING' });
    expect(x).toMatchObject({ state: 'VISIT_PENDING', rating: { level: 1, caseNo: done.caseNo } });
    // Three working days from Tuesday 8 December.
    expect(x.visitDueAt.slice(0, 10)).toBe('2026-12-11');
    await expectApiError(lead.evaluation.rectify(x.id, { note: '已整改' }), 409, ErrorCode.RECTIFICATION_STATE);

    await travel('2026-12-14T09:00:00');
    await supervisor.supervision.sweep();
    const cards = (await supervisor.supervision.cards({ reason: 'RECTIFICATION_OVERDUE', pageSize: 50 })).items;
    expect(cards.map((c) => [c.level, c.departmentId])).toContainEqual(['RED', lead.me.departmentId]);

    const visited = await lead.evaluation.visit(x.id, { note: '电话回访申请人，了解情况', rectifyWorkingDays: 5 });
    expect(visited).toMatchObject({ state: 'RECTIFYING' });
    await expectApiError(gajLead.evaluation.visit(x.id, { note: '不是本部门' }), 403);
    const fixed = await lead.evaluation.rectify(x.id, { note: '调整窗口人员，缩短等候时间' });
    expect(fixed).toMatchObject({ state: 'RECTIFIED', onTime: false });

    const after = await anon.followUp({ no: done.caseNo!, code: done.queryCode!, level: 4, comment: '改进明显' });
    expect(after.rectification).toMatchObject({ state: 'RECTIFIED', followUpLevel: 4, canRateFollowUp: false });
    await expectApiError(
      anon.followUp({ no: done.caseNo!, code: done.queryCode!, level: 5 }),
      409,
      ErrorCode.ALREADY_RATED,
    );
  });

  it('appealed and upheld stays on record and leaves the satisfaction rate', async () => {
    const before = await supervisor.evaluation.satisfaction({ from: '2026-12-01', to: '2026-12-31' });
    const done = await onTheSpot();
    await t
      .client()
      .evaluation.rateCaseByCode({ no: done.caseNo!, code: done.queryCode!, level: 1, problems: ['OTHER'] });
    const rating = (await lead.evaluation.ratings({ bad: true, pageSize: 50 })).items.find(
      (r) => r.caseNo === done.caseNo,
    )!;
    const withBad = await supervisor.evaluation.satisfaction({ from: '2026-12-01', to: '2026-12-31' });
    const dec = (s: typeof before) => s.months.find((m) => m.month === '2026-12')!;
    expect(dec(withBad).ratings).toBe(dec(before).ratings + 1);

    await expectApiError(clerk.evaluation.appeal(rating.id, { reason: '恶意', evidence: '录像' }), 403);
    await expectApiError(gajLead.evaluation.appeal(rating.id, { reason: '恶意', evidence: '录像' }), 403);
    const appealed = await lead.evaluation.appeal(rating.id, {
      reason: '申请人因不符合条件未获办理，恶意差评',
      evidence: '窗口录像 2026-12-14 09:12',
    });
    expect(appealed.appeal).toMatchObject({ state: 'PENDING' });
    await expectApiError(lead.evaluation.appeal(rating.id, { reason: '再次', evidence: '录像' }), 409);
    await expectApiError(lead.evaluation.decideAppeal(appealed.appeal!.id, { uphold: true, reason: '自己复核' }), 403);
    const decided = await supervisor.evaluation.decideAppeal(appealed.appeal!.id, {
      uphold: true,
      reason: '录像显示工作人员解释清楚，差评不实',
    });
    expect(decided).toMatchObject({ excluded: true, appeal: { state: 'UPHELD' } });
    await expectApiError(
      supervisor.evaluation.decideAppeal(appealed.appeal!.id, { uphold: false, reason: '改判' }),
      409,
      ErrorCode.APPEAL_STATE,
    );

    // Still on record, out of the rate; its rectification is cancelled.
    expect((await lead.evaluation.ratings({ bad: true, pageSize: 50 })).items.map((r) => r.id)).toContain(rating.id);
    expect(dec(await supervisor.evaluation.satisfaction({ from: '2026-12-01', to: '2026-12-31' }))).toEqual(
      dec(before),
    );
    const x = (await lead.evaluation.rectifications({})).find((r) => r.ratingId === rating.id)!;
    expect(x.state).toBe('CANCELLED');
    const q = await supervisor.evaluation.assessment({ subject: 'WINDOW', period: '2026Q4' });
    expect(q.rows.find((r) => r.id === clerk.me.windowId)!.excludedRatings).toBe(1);
  });
});

describe('complaints', () => {
  it('move through every state on their clock, a substantiated one cards the person responsible', async () => {
    await travel('2026-12-15T09:00:00');
    const anon = t.client().complaints;
    const c = await onTheSpot();
    await expectApiError(
      anon.file({ type: 'ATTITUDE', subject: 'CASE', content: '态度差', caseNo: c.caseNo!, queryCode: c.queryCode! }),
      400,
      ErrorCode.COMPLAINT_CONTACT_REQUIRED,
    );
    await expectApiError(
      anon.file({ type: 'ATTITUDE', subject: 'STAFF', content: '态度差', contactPhone: '13912345678' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    const filed = await anon.file({
      type: 'ATTITUDE',
      subject: 'CASE',
      content: '窗口工作人员态度生硬，不解释原因',
      caseNo: c.caseNo!,
      queryCode: c.queryCode!,
      contactPhone: '13912345678',
    });
    expect(filed.number).toMatch(/^TS2026\d{6}$/);
    const follow = await anon.follow(filed.number, filed.queryCode);
    expect(filed.office).toBe('SUPERVISION');
    expect(follow).toMatchObject({ state: 'SUBMITTED', canRate: false });
    await expectApiError(anon.follow(filed.number, 'WRONG1'), 404, ErrorCode.COMPLAINT_NOT_FOUND);

    const fee = await anon.file({
      type: 'ILLEGAL_FEE',
      subject: 'DEPARTMENT',
      departmentId: lead.me.departmentId!,
      content: '收取了没有依据的资料费',
      contactPhone: '13912345678',
    });
    expect(fee.office).toBe('DISCIPLINE');

    const id = (await supervisor.complaints.list({ state: 'SUBMITTED' })).items.find(
      (x) => x.number === filed.number,
    )!.id;
    const read = await supervisor.complaints.get(id);
    expect(read).toMatchObject({ caseNo: c.caseNo, staffName: clerk.me.name, departmentId: lead.me.departmentId });
    expect(read.dueAt.slice(0, 10)).toBe('2026-12-22'); // five working days from Tuesday 15 December
    await expectApiError(lead.complaints.answer(id, { answer: '尚未交办' }), 409, ErrorCode.COMPLAINT_STATE);
    // The department sees nothing until it is handed the complaint.
    expect((await lead.complaints.list({})).items.map((x) => x.id)).not.toContain(id);

    await supervisor.complaints.accept(id, { note: '受理' });
    await supervisor.complaints.assign(id, { departmentId: lead.me.departmentId!, note: '请核实答复' });
    expect((await lead.complaints.list({})).items.map((x) => x.id)).toContain(id);
    await expectApiError(gajLead.complaints.answer(id, { answer: '不是本部门' }), 403);
    const answered = await lead.complaints.answer(id, { answer: '经核实，已对工作人员批评教育，并向投诉人致歉' });
    expect(answered).toMatchObject({ state: 'ANSWERED', overdue: false });
    expect(answered.answeredAt).not.toBeNull();
    await expectApiError(
      supervisor.complaints.close(id, { finding: 'SUBSTANTIATED', conclusion: '   ' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    const closed = await supervisor.complaints.close(id, {
      finding: 'SUBSTANTIATED',
      conclusion: '投诉属实，对责任人出红牌',
      cardStaff: true,
    });
    expect(closed).toMatchObject({ state: 'CLOSED', finding: 'SUBSTANTIATED' });
    expect(closed.steps.map((s) => s.action)).toEqual(['FILE', 'ACCEPT', 'ASSIGN', 'ANSWER', 'CLOSE']);
    const card = (await supervisor.supervision.cards({ reason: 'COMPLAINT_SUBSTANTIATED' })).items[0];
    expect(card).toMatchObject({ level: 'RED', staffId: clerk.me.id, departmentId: lead.me.departmentId });

    const told = await anon.follow(filed.number, filed.queryCode);
    expect(told).toMatchObject({ state: 'CLOSED', answer: answered.answer, findingLabel: '投诉属实', canRate: true });
    expect(JSON.stringify(told)).not.toContain(clerk.me.name);
    await anon.rate({ no: filed.number, code: filed.queryCode, level: 4, comment: '处理及时' });
    await expectApiError(
      anon.rate({ no: filed.number, code: filed.queryCode, level: 5 }),
      409,
      ErrorCode.ALREADY_RATED,
    );
    expect((await supervisor.complaints.get(id)).complainantLevel).toBe(4);

    // One left unanswered past its five working days is carded by the sweep.
    const feeId = (await supervisor.complaints.list({ office: 'DISCIPLINE' })).items.find(
      (x) => x.number === fee.number,
    )!.id;
    await travel('2026-12-23T09:00:00');
    await supervisor.supervision.sweep();
    const overdue = (await supervisor.supervision.cards({ reason: 'COMPLAINT_OVERDUE' })).items;
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(await supervisor.complaints.get(feeId)).toMatchObject({ state: 'SUBMITTED', overdue: true });
    expect((await supervisor.complaints.get(id)).overdue).toBe(false);
  });

  it('are registered by staff from the hotline, routed by the table CENTER_ADMIN keeps', async () => {
    const routes = await admin.complaints.routes();
    expect(routes.find((r) => r.type === 'DELAY')!.office).toBe('SUPERVISION');
    await expectApiError(supervisor.complaints.setRoutes({ routes: [{ type: 'DELAY', office: 'DISCIPLINE' }] }), 403);
    await admin.complaints.setRoutes({ routes: [{ type: 'DELAY', office: 'DISCIPLINE' }] });
    const hot = await supervisor.complaints.register({
      channel: 'HOTLINE',
      externalRef: '12345-20261223-0001',
      type: 'DELAY',
      subject: 'DEPARTMENT',
      departmentId: gajLead.me.departmentId!,
      content: '户口迁移办了一个月还没好',
      contactName: '张先生',
      contactPhone: '13900001111',
    });
    const got = (await supervisor.complaints.list({})).items.find((x) => x.number === hot.number)!;
    expect(got).toMatchObject({ channel: 'HOTLINE', office: 'DISCIPLINE', externalRef: '12345-20261223-0001' });
    await expectApiError(lead.complaints.register({ ...got, channel: 'HOTLINE' } as never), 403);
  });
});
