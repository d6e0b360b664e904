import { ApiClient, type CaseDto, ErrorCode, type Principal } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/demo/demo-seed.js';
import { pdfText } from './helpers/pdf-text.js';
import { machineClient } from './helpers/machine-client.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// 上报件 and 转报 on the demo's 三级医院设置审批（报省卫生健康委）: 卫健 receives, reviews and forwards it; the
// province decides; the answer comes back through 卫健's own system and the window delivers it.

let t: TestApp;
type Client = ApiClient & { me: Principal };
let clerk: Client;
let approver: Client;
let scjg: Client;
let c: CaseDto;
const at = (local: string) => new Date(`${local}+08:00`);
/** Moves the business clock and logs in again (sessions do not outlive a jump of weeks). */
async function travel(local: string) {
  t.clock.set(at(local));
  [clerk, approver, scjg] = await Promise.all(['wjw.clerk', 'wjw.approver', 'scjg.clerk'].map((l) => t.loginAs(l)));
}
const matterCode = async (name: string) =>
  (
    await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = $1`,
      [name],
    )
  )[0].code;
const walkIn = async (api: Client, name: string, materials: number, seq: number) =>
  api.cases.accept(
    (
      await api.cases.walkIn({
        matterCode: await matterCode(name),
        applicant: {
          kind: 'ORGANIZATION',
          name: `示范医疗投资有限公司${seq}`,
          idNumber: demoCreditCode(600 + seq, '91'),
          contactName: '周经办',
          phone: '13912345678',
        },
        materials: Array.from({ length: materials }, (_, index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
      })
    ).id,
    {},
  );

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-11-02T09:00:00');
  c = await walkIn(clerk, '三级医院设置审批（报省卫生健康委）', 3, 1);
  c = await clerk.cases.review(c.id, { agree: true, opinion: '符合医疗机构设置规划，同意上报' });
});
afterAll(() => t?.close());

describe('a 上报件', () => {
  it('is not decided by the department: it is forwarded, with the authority named, and the local clock stops', async () => {
    expect(c.handlingKind).toBe('REPORT_UP');
    await expectApiError(approver.cases.decide(c.id, { approve: true, reason: '准予' }), 409, ErrorCode.CASE_REPORT_UP);
    const blank = await expectApiError(
      approver.cases.forward(c.id, { authority: '  ', opinion: '同意上报' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(blank.message).toContain('上级机关');
    await expectApiError(clerk.cases.forward(c.id, { authority: '省卫生健康委', opinion: '同意' }), 403);
    await travel('2026-11-04T10:00:00');
    c = await approver.cases.forward(c.id, { authority: '浙江省卫生健康委员会', opinion: '初审符合条件，同意上报' });
    expect(c.state).toBe('FORWARDED');
    expect(c.forwarding).toMatchObject({ authority: '浙江省卫生健康委员会', documentNo: null });
    expect(new Date(c.forwarding!.forwardedAt).getTime() - at('2026-11-04T10:00:00').getTime()).toBeLessThan(60_000);
    expect(c.caseClock).toMatchObject({ state: 'STOPPED', stopReason: 'FORWARDED' });
    expect(c.allowedActions).toEqual(['FORWARD_ANSWER']);
    expect(c.steps.at(-1)).toMatchObject({ action: 'FORWARD', toState: 'FORWARDED', resultCode: '1' });
    // In the 已转报 queue, and the applicant reads where it went on the public progress page.
    expect((await clerk.cases.queue({ queue: 'FORWARDED' })).items.map((x) => x.id)).toEqual([c.id]);
    const p = await t.client().progress.get(c.caseNo!, c.queryCode!);
    expect(p.state).toBe('FORWARDED');
  });

  it('is not carded for the time the higher authority takes', async () => {
    await travel('2027-01-20T09:00:00'); // long past the local limit (20 working days from acceptance)
    await (await t.loginAs('supervisor')).supervision.sweep();
    const cards = await t.sql('SELECT id FROM supervision_card WHERE case_id = $1', [c.id]);
    expect(cards).toEqual([]);
  });

  it('gets the authority’s decision back through the department’s system, idempotently, and is delivered as 转报', async () => {
    const { call } = await machineClient(t, await t.loginAs('admin'), {
      name: '卫健业务系统',
      ownerKind: 'DEPARTMENT',
      departmentId: clerk.me.departmentId,
      scopes: ['cases:read', 'decisions:write'],
    });
    const answer = { approve: true, reason: '同意设置', documentNo: '浙卫复〔2027〕12 号' };
    expect((await call('POST', `/cases/${c.id}/forward-answer`, answer)).body.code).toBe(
      ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
    );
    const back = await call('POST', `/cases/${c.id}/forward-answer`, answer, 'answer-1');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      state: 'APPROVED',
      decision: { approved: true, reason: '同意设置' },
      forwarding: { authority: '浙江省卫生健康委员会', documentNo: '浙卫复〔2027〕12 号' },
      deliveryClock: { state: 'RUNNING' },
    });
    const again = await call('POST', `/cases/${c.id}/forward-answer`, answer, 'answer-1');
    expect([again.status, again.replayed]).toEqual([200, 'true']);
    // A second answer is refused by the state machine, as for staff.
    expect((await call('POST', `/cases/${c.id}/forward-answer`, answer, 'answer-2')).status).toBe(409);
    c = await clerk.cases.get(c.id);
    expect(c.steps.filter((s) => s.action === 'FORWARD_ANSWER')).toHaveLength(1);
    const decision = c.notices.find((n) => n.kind === 'DECISION')!;
    const text = await pdfText((await clerk.cases.notice(c.id, decision.id)).bytes);
    expect(text).toContain('浙卫复〔2027〕12 号');
    // The feed told the department's systems of both acts.
    const feed = await call('GET', '/events?limit=500');
    const types = feed.body.events
      .filter((e: { caseId: string }) => e.caseId === c.id)
      .map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['case.forward', 'case.forward_answer']);

    c = await clerk.cases.deliver(c.id, { method: 'PICKUP', certificateNo: 'WJW-2027-0001' });
    expect(c.state).toBe('COMPLETED');
    const [{ completion_code }] = await t.sql<{ completion_code: string }>(
      'SELECT completion_code FROM service_case WHERE id = $1',
      [c.id],
    );
    expect(completion_code).toBe('4');
  });

  it('is the only kind that may be forwarded', async () => {
    await travel('2027-01-21T09:00:00');
    let other = await walkIn(scjg, '食品经营许可', 4, 2);
    other = await scjg.cases.review(other.id, { agree: true, opinion: '符合条件' });
    const lead = await t.loginAs('scjg.approver');
    await expectApiError(
      lead.cases.forward(other.id, { authority: '省市场监管局', opinion: '上报' }),
      409,
      ErrorCode.CASE_REPORT_UP,
    );
    expect((await lead.cases.get(other.id)).state).toBe('IN_REVIEW');
  });
});
