import {
  type ApiClient,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseApplicantInput,
  type CaseDto,
  type CaseState,
  ErrorCode,
  type Principal,
  creditCodeCheckChar,
  residentIdCheckChar,
} from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './helpers/pdf-text.js';
import { Failpoints } from '../src/platform/testing/failpoints.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
type Client = ApiClient & { me: Principal };
let citizen: Client;
let other: Client;
let clerk: Client;
let clerk2: Client;
let approver: Client;
let lead: Client;
let admin: Client;
let zjjClerk: Client;

const FOOD = 'XK00001001'; // 食品经营许可: 承诺件, 10 working days, material 3 deferrable
const SOLE_TRADER = 'QT00001001'; // 个体工商户登记: 即办件
const ID = (first17: string) => first17 + residentIdCheckChar(first17);
const applicant: CaseApplicantInput = {
  kind: 'PERSON',
  name: '王小明',
  idNumber: ID('33010219900307151'),
  contactName: '王小明',
  phone: '13912345678',
  address: '示范市人民路 1 号',
};
const PDF = (label: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`));
/** Shanghai wall-clock time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);
const LOGINS = [
  '13800000001',
  '13800000003',
  'scjg.clerk',
  'scjg.clerk2',
  'scjg.approver',
  'scjg.lead',
  'admin',
  'zjj.clerk',
];
async function loginAll() {
  [citizen, other, clerk, clerk2, approver, lead, admin, zjjClerk] = await Promise.all(LOGINS.map((l) => t.loginAs(l)));
}
/** Moves the platform clock (business time) and logs everyone in again: sessions are timed by the same clock. */
async function travel(local: string) {
  t.clock.set(at(local));
  await loginAll();
}

beforeAll(async () => {
  t = await startTestApp();
  await loginAll();
});
afterAll(() => t?.close());

/** An online application for 食品经营许可 with every required material uploaded, submitted. */
async function submitted(who: Client = citizen, opts: { defer?: boolean } = {}): Promise<CaseDto> {
  const draft = await who.cases.start({ matterCode: FOOD });
  for (const m of draft.materials)
    if (!(opts.defer && m.deferrable))
      await who.cases.uploadMaterial(draft.id, m.index, {
        bytes: PDF(m.name),
        mediaType: 'application/pdf',
        fileName: `${m.name}.pdf`,
      });
  await who.cases.saveDraft(draft.id, {
    applicant,
    materials: draft.materials
      .filter((m) => opts.defer && m.deferrable)
      .map((m) => ({ index: m.index, status: 'DEFERRED' as const })),
  });
  return who.cases.submit(draft.id);
}

async function inReview(): Promise<CaseDto> {
  return clerk.cases.accept((await submitted()).id);
}

describe('online receipt', () => {
  it("a new application starts with the account's name, ID and phone; the applicant's own draft gives them back in full, the submitted case masked", async () => {
    await travel('2026-11-23T09:00:00');
    const me = await other.auth.myApplicantProfile();
    const draft = await other.cases.start({ matterCode: FOOD });
    expect(draft.applicant).toMatchObject({ kind: 'PERSON', name: me.name, idNumberMasked: me.idNumberMasked });
    expect(draft.applicant.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(draft.applicant.phone).toMatch(/^1\d{10}$/);
    // What the form saved is what a reload shows: nothing to type again.
    await other.cases.saveDraft(draft.id, { applicant, materials: [] });
    expect((await other.cases.get(draft.id)).applicant).toMatchObject({
      idNumber: applicant.idNumber,
      phone: applicant.phone,
    });
    await other.cases.withdraw(draft.id, { reason: '测试完毕' });
  });

  it('a draft is saved and resumed, refuses to submit with a required material missing, and on submit gets a receipt number, voucher and a 5-working-day clock', async () => {
    await travel('2026-11-23T09:30:00');
    const draft = await citizen.cases.start({ matterCode: FOOD });
    expect(draft).toMatchObject({ state: 'DRAFT', receiptNo: null, matterName: '食品经营许可', matterVersionNo: 1 });
    expect(draft.materials.map((m) => m.status)).toEqual(['MISSING', 'MISSING', 'MISSING', 'MISSING']);
    await citizen.cases.saveDraft(draft.id, { applicant, materials: [] });
    await citizen.cases.uploadMaterial(draft.id, 0, {
      bytes: PDF('申请书'),
      mediaType: 'application/pdf',
      fileName: '申请书.pdf',
    });
    const resumed = await citizen.cases.get(draft.id);
    expect(resumed.applicant).toMatchObject({
      name: '王小明',
      idNumberMasked: expect.stringMatching(/^330\*+\d{3}[\dX]$/),
      idNumber: applicant.idNumber,
      phone: '13912345678',
    });
    expect(resumed.materials[0]).toMatchObject({ status: 'PROVIDED', fileName: '申请书.pdf' });
    expect((await citizen.cases.mine()).some((c) => c.id === draft.id && c.state === 'DRAFT')).toBe(true);

    const refused = await expectApiError(citizen.cases.submit(draft.id), 400, ErrorCode.CASE_MATERIALS_INCOMPLETE);
    expect(refused.message).toContain('营业执照');
    for (const i of [1, 2, 3])
      await citizen.cases.uploadMaterial(draft.id, i, { bytes: PDF(`m${i}`), mediaType: 'application/pdf' });
    const c = await citizen.cases.submit(draft.id);
    expect(c.state).toBe('SUBMITTED');
    // Once submitted it is a record: masked for the applicant too.
    expect(c.applicant.idNumber).toBeUndefined();
    expect(c.applicant.phone).toBe('139****5678');
    expect(c.receiptNo).toMatch(/^SJ20261123\d{5}$/);
    expect(c.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(c.receivedAt!.slice(0, 18)).toBe('2026-11-23T01:30:0'); // server-stamped (the platform clock runs on from 09:30)
    // 5 working days from Monday 23 November: Friday 30 November... counted from the next day: 24,25,26,27,30.
    expect(c.acceptanceClock).toMatchObject({ subjectKind: 'ACCEPTANCE', state: 'RUNNING', dueDate: '2026-11-30' });
    expect(c.notices.map((n) => n.kind)).toEqual(['RECEIPT_VOUCHER']);
    const voucher = await pdfText((await citizen.cases.notice(c.id, c.notices[0].id)).bytes);
    expect(voucher).toContain('收件回执');
    expect(voucher).toContain(c.receiptNo!);
    expect(voucher).toContain('2026-11-30 24:00');
    expect(voucher).not.toContain(applicant.idNumber);
    // Every page's foot says where the hall is and whom to call: the center's one profile.
    const flat = voucher.replace(/\s/g, '');
    expect(flat).toContain('示范市市民大道100号市民中心2楼办事大厅');
    expect(flat).toContain('服务热线12345');
  });

  it('uploads are checked by type, content and size; a refused upload stores nothing', async () => {
    const draft = await citizen.cases.start({ matterCode: FOOD });
    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stored_file');
    await expectApiError(
      citizen.cases.uploadMaterial(draft.id, 0, {
        bytes: new Uint8Array(Buffer.from('MZ\x90\x00 not a pdf')),
        mediaType: 'application/pdf',
        fileName: 'virus.pdf',
      }),
      400,
      ErrorCode.FILE_CONTENT_MISMATCH,
    );
    await expectApiError(
      citizen.cases.uploadMaterial(draft.id, 0, {
        bytes: new Uint8Array(Buffer.from('PK\x03\x04')),
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      415,
      ErrorCode.FILE_TYPE_NOT_ALLOWED,
    );
    await expectApiError(
      citizen.request('POST', `/cases/${draft.id}/materials/0`, {
        upload: { bytes: new Uint8Array(Buffer.from('<html>')), mediaType: 'text/html' },
      }),
      415,
    );
    const big = Buffer.alloc(10 * 1_048_576 + 10, 0x20);
    big.write('%PDF-');
    await expectApiError(
      citizen.cases.uploadMaterial(draft.id, 0, { bytes: new Uint8Array(big), mediaType: 'application/pdf' }),
      413,
    );
    await expectApiError(
      citizen.cases.uploadMaterial(draft.id, 9, { bytes: PDF('x'), mediaType: 'application/pdf' }),
      400,
      ErrorCode.CASE_MATERIAL_UNKNOWN,
    );
    await expectApiError(
      other.cases.uploadMaterial(draft.id, 0, { bytes: PDF('x'), mediaType: 'application/pdf' }),
      404,
      ErrorCode.CASE_NOT_FOUND,
    );
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stored_file');
    expect(after).toBe(before);
    const res = await fetch(`${t.baseUrl}/api/cases/${draft.id}/materials/0/file`, {
      headers: { authorization: `Bearer ${citizen.store.get()!.accessToken}` },
    });
    expect(res.status).toBe(404);
  });
});

describe('acceptance decision (Art. 32)', () => {
  it('one supplement notice lists everything and pauses the clock; a second is refused unless it concerns newly supplied materials; supplying resumes with the remaining time', async () => {
    await travel('2026-11-23T09:00:00');
    const c = await submitted();
    expect(c.acceptanceClock!.dueDate).toBe('2026-11-30');
    await travel('2026-11-24T10:00:00');
    const s = await clerk.cases.supplement(c.id, {
      items: [
        { materialIndex: 1, text: '营业执照复印件不清晰' },
        { materialIndex: null, text: '请补充经营场所租赁合同' },
      ],
    });
    expect(s.state).toBe('SUPPLEMENT_REQUIRED');
    expect(s.acceptanceClock!.state).toBe('PAUSED');
    expect(s.materials[1].status).toBe('MISSING');
    const notice = await pdfText(
      (await citizen.cases.notice(c.id, s.notices.find((n) => n.kind === 'SUPPLEMENT_NOTICE')!.id)).bytes,
    );
    expect(notice).toContain('营业执照复印件不清晰');
    expect(notice).toContain('请补充经营场所租赁合同');

    // The applicant cannot claim to have supplied without uploading.
    await expectApiError(
      citizen.cases.supply(c.id, { materialIndexes: [1] }),
      400,
      ErrorCode.CASE_MATERIALS_INCOMPLETE,
    );
    // Three days later (a week-end in between), the applicant uploads and supplies.
    await travel('2026-11-27T15:00:00');
    await citizen.cases.uploadMaterial(c.id, 1, { bytes: PDF('新的营业执照'), mediaType: 'application/pdf' });
    const back = await citizen.cases.supply(c.id, { materialIndexes: [1] });
    expect(back.state).toBe('SUBMITTED');
    expect(back.acceptanceClock!.state).toBe('RUNNING');
    // 1 working day (24th... paused on the 24th) was used; 4 or so remain from the 27th: later than the original 30th.
    expect(back.acceptanceClock!.dueDate > '2026-11-30').toBe(true);
    expect(back.steps.at(-1)).toMatchObject({ action: 'SUPPLY', resultCode: '5' });

    // A second notice about a material not supplied since the first is refused; one about the re-supplied licence is allowed.
    await expectApiError(
      clerk.cases.supplement(c.id, { items: [{ materialIndex: 2, text: '又发现一项' }] }),
      409,
      ErrorCode.CASE_SUPPLEMENT_ONCE,
    );
    await expectApiError(
      clerk.cases.supplement(c.id, { items: [{ materialIndex: null, text: '另需一份说明' }] }),
      409,
      ErrorCode.CASE_SUPPLEMENT_ONCE,
    );
    const second = await clerk.cases.supplement(c.id, {
      items: [{ materialIndex: 1, text: '新提交的营业执照已过期' }],
    });
    expect(second.state).toBe('SUPPLEMENT_REQUIRED');
  });

  it('refusal needs a reason and a legal basis, issues the written notice and is final', async () => {
    const c = await submitted();
    await expectApiError(clerk.cases.reject(c.id, { reason: '', legalBasis: '' }), 400, ErrorCode.VALIDATION_FAILED);
    const blank = await expectApiError(
      clerk.cases.reject(c.id, { reason: '   ', legalBasis: '\t \n' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(blank.fieldErrors).toEqual({ reason: ['不能为空'], legalBasis: ['不能为空'] });
    expect(blank.message).toBe('提交的内容有误：理由不能为空（另有 1 处）');
    const r = await clerk.cases.reject(c.id, {
      reason: '申请事项依法不需要取得行政许可',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    });
    expect(r).toMatchObject({ state: 'REJECTED', completionCode: '1', allowedActions: [] });
    expect(r.acceptanceClock!.state).toBe('STOPPED');
    expect(r.steps.at(-1)).toMatchObject({ action: 'REJECT', resultCode: '3' });
    const text = await pdfText(
      (await citizen.cases.notice(c.id, r.notices.find((n) => n.kind === 'REJECTION_NOTICE')!.id)).bytes,
    );
    expect(text).toContain('申请事项依法不需要取得行政许可');
    expect(text).toContain('行政复议');
    await expectApiError(clerk.cases.accept(c.id), 409, ErrorCode.CASE_STATE_REJECTED);
  });

  it('a receipt undecided after 5 working days is deemed accepted as of the day it was received', async () => {
    await travel('2026-11-23T11:00:00');
    const c = await submitted();
    await travel('2026-11-30T18:00:00');
    expect((await admin.supervision.sweep()).deemedAccepted).toBe(0); // due at the end of the 30th
    await travel('2026-12-01T08:00:00');
    await expectApiError(clerk.supervision.sweep(), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    expect((await admin.supervision.sweep()).deemedAccepted).toBeGreaterThanOrEqual(1);
    const d = await citizen.cases.get(c.id);
    expect(d).toMatchObject({ state: 'IN_REVIEW', deemedAccepted: true, acceptedAt: c.receivedAt });
    expect(d.caseNo).toMatch(/^SCJG-20261123-\d{4}$/);
    expect(d.caseClock!.startedAt).toBe(c.receivedAt);
    // 10 working days from Monday 23 November: 7 December.
    expect(d.caseClock!.dueDate).toBe('2026-12-07');
    expect(d.acceptanceClock!.stopReason).toBe('DEEMED_ACCEPTED');
    expect(d.steps.at(-1)).toMatchObject({ action: 'DEEM_ACCEPTED', resultCode: '4', actorName: admin.me.name });
  });

  it('two clerks accepting the same receipt at once: exactly one wins, the other gets a 409 naming the new state', async () => {
    const c = await submitted();
    const results = await Promise.allSettled([clerk.cases.accept(c.id), clerk2.cases.accept(c.id)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ status: 409, code: ErrorCode.CASE_STATE_IN_REVIEW });
    const d = await clerk.cases.get(c.id);
    expect(d.steps.filter((s) => s.action === 'ACCEPT')).toHaveLength(1);
    expect(d.tasks.filter((x) => x.kind === 'REVIEW')).toHaveLength(1);
  });

  it('容缺受理 needs the applicant’s promise date within the limit; a missed promise is recorded', async () => {
    await travel('2026-11-23T09:00:00');
    const c = await submitted(citizen, { defer: true });
    expect(c.materials.find((m) => m.deferrable)!.status).toBe('DEFERRED');
    await expectApiError(clerk.cases.accept(c.id), 400, ErrorCode.CASE_PROMISE_DATE_INVALID);
    await expectApiError(
      clerk.cases.accept(c.id, { deferredPromiseDate: '2027-03-01' }),
      400,
      ErrorCode.CASE_PROMISE_DATE_INVALID,
    );
    const a = await clerk.cases.accept(c.id, { deferredPromiseDate: '2026-11-27' });
    expect(a).toMatchObject({ state: 'IN_REVIEW', deferredPromiseDate: '2026-11-27', deferredPromiseMissed: false });
    await travel('2026-11-30T09:00:00');
    expect((await admin.supervision.sweep()).promisesMissed).toBeGreaterThanOrEqual(1);
    expect((await clerk.cases.get(c.id)).deferredPromiseMissed).toBe(true);
    const idx = a.materials.find((m) => m.deferrable)!.index;
    await citizen.cases.uploadMaterial(c.id, idx, { bytes: PDF('制度'), mediaType: 'application/pdf' });
    const s = await citizen.cases.supplyDeferred(c.id, { materialIndexes: [idx] });
    expect(s.materials[idx].status).toBe('PROVIDED');
  });

  it('a sweep interrupted between marking a missed promise and carding it loses neither: the next sweep cards it', async () => {
    await travel('2026-11-23T09:00:00');
    const c = await submitted(citizen, { defer: true });
    await clerk.cases.accept(c.id, { deferredPromiseDate: '2026-11-27' });
    await travel('2026-11-30T09:00:00');
    const cards = async () =>
      (
        await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM supervision_card WHERE case_id = $1 AND reason = 'PROMISE_MISSED'`,
          [c.id],
        )
      )[0].n;
    t.running.app.get(Failpoints).arm('sweep.promises-marked');
    await expectApiError(admin.supervision.sweep(), 500, ErrorCode.INTERNAL_ERROR);
    const [interrupted] = await t.sql<{ status: string; error: string; finished: boolean }>(
      `SELECT status, error, finished_at IS NOT NULL AS finished FROM sweep_run ORDER BY started_at DESC LIMIT 1`,
    );
    expect(interrupted).toEqual({ status: 'FAILED', error: 'failpoint sweep.promises-marked', finished: true });
    expect((await clerk.cases.get(c.id)).deferredPromiseMissed).toBe(false);
    expect(await cards()).toBe(0);
    expect((await admin.supervision.sweep()).promisesMissed).toBeGreaterThanOrEqual(1);
    expect((await clerk.cases.get(c.id)).deferredPromiseMissed).toBe(true);
    expect(await cards()).toBe(1);
  });
});

