import {
  type ApiClient,
  type CaseApplicantInput,
  type CaseDto,
  ErrorCode,
  type Principal,
  residentIdCheckChar,
} from '@onewindow/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
type Client = ApiClient & { me: Principal };
let clerk: Client;
let approver: Client;
let lead: Client;
let supervisor: Client;
let zjjLead: Client;

const FOOD = 'XK00001001'; // 食品经营许可: 承诺件, 10 working days
const applicant: CaseApplicantInput = {
  kind: 'PERSON',
  name: '赵绩效',
  idNumber: '33010219900307151' + residentIdCheckChar('33010219900307151'),
  contactName: '赵绩效',
  phone: '13912345679',
};
const at = (local: string) => new Date(`${local}+08:00`);

async function travel(local: string) {
  t.clock.set(at(local));
  [clerk, approver, lead, supervisor, zjjLead] = await Promise.all(
    ['scjg.clerk', 'scjg.approver', 'scjg.lead', 'supervisor', 'zjj.lead'].map((l) => t.loginAs(l)),
  );
}
const walkIn = () =>
  clerk.cases.walkIn({
    matterCode: FOOD,
    applicant,
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
async function conclude(c: CaseDto) {
  await clerk.cases.review(c.id, { agree: true, opinion: '材料齐全' });
  await approver.cases.decide(c.id, { approve: true, reason: '符合条件，准予许可' });
  return clerk.cases.deliver(c.id, { method: 'PICKUP' });
}

// In 市场监管, received in the week of Mon 2 Nov 2026 (10 working days: due at the end of Mon 16 Nov):
// A concluded in time; B accepted, run over, concluded in the week of 23 Nov; C refused at once (concluded in
// time); D accepted and still open past due. And a receipt in 自然资源 on 23 Nov, not yet decided.
let A: CaseDto, B: CaseDto, C: CaseDto, D: CaseDto;
const PERIOD = { from: '2026-11-02', to: '2026-11-29' };

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-11-02T09:00:00');
  [A, B, C, D] = [await walkIn(), await walkIn(), await walkIn(), await walkIn()];
  for (const c of [A, B, D]) await clerk.cases.accept(c.id, {});
  await clerk.cases.reject(C.id, {
    reason: '申请事项不属于本机关职权范围',
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
  });
  await travel('2026-11-03T10:00:00');
  A = await conclude(A);
  await travel('2026-11-20T09:00:00');
  await supervisor.supervision.sweep(); // YELLOW and RED for B and D
  await travel('2026-11-23T10:00:00');
  B = await conclude(B);
  // One receipt in 自然资源 on the last day, not yet decided (it has 5 working days to accept).
  const [{ code }] = await t.sql<{ code: string }>(
    `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id AND v.status = 'PUBLISHED' WHERE v.content->>'name' = '不动产登记（转移登记）'`,
  );
  const zrzy = await t.loginAs('zrzy.clerk');
  const v = await zrzy.guides.get(code);
  await zrzy.cases.walkIn({
    matterCode: code,
    applicant,
    materials: v.content.materials.map((_, index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
});
afterAll(() => t?.close());

describe('department performance', () => {
  it('counts on-time completion, cards per 100 cases and open cases past due, and ranks the departments', async () => {
    const r = await supervisor.supervision.performance(PERIOD);
    const scjg = r.departments.find((d) => d.departmentId === clerk.me.departmentId)!;
    expect(scjg).toMatchObject({
      received: 4,
      concluded: 3,
      onTime: 2,
      yellow: 2,
      red: 2,
      cardsPer100: 100,
      overdueOpen: 1,
      rank: 1,
    });
    expect(scjg.onTimeRate).toBeCloseTo(2 / 3, 10);
    // A department with a receipt but nothing concluded ranks after those that concluded; its rate is unknown, not 0 or 100 %.
    const zrzy = r.departments.find((d) => d.departmentName === '市自然资源和规划局')!;
    expect(zrzy).toMatchObject({ received: 1, concluded: 0, onTimeRate: null, cardsPer100: 0, rank: 2 });
    // Departments with nothing in the period are not ranked.
    expect(r.departments.map((d) => d.departmentName)).toEqual(['市市场监督管理局', '市自然资源和规划局']);
    expect(r.departments.map((d) => d.rank)).toEqual(r.departments.map((_, i) => i + 1));
    expect(r.totals).toMatchObject({ received: 5, concluded: 3, onTime: 2, yellow: 2, red: 2, overdueOpen: 1 });
  });

  it('gives the trend week by week: received and concluded in their weeks, cards in the week they crossed', async () => {
    const r = await supervisor.supervision.performance(PERIOD);
    const weeks = r.weeks.map((w) => [w.weekStart, w.received, w.concluded, w.onTime, w.yellow, w.red]);
    expect(weeks).toEqual([
      ['2026-11-02', 4, 2, 2, 0, 0],
      // 2 working days left: the warning crossed at the end of Thu 12 Nov; due at the end of Mon 16 Nov.
      ['2026-11-09', 0, 0, 0, 2, 0],
      ['2026-11-16', 0, 0, 0, 0, 2],
      ['2026-11-23', 1, 1, 0, 0, 0],
    ]);
    expect(r.weeks[3].onTimeRate).toBe(0);
    expect(r.weeks[1].onTimeRate).toBeNull();
  });

  it('leaves out revoked cards', async () => {
    const yellow = (await supervisor.supervision.cards({ level: 'YELLOW' })).items.find((k) => k.caseId === B.id)!;
    await clerk.supervision.appeal(yellow.id, { reason: '申请人要求暂缓' });
    await supervisor.supervision.decide(yellow.id, { decision: 'REVOKE', reason: '属实' });
    const r = await supervisor.supervision.performance(PERIOD);
    expect(r.totals).toMatchObject({ yellow: 1, red: 2 });
    expect(r.weeks.find((w) => w.weekStart === '2026-11-09')!.yellow).toBe(1);
  });

  it('shows a department lead only the own department, and refuses clerks and bad periods', async () => {
    const own = await lead.supervision.performance(PERIOD);
    expect(own.departments.map((d) => d.departmentId)).toEqual([lead.me.departmentId]);
    expect(own.departmentId).toBe(lead.me.departmentId);
    expect(await zjjLead.supervision.performance(PERIOD)).toMatchObject({ departments: [], totals: { received: 0 } });
    await expectApiError(zjjLead.supervision.performance({ ...PERIOD, departmentId: clerk.me.departmentId! }), 403);
    await expectApiError(clerk.supervision.performance(PERIOD), 403);
    await expectApiError(
      supervisor.supervision.performance({ from: '2026-11-30', to: '2026-11-01' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      supervisor.supervision.performance({ from: '2025-01-01', to: '2026-11-30' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(supervisor.supervision.performance({ from: '2026-11-31' }), 400, ErrorCode.VALIDATION_FAILED);
    // A department chosen: the weeks are that department's.
    const zjjWeeks = await supervisor.supervision.performance({ ...PERIOD, departmentId: zjjLead.me.departmentId! });
    expect(zjjWeeks.weeks.every((w) => w.received === 0 && w.red === 0)).toBe(true);
  });

  it('exports to an Excel workbook with the ranked departments, the weeks and what each figure means', async () => {
    const file = await supervisor.supervision.performanceWorkbook(PERIOD);
    expect(file.fileName).toBe('部门绩效-2026-11-02至2026-11-29.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['部门绩效', '周趋势', '说明']);
    const depts = wb.getWorksheet('部门绩效')!;
    expect(depts.getRow(1).values).toEqual([
      undefined,
      '名次',
      '部门',
      '收件数',
      '办结数',
      '按时办结数',
      '按时办结率',
      '黄牌',
      '红牌',
      '每百件出牌',
      '协办出具意见',
      '协办超时默认',
      '在办超期件',
    ]);
    const first = depts.getRow(2).values as unknown[];
    expect(first.slice(1, 6)).toEqual([1, '市市场监督管理局', 4, 3, 2]);
    expect(first[6]).toBeCloseTo(2 / 3, 10);
    expect(depts.getColumn(6).numFmt).toBe('0.0%');
    expect(wb.getWorksheet('周趋势')!.rowCount).toBe(5);
  });
});

describe('the exchange export', () => {
  it('gives each case with its steps in the national step-result and completion code sets, without personal data', async () => {
    const x = await supervisor.supervision.exchange({ from: '2026-11-01', to: '2026-11-30' });
    expect(x).toMatchObject({ format: 'onewindow.supervision-exchange/1', total: 5, page: 1 });
    expect(x.codeSets.stepResult['3']).toBe('不予受理');
    expect(x.codeSets.completion['6']).toBe('办结');
    const a = x.cases.find((c) => c.caseNo === A.caseNo)!;
    expect(a).toMatchObject({
      matterCode: FOOD,
      departmentCode: 'SCJG',
      channel: 'WINDOW',
      applicantKind: 'PERSON',
      completionCode: '6',
      completionLabel: '办结',
    });
    expect(a.departmentCreditCode).toMatch(/^[0-9A-Z]{18}$/);
    expect(a.steps.map((s) => [s.action, s.resultCode])).toEqual([
      ['SUBMIT', null],
      ['ACCEPT', '4'],
      ['REVIEW', '1'],
      ['DECIDE', '1'],
      ['DELIVER', null],
    ]);
    const refused = x.cases.find((c) => c.receiptNo === C.receiptNo)!;
    expect(refused.steps.at(-1)).toMatchObject({ action: 'REJECT', resultCode: '3', resultLabel: '不予受理' });
    expect(refused.completionCode).toBe('1');
    const text = JSON.stringify(x);
    expect(text).not.toContain(applicant.name);
    expect(text).not.toContain(applicant.phone);
    expect(text).not.toContain(applicant.idNumber);

    const page2 = await supervisor.supervision.exchange({ from: '2026-11-01', to: '2026-11-30', page: 2, pageSize: 3 });
    expect([page2.total, page2.cases.length]).toEqual([5, 2]);
    // Only cases with a step in the period: none before the first receipt.
    expect((await supervisor.supervision.exchange({ from: '2026-10-01', to: '2026-10-31' })).total).toBe(0);
    await expectApiError(
      supervisor.supervision.exchange({ from: '2026-10-01', to: '2026-11-30' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(lead.supervision.exchange({ from: '2026-11-01', to: '2026-11-30' }), 403);
  });
});
