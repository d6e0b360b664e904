import { ApiClient, type CaseDto, ErrorCode, type Principal } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY_PROJECT_CODE, demoCreditCode } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// 绿色通道 on the demo's 食品经营许可 (市场监管, promised 10 working days, green channel 5): receipts on Fri 30 October
// and Mon 2 November 2026, accepted on the Monday.

let t: TestApp;
type Client = ApiClient & { me: Principal };
let admin: Client;
let clerk: Client;
let supervisor: Client;
let matterCode: string;
const at = (local: string) => new Date(`${local}+08:00`);
const PROJECT = '2026-330102-47-01-000777';
const COMPANY = demoCreditCode(777, '91');

const walkIn = (idNumber: string, projectCode: string | null, name = '示范绿色食品有限公司') =>
  clerk.cases.walkIn({
    matterCode,
    applicant: { kind: 'ORGANIZATION', name, idNumber, contactName: '张经办', phone: '13912345678', projectCode },
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });

async function login() {
  [admin, clerk, supervisor] = await Promise.all(['admin', 'scjg.clerk', 'supervisor'].map((l) => t.loginAs(l)));
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at('2026-10-30T09:00:00'));
  await login();
  [{ code: matterCode }] = await t.sql<{ code: string }>(
    `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = '食品经营许可'`,
  );
});
afterAll(() => t?.close());

describe('key projects', () => {
  it('are marked by CENTER_ADMIN only, with a valid project code, an ID and a reason, once per code, audited', async () => {
    await expectApiError(
      clerk.keyProjects.mark({
        projectCode: PROJECT,
        projectName: '绿色食品加工基地',
        applicantName: '示范绿色食品有限公司',
        idNumber: COMPANY,
        reason: '市重点项目',
      }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    const bad = await expectApiError(
      admin.keyProjects.mark({
        projectCode: '2026-33',
        projectName: ' ',
        applicantName: '某公司',
        idNumber: '123',
        reason: '',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['idNumber', 'projectCode', 'projectName', 'reason']);
    expect(bad.message).toContain('项目代码');

    const kp = await admin.keyProjects.mark({
      projectCode: PROJECT,
      projectName: '绿色食品加工基地',
      applicantName: '示范绿色食品有限公司',
      idNumber: COMPANY,
      reason: '列入 2026 年市重点建设项目计划',
    });
    expect(kp).toMatchObject({ projectCode: PROJECT, markedByName: admin.me.name, revokedAt: null, caseCount: 0 });
    expect(kp.applicantIdMasked).not.toContain(COMPANY.slice(2, 14));
    await expectApiError(
      admin.keyProjects.mark({
        projectCode: PROJECT,
        projectName: '同一项目',
        applicantName: '示范绿色食品有限公司',
        idNumber: COMPANY,
        reason: '重复',
      }),
      409,
      ErrorCode.KEY_PROJECT_EXISTS,
    );
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'key_project.marked' AND target_id = $1`,
      [kp.id],
    );
    expect(n).toBe(1);
    const list = await supervisor.keyProjects.list();
    expect(list.map((k) => k.projectCode)).toEqual(expect.arrayContaining([PROJECT, DEMO_KEY_PROJECT_CODE]));
  });
});

describe('a key project’s case', () => {
  let normal: CaseDto;
  let green: CaseDto;

  it('heads the acceptance queue from receipt, though received after a more urgent one', async () => {
    normal = await walkIn(demoCreditCode(778, '91'), null, '示范普通食品有限公司');
    // Same project code, another applicant: no green channel.
    const stranger = await walkIn(demoCreditCode(779, '91'), PROJECT, '冒用项目代码的公司');
    t.clock.set(at('2026-11-02T10:00:00'));
    await login();
    green = await walkIn(COMPANY, PROJECT);
    expect(green.keyProject).toMatchObject({ projectName: '绿色食品加工基地' });
    expect(stranger.keyProject).toBeNull();
    const queue = await clerk.cases.queue({ queue: 'TO_ACCEPT' });
    const ours = queue.items.filter((x) => [normal.id, green.id, stranger.id].includes(x.id));
    // The two ordinary receipts, received the working day before, are due a day earlier and still come after it.
    expect(ours.map((x) => [x.id, x.greenChannel])[0]).toEqual([green.id, true]);
    expect(ours.slice(1).map((x) => [x.id, x.greenChannel])).toEqual(
      expect.arrayContaining([
        [normal.id, false],
        [stranger.id, false],
      ]),
    );
    expect(new Date(ours[1].dueAt!) < new Date(ours[0].dueAt!)).toBe(true);
  });

  it('runs on the matter’s green-channel limit (5 working days instead of 10), and says so in the notice', async () => {
    green = await clerk.cases.accept(green.id, { opinion: '材料齐全' });
    normal = await clerk.cases.accept(normal.id, { opinion: '材料齐全' });
    expect(green.caseClock).toMatchObject({ limit: { value: 5, unit: 'WORKING_DAY' }, dueDate: '2026-11-09' });
    expect(normal.caseClock).toMatchObject({ limit: { value: 10, unit: 'WORKING_DAY' }, dueDate: '2026-11-16' });
    expect(green.keyProject?.id).toBeTruthy();
    const [step] = await t.sql<{ details: Record<string, unknown> }>(
      `SELECT details FROM case_step WHERE case_id = $1 AND action = 'ACCEPT'`,
      [green.id],
    );
    expect(step.details).toMatchObject({ keyProjectId: green.keyProject!.id, limit: { value: 5 } });
  });

  it('is carded on the shorter limit: RED once its 5 days ran out while the ordinary case is still fine', async () => {
    t.clock.set(at('2026-11-10T09:00:00'));
    await login();
    await supervisor.supervision.sweep();
    const cards = (await supervisor.supervision.cards({ pageSize: 100 })).items.filter((k) =>
      [green.id, normal.id].includes(k.caseId!),
    );
    expect(cards.filter((k) => k.level === 'RED').map((k) => k.caseId)).toEqual([green.id]);
  });

  it('keeps its limit when the project is revoked; the next case of the project runs on the promised limit', async () => {
    const [kp] = (await admin.keyProjects.list()).filter((k) => k.projectCode === PROJECT);
    expect(kp.caseCount).toBe(1);
    await expectApiError(admin.keyProjects.revoke(kp.id, { reason: '  ' }), 400, ErrorCode.VALIDATION_FAILED);
    const revoked = await admin.keyProjects.revoke(kp.id, { reason: '项目已竣工' });
    expect(revoked).toMatchObject({ revokeReason: '项目已竣工', revokedByName: admin.me.name });
    await expectApiError(admin.keyProjects.revoke(kp.id, { reason: '再次' }), 409, ErrorCode.KEY_PROJECT_REVOKED);
    expect((await clerk.cases.get(green.id)).caseClock?.limit.value).toBe(5);
    const next = await clerk.cases.accept((await walkIn(COMPANY, PROJECT)).id, {});
    expect(next.keyProject).toBeNull();
    expect(next.caseClock?.limit.value).toBe(10);
    // A new key project may take the code again once the old one is revoked.
    await admin.keyProjects.mark({
      projectCode: PROJECT,
      projectName: '绿色食品加工基地二期',
      applicantName: '示范绿色食品有限公司',
      idNumber: COMPANY,
      reason: '二期列入重点项目',
    });
  });
});