describe('review, special procedure, decision and delivery', () => {
  it('deadlines run across the National Day holiday and an expert review pause, then the decision starts a 10-day delivery clock', async () => {
    await travel('2026-09-24T10:00:00');
    const c = await inReview();
    expect(c.caseNo).toMatch(/^SCJG-20260924-\d{4}$/);
    // From Thursday 24 September, 10 working days skip the Mid-Autumn and National Day holidays and count Saturday 10 October.
    expect(c.caseClock).toMatchObject({ state: 'RUNNING', dueDate: '2026-10-15' });
    const accepted = await pdfText(
      (await citizen.cases.notice(c.id, c.notices.find((n) => n.kind === 'ACCEPTANCE_NOTICE')!.id)).bytes,
    );
    expect(accepted).toContain(c.caseNo!);
    expect(accepted).toContain('2026-10-15 24:00');

    await travel('2026-09-29T10:00:00');
    await expectApiError(
      clerk.cases.suspend(c.id, { kind: 'EXPERT_REVIEW', expectedDays: 5, notice: '组织专家评审' }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    const s = await approver.cases.suspend(c.id, {
      kind: 'EXPERT_REVIEW',
      expectedDays: 5,
      notice: '需组织专家对经营场所布局进行评审',
    });
    expect(s.state).toBe('SUSPENDED');
    expect(s.caseClock!.state).toBe('PAUSED');
    expect(s.steps.at(-1)).toMatchObject({ action: 'SUSPEND', resultCode: '6' });
    const remaining = s.caseClock!.pauses.at(-1)!.remainingAtPause;

    await travel('2026-10-12T09:00:00');
    const r = await approver.cases.resume(c.id);
    expect(r.state).toBe('IN_REVIEW');
    expect(r.caseClock!.state).toBe('RUNNING');
    expect(r.caseClock!.dueDate > '2026-10-15').toBe(true);
    expect(remaining).toBe(8); // 28 and 29 September... used: 28th only counts before the pause day ends; 10 − 2 = 8
    expect(r.caseClock!.dueDate).toBe('2026-10-22');

    await expectApiError(
      approver.cases.decide(c.id, { approve: true, reason: '符合条件' }),
      409,
      ErrorCode.CASE_REVIEW_PENDING,
    );
    await clerk.cases.review(c.id, { agree: true, opinion: '材料齐全，现场核查符合要求' });
    await expectApiError(
      approver.cases.decide(c.id, { approve: false, reason: '不符合' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await travel('2026-10-14T16:00:00');
    const d = await approver.cases.decide(c.id, { approve: true, reason: '经审查，符合食品经营许可条件，准予许可' });
    expect(d).toMatchObject({ state: 'APPROVED', decision: { approved: true } });
    expect(d.caseClock!.state).toBe('STOPPED');
    // Art. 44: 10 working days from Wednesday 14 October.
    expect(d.deliveryClock).toMatchObject({ state: 'RUNNING', dueDate: '2026-10-28' });

    await expectApiError(clerk.cases.deliver(c.id, { method: 'MAIL' }), 400, ErrorCode.VALIDATION_FAILED);
    const done = await clerk.cases.deliver(c.id, {
      method: 'MAIL',
      carrier: 'EMS',
      trackingNo: 'EA123456789CN',
      certificateNo: 'JY13301020012345',
    });
    expect(done).toMatchObject({
      state: 'COMPLETED',
      completionCode: '0',
      delivery: { method: 'MAIL', certificateNo: 'JY13301020012345' },
    });
    expect(done.deliveryClock!.state).toBe('STOPPED');
    expect(done.notices.map((n) => n.kind)).toEqual([
      'RECEIPT_VOUCHER',
      'ACCEPTANCE_NOTICE',
      'SPECIAL_PROCEDURE_NOTICE',
      'DECISION',
      'DELIVERY_RECEIPT',
    ]);
    expect(done.steps.map((x) => x.action)).toEqual([
      'SAVE_DRAFT',
      'SUBMIT',
      'ACCEPT',
      'SUSPEND',
      'RESUME',
      'REVIEW',
      'DECIDE',
      'DELIVER',
    ]);
  });

  it('an extension is requested, approved by the department lead within the statutory cap, and told to the applicant', async () => {
    await travel('2026-11-23T10:00:00');
    const c = await inReview();
    const before = c.caseClock!.dueDate;
    await approver.cases.requestExtension(c.id, { days: 5, reason: '需要现场核查' });
    await expectApiError(
      approver.cases.requestExtension(c.id, { days: 3, reason: '再次申请' }),
      409,
      ErrorCode.CASE_EXTENSION_PENDING,
    );
    await expectApiError(approver.cases.decideExtension(c.id, true), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    const e = await lead.cases.decideExtension(c.id, true);
    expect(e.caseClock!.extensionDays).toBe(5);
    expect(e.caseClock!.dueDate > before).toBe(true);
    expect(e.notices.at(-1)!.kind).toBe('EXTENSION_NOTICE');
    // Over the cap (5 taken, 10 at most): refused when asked, nothing waits for the lead.
    await expectApiError(
      approver.cases.requestExtension(c.id, { days: 6, reason: '超过上限' }),
      400,
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
    );
    expect((await approver.cases.get(c.id)).pendingExtension).toBeNull();
  });

  it('AB-post: a review task of an away clerk is done by their backup, and the record says for whom', async () => {
    const c = await inReview();
    expect(c.tasks.find((x) => x.kind === 'REVIEW')).toMatchObject({ state: 'OPEN', assigneeName: clerk.me.name });
    await expectApiError(
      clerk2.cases.review(c.id, { agree: true, opinion: '代办' }),
      403,
      ErrorCode.CASE_TASK_NOT_YOURS,
    );
    await lead.org.setStaffAway(clerk.me.id, true);
    try {
      const r = await clerk2.cases.review(c.id, { agree: true, opinion: 'A 角请假，B 角审查' });
      expect(r.steps.at(-1)).toMatchObject({
        action: 'REVIEW',
        actorName: clerk2.me.name,
        actingForName: clerk.me.name,
      });
      expect(r.tasks.find((x) => x.kind === 'REVIEW')).toMatchObject({
        state: 'DONE',
        completedByName: clerk2.me.name,
        actingForName: clerk.me.name,
      });
    } finally {
      await lead.org.setStaffAway(clerk.me.id, false);
    }
  });
});

describe('at the window', () => {
  it('a walk-in 即办件 is received and completed in one step', async () => {
    const mats = (await t.client().guides.get(SOLE_TRADER)).content.materials;
    const c = await clerk.cases.walkIn({
      matterCode: SOLE_TRADER,
      applicant: { ...applicant, name: '赵个体' },
      materials: mats.map((_, i) => ({ index: i, status: i === 1 ? 'ORIGINAL_SEEN' : 'COPY_KEPT' })),
    });
    expect(c).toMatchObject({ state: 'SUBMITTED', channel: 'WINDOW' });
    const done = await clerk.cases.accept(c.id);
    expect(done).toMatchObject({
      state: 'COMPLETED',
      completionCode: '6',
      caseClock: null,
      decision: { approved: true },
    });
    expect(done.caseNo).toMatch(/^SCJG-\d{8}-\d{4}$/);
    expect(done.steps.map((s) => s.action)).toEqual(['SUBMIT', 'ACCEPT']);
    expect(done.acceptanceClock!.state).toBe('STOPPED');
  });

  it('an applicant’s identity number is checked by kind on a walk-in: a person’s ID card, an organisation’s credit code', async () => {
    const mats = (await t.client().guides.get(FOOD)).content.materials;
    const walkIn = (a: Partial<CaseApplicantInput>) =>
      clerk.cases.walkIn({
        matterCode: FOOD,
        applicant: { ...applicant, ...a },
        materials: mats.map((_, i) => ({ index: i, status: 'ORIGINAL_SEEN' as const })),
      });
    for (const idNumber of ['hello', '', '123456', ID('33010219900307151').slice(0, 17) + 'Y'])
      expect((await expectApiError(walkIn({ idNumber }), 400, ErrorCode.VALIDATION_FAILED)).fieldErrors).toHaveProperty(
        ['applicant.idNumber'],
      );
    // An organisation holds a credit code, not a resident ID; a person's name may not be blank.
    await expectApiError(walkIn({ kind: 'ORGANIZATION', name: '示范公司' }), 400, ErrorCode.VALIDATION_FAILED);
    await expectApiError(walkIn({ name: '   ' }), 400, ErrorCode.VALIDATION_FAILED);
    const org = await walkIn({
      kind: 'ORGANIZATION',
      name: '示范餐饮有限公司',
      idNumber: '91330100MA2B3C4D5' + creditCodeCheckChar('91330100MA2B3C4D5'),
    });
    expect(org.state).toBe('SUBMITTED');
  });

  it('a clerk of another department is refused a walk-in before anything is written', async () => {
    const tables = ['service_case', 'case_material', 'case_step', 'clock'];
    const counts = async () => {
      // Audit entries move from audit_pending into the chain as they are sealed: count both together.
      const [r] = await t.dataSource.query(
        `SELECT ${tables.map((x) => `(SELECT count(*) FROM ${x})::int AS ${x}`).join(', ')},
                ((SELECT count(*) FROM audit_entry) + (SELECT count(*) FROM audit_pending))::int AS audit,
                (SELECT coalesce(sum(value), 0) FROM case_sequence)::int AS numbers_taken`,
      );
      return r as Record<string, number>;
    };
    const before = await counts();
    const mats = (await t.client().guides.get(FOOD)).content.materials;
    const walkIn = () =>
      zjjClerk.cases.walkIn({
        matterCode: FOOD,
        applicant,
        materials: mats.map((_, i) => ({ index: i, status: 'ORIGINAL_SEEN' as const })),
      });
    await expectApiError(walkIn(), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    await expectApiError(walkIn(), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    expect(await counts()).toEqual(before);
  });

  it('a clerk of another department cannot decide or read; an applicant sees only their own cases', async () => {
    const c = await submitted();
    await expectApiError(zjjClerk.cases.accept(c.id), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    await expectApiError(zjjClerk.cases.get(c.id), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    await expectApiError(other.cases.get(c.id), 404, ErrorCode.CASE_NOT_FOUND);
    await expectApiError(other.cases.withdraw(c.id, { reason: '不是我的' }), 404, ErrorCode.CASE_NOT_FOUND);
    expect((await zjjClerk.cases.queue({ queue: 'TO_ACCEPT' })).items.some((x) => x.id === c.id)).toBe(false);
    expect((await clerk.cases.queue({ queue: 'TO_ACCEPT' })).items.some((x) => x.id === c.id)).toBe(true);
    expect((await admin.cases.queue({ queue: 'TO_ACCEPT' })).items.some((x) => x.id === c.id)).toBe(true);
  });

  it('the work queue is sorted by time left and coloured by clock state, with counts', async () => {
    await travel('2026-12-07T09:00:00');
    const older = await submitted();
    await travel('2026-12-09T09:00:00');
    const newer = await submitted();
    // The older one was due at the end of Monday 14 December; the newer one is due at the end of the 16th, its last day.
    await travel('2026-12-16T10:00:00');
    const q = await clerk.cases.queue({ queue: 'TO_ACCEPT', pageSize: 100 });
    const ids = q.items.map((x) => x.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(q.items.find((x) => x.id === older.id)!.standing).toBe('OVERDUE');
    expect(q.items.find((x) => x.id === newer.id)!.standing).toBe('WARNING');
    const counts = await clerk.cases.counts();
    const toAccept = counts.find((x) => x.queue === 'TO_ACCEPT')!;
    expect(toAccept.total).toBe(q.total);
    expect(toAccept.overdue).toBeGreaterThanOrEqual(1);
    expect(toAccept.warning).toBeGreaterThanOrEqual(1);
    // A search over all the department's cases: by matter name, state and the days they were received.
    const found = await clerk.cases.queue({ q: '食品经营', state: 'SUBMITTED', from: '2026-12-09', to: '2026-12-09' });
    expect(found.items.map((x) => x.id)).toEqual([newer.id]);
    const both = await clerk.cases.queue({ state: 'SUBMITTED', from: '2026-12-07', to: '2026-12-09', pageSize: 100 });
    expect(both.items.map((x) => x.id)).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect((await clerk.cases.queue({ state: 'COMPLETED', from: '2026-12-07', to: '2026-12-09' })).items).toEqual([]);
    await expectApiError(clerk.cases.queue({ from: '2026-02-30' }), 400, ErrorCode.VALIDATION_FAILED);
  });
});

describe('withdrawal and the public progress query', () => {
  it('the applicant withdraws an open case; the record stays', async () => {
    const c = await inReview();
    const w = await citizen.cases.withdraw(c.id, { reason: '不再经营' });
    expect(w).toMatchObject({ state: 'WITHDRAWN', completionCode: '2', allowedActions: [] });
    expect(w.caseClock!.state).toBe('STOPPED');
    expect(w.tasks.every((x) => x.state === 'CANCELLED' || x.state === 'DONE')).toBe(true);
    expect(w.steps.at(-1)).toMatchObject({ action: 'WITHDRAW', actorName: '王小明', opinion: '不再经营' });
    await expect(t.sql('DELETE FROM case_step WHERE case_id = $1', [c.id])).rejects.toThrow(/append-only/);
  });

  it('anyone with the number and query code sees the timeline and notices, with personal data masked; a wrong code finds nothing', async () => {
    const c = await inReview();
    const anon = t.client();
    const p = await anon.progress.get(c.caseNo!, c.queryCode!);
    expect(p).toMatchObject({
      caseNo: c.caseNo,
      matterName: '食品经营许可',
      applicantName: '王*明',
      state: 'IN_REVIEW',
      stateLabel: '审查中',
      dueLabel: '办理时限',
      dueSubject: 'CASE',
      duePaused: false,
    });
    expect(p.steps.map((s) => s.label)).toEqual(['提交申请', '受理']);
    // The codes beside the words, for a page in another language.
    expect(p.steps.map((s) => [s.action, s.resultCode])).toEqual([
      ['SUBMIT', null],
      ['ACCEPT', '4'],
    ]);
    expect(p.notices.map((n) => n.kind)).toEqual(['RECEIPT_VOUCHER', 'ACCEPTANCE_NOTICE']);
    expect(p.steps[1].result).toBe('受理');
    const body = JSON.stringify(p);
    expect(body).not.toContain(applicant.idNumber);
    expect(body).not.toContain('13912345678');
    expect(body).not.toContain('王小明');
    expect((await anon.progress.get(c.receiptNo!, c.queryCode!.toLowerCase())).caseNo).toBe(c.caseNo);
    await expectApiError(anon.progress.get(c.caseNo!, 'AAAAAA'), 404, ErrorCode.CASE_NOT_FOUND);
    const file = await anon.progress.notice(c.caseNo!, c.queryCode!, p.notices[1].id);
    expect(await pdfText(file.bytes)).toContain('受理通知书');
    await expectApiError(anon.progress.notice(c.caseNo!, 'AAAAAA', p.notices[1].id), 404);
  });
});

describe('the state machine', () => {
  /** Calls the endpoint of an action with a valid body, as a role allowed to take it. */
  const act: Partial<Record<CaseAction, (id: string) => Promise<unknown>>> = {
    ACCEPT: (id) => clerk.cases.accept(id),
    REJECT: (id) => clerk.cases.reject(id, { reason: '理由', legalBasis: '依据' }),
    REQUEST_SUPPLEMENT: (id) => clerk.cases.supplement(id, { items: [{ materialIndex: 0, text: '补正' }] }),
    SUPPLY: (id) => clerk.cases.supply(id, { materialIndexes: [0] }),
    CLOSE_UNSUPPLIED: (id) => clerk.cases.closeUnsupplied(id, { reason: '逾期未补正' }),
    REVIEW: (id) => clerk.cases.review(id, { agree: true, opinion: '同意' }),
    SUSPEND: (id) => approver.cases.suspend(id, { kind: 'TESTING', expectedDays: 3, notice: '检测' }),
    RESUME: (id) => approver.cases.resume(id),
    EXTEND: (id) => approver.cases.requestExtension(id, { days: 2, reason: '延期' }),
    DECIDE: (id) => approver.cases.decide(id, { approve: true, reason: '准予' }),
    DELIVER: (id) => clerk.cases.deliver(id, { method: 'PICKUP' }),
    WITHDRAW: (id) => clerk.cases.withdraw(id, { reason: '申请人书面撤回' }),
  };

  it('every state refuses every action it does not allow with a 409 naming the state', async () => {
    const withState: Partial<Record<CaseState, CaseDto>> = {};
    withState.SUBMITTED = await submitted();
    withState.SUPPLEMENT_REQUIRED = await clerk.cases.supplement((await submitted()).id, {
      items: [{ materialIndex: 0, text: '补正' }],
    });
    withState.IN_REVIEW = await inReview();
    withState.SUSPENDED = await approver.cases.suspend((await inReview()).id, {
      kind: 'TESTING',
      expectedDays: 3,
      notice: '检测',
    });
    const decided = await inReview();
    await clerk.cases.review(decided.id, { agree: false, opinion: '不符合' });
    withState.DENIED = await approver.cases.decide(decided.id, {
      approve: false,
      reason: '不符合条件',
      legalBasis: '《食品经营许可和备案管理办法》',
    });
    const approved = await inReview();
    await clerk.cases.review(approved.id, { agree: true, opinion: '同意' });
    withState.APPROVED = await approver.cases.decide(approved.id, { approve: true, reason: '准予' });
    withState.COMPLETED = await clerk.cases.deliver(
      (
        await approver.cases.decide(
          (await clerk.cases.review((await inReview()).id, { agree: true, opinion: '同意' })).id,
          { approve: true, reason: '准予' },
        )
      ).id,
      { method: 'PICKUP' },
    );
    withState.REJECTED = await clerk.cases.reject((await submitted()).id, { reason: '理由', legalBasis: '依据' });
    withState.WITHDRAWN = await citizen.cases.withdraw((await submitted()).id, { reason: '撤回' });

    let refused = 0;
    for (const [state, c] of Object.entries(withState) as [CaseState, CaseDto][]) {
      expect(c.state).toBe(state);
      for (const [action, call] of Object.entries(act) as [CaseAction, (id: string) => Promise<unknown>][]) {
        if (CASE_TRANSITIONS[state].includes(action)) continue;
        const err = await expectApiError(call(c.id), 409);
        expect(err.code, `${state} × ${action}`).toBe(`CASE_STATE_${state}`);
        refused++;
      }
      expect((await clerk.cases.get(c.id)).state, `${state} unchanged`).toBe(state);
    }
    expect(refused).toBe(91); // 9 states × 12 actions, less the 17 each state allows
  });
});
