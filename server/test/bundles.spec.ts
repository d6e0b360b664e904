import { ApiClient, type BundleDto, ErrorCode, type Principal, type PublicLifeEventDto } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// 一件事一次办 on the demo's 开办餐馆: 食品经营许可 (市场监管), 公共场所卫生许可 (卫健) and 设置大型户外广告许可 (城管),
// all three asking for the 营业执照 (material key BUSINESS_LICENCE). From Mon 2 November 2026.

let t: TestApp;
type Client = ApiClient & { me: Principal };
const LOGINS = [
  '13800000002',
  'zwb.clerk',
  'scjg.clerk',
  'scjg.approver',
  'wjw.clerk',
  'wjw.approver',
  'cgj.clerk',
  'cgj.approver',
  'admin',
] as const;
let as: Record<(typeof LOGINS)[number], Client>;
let restaurant: PublicLifeEventDto;
const PDF = (label: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`));
const at = (local: string) => new Date(`${local}+08:00`);
const company = {
  kind: 'ORGANIZATION' as const,
  name: '示范餐饮有限公司',
  idNumber: demoCreditCode(5002, '91'),
  contactName: '李经办',
  phone: '13800000002',
};

async function travel(local: string) {
  t.clock.set(at(local));
  const clients = await Promise.all(LOGINS.map((l) => t.loginAs(l)));
  as = Object.fromEntries(LOGINS.map((l, i) => [l, clients[i]])) as typeof as;
}
const licenceItem = (b: { items: BundleDto['items'] }) => b.items.find((i) => i.key === 'BUSINESS_LICENCE')!;

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-11-02T09:00:00');
  restaurant = (await t.client().lifeEvents.published()).find((e) => e.name === '开办餐馆')!;
});
afterAll(() => t?.close());

describe('a life event in the catalog', () => {
  it('lists its matters and asks a document they share once', async () => {
    expect(restaurant.matters.map((m) => m.name)).toEqual(['食品经营许可', '公共场所卫生许可', '设置大型户外广告许可']);
    const licence = restaurant.materials.filter((m) => m.name === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0].parts.map((p) => p.matterCode)).toEqual(restaurant.matters.map((m) => m.code));
    const asked = restaurant.matters.length;
    expect(restaurant.materialsSaved).toBe(asked - 1);
    expect(restaurant.longestLimit).toEqual({ value: 10, unit: 'WORKING_DAY' });
    expect(await t.client().lifeEvents.guide(restaurant.code)).toEqual(restaurant);
    await expectApiError(t.client().lifeEvents.guide('YJS9999'), 404, ErrorCode.LIFE_EVENT_NOT_FOUND);
  });

  it('is kept by CENTER_ADMIN: published only with two or more published matters, none 即办, audited', async () => {
    await expectApiError(
      as['scjg.clerk'].lifeEvents.create({
        content: { name: 'x', description: 'x', audience: 'BOTH', matterCodes: [] },
      }),
      403,
      ErrorCode.AUTH_FORBIDDEN_ROLE,
    );
    const [food, hygiene] = restaurant.matters;
    const [{ code: immediate }] = await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id
        WHERE v.status = 'PUBLISHED' AND v.content->>'handlingKind' = 'IMMEDIATE' LIMIT 1`,
    );
    const draft = await as.admin.lifeEvents.create({
      content: { name: '  开小吃店 ', description: '小吃店', audience: 'BOTH', matterCodes: [food.code, immediate] },
    });
    expect(draft).toMatchObject({ status: 'DRAFT', content: { name: '开小吃店' } });
    expect(draft.code).toMatch(/^YJS\d{4}$/);
    const refused = await expectApiError(
      as.admin.lifeEvents.publish(draft.id),
      400,
      ErrorCode.LIFE_EVENT_NOT_PUBLISHABLE,
    );
    // The 即办件 has no place in it (and, not online, would split the one form).
    expect(refused.fieldErrors['matterCodes.1']).toEqual([expect.stringContaining('即办件')]);
    const preview = await as.admin.lifeEvents.preview(draft.id);
    expect(preview.fields['matterCodes.1']).toBeTruthy();
    const fixed = await as.admin.lifeEvents.save(draft.id, {
      content: { ...draft.content, matterCodes: [food.code, hygiene.code] },
    });
    const published = await as.admin.lifeEvents.publish(fixed.id);
    expect(published.status).toBe('PUBLISHED');
    expect((await t.client().lifeEvents.published()).map((e) => e.name)).toContain('开小吃店');
    // Published, it must stay publishable.
    await expectApiError(
      as.admin.lifeEvents.save(draft.id, { content: { ...draft.content, matterCodes: [food.code] } }),
      400,
      ErrorCode.LIFE_EVENT_NOT_PUBLISHABLE,
    );
    await as.admin.lifeEvents.withdraw(draft.id);
    expect((await t.client().lifeEvents.published()).map((e) => e.name)).not.toContain('开小吃店');
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE target_type = 'life_event' AND target_id = $1`,
      [draft.id],
    );
    expect(n).toBe(4);
  });
});

describe('an online bundle', () => {
  let b: BundleDto;

  it('opens one draft per matter with one combined form; a shared document is uploaded once for all', async () => {
    const applicant = as['13800000002'];
    // The catalog index is read again after a second: starting must read it before its transaction (PGlite has
    // one connection, and a read beside a running transaction would wait for ever).
    await new Promise((r) => setTimeout(r, 1100));
    b = await applicant.bundles.start(restaurant.code);
    expect(b).toMatchObject({ state: 'DRAFT', bundleNo: null, name: '开办餐馆' });
    expect(b.parts.map((p) => [p.matterName, p.departmentName, p.state])).toEqual([
      ['食品经营许可', '市市场监督管理局', 'DRAFT'],
      ['公共场所卫生许可', '市卫生健康委员会', 'DRAFT'],
      ['设置大型户外广告许可', '市城市管理局', 'DRAFT'],
    ]);
    expect(b.items).toHaveLength(restaurant.materials.length);
    await applicant.bundles.saveDraft(b.id, { applicant: company, materials: [] });
    // 容缺 ticked and unticked again: the item is missing again, not left deferred.
    const deferrable = b.items.find((i) => i.deferrable)!;
    b = await applicant.bundles.saveDraft(b.id, {
      applicant: company,
      materials: [{ index: deferrable.index, status: 'DEFERRED' }],
    });
    expect(b.items[deferrable.index].status).toBe('DEFERRED');
    const notDeferrable = b.items.find((i) => !i.deferrable)!;
    await expectApiError(
      applicant.bundles.saveDraft(b.id, {
        applicant: company,
        materials: [{ index: notDeferrable.index, status: 'DEFERRED' }],
      }),
      400,
      ErrorCode.CASE_NOT_DEFERRABLE,
    );
    b = await applicant.bundles.saveDraft(b.id, {
      applicant: company,
      materials: b.items.map((i) => ({ index: i.index, status: 'PROVIDED' as const })),
    });
    expect(b.items[deferrable.index].status).toBe('MISSING');
    // Sending before the documents are in names every missing one, the shared licence once.
    const missing = await expectApiError(applicant.bundles.submit(b.id), 400, ErrorCode.CASE_MATERIALS_INCOMPLETE);
    expect(missing.message.match(/营业执照/g)).toHaveLength(1);

    await applicant.bundles.uploadMaterial(b.id, licenceItem(b).index, {
      bytes: PDF('营业执照'),
      mediaType: 'application/pdf',
      fileName: '营业执照.pdf',
    });
    const [{ files, cases }] = await t.sql<{ files: number; cases: number }>(
      `SELECT count(DISTINCT cm.file_id)::int AS files, count(DISTINCT cm.case_id)::int AS cases
         FROM case_material cm JOIN service_case sc ON sc.id = cm.case_id
        WHERE sc.bundle_id = $1 AND cm.name = '营业执照' AND cm.status = 'PROVIDED'`,
      [b.id],
    );
    expect({ files, cases }).toEqual({ files: 1, cases: 3 });
    b = await applicant.bundles.get(b.id);
    for (const item of b.items.filter((i) => i.required && i.status === 'MISSING'))
      await applicant.bundles.uploadMaterial(b.id, item.index, {
        bytes: PDF(item.name),
        mediaType: 'application/pdf',
        fileName: `${item.name}.pdf`,
      });
    b = await applicant.bundles.submit(b.id);
    expect(b.state).toBe('RECEIVED');
    expect(b.bundleNo).toMatch(/^YJ20261102\d{5}$/);
    expect(b.parts.every((p) => p.state === 'SUBMITTED' && /^SJ/.test(p.receiptNo!))).toBe(true);
    // One query code for the applicant: every part shares the bundle's.
    const codes = await t.sql<{ query_code: string }>(
      `SELECT DISTINCT query_code FROM service_case WHERE bundle_id = $1`,
      [b.id],
    );
    expect(codes.map((x) => x.query_code)).toEqual([b.queryCode]);
    expect(b.notices.filter((n) => n.title === '收件回执')).toHaveLength(3);
  });

  it('is accepted in one go by a comprehensive window, each part numbered by its own department, with its clocks', async () => {
    await expectApiError(as['scjg.clerk'].bundles.accept(b.id, {}), 403, ErrorCode.BUNDLE_NOT_COMPREHENSIVE_WINDOW);
    const before = await as['zwb.clerk'].bundles.get(b.id);
    expect(before.canAccept).toBe(true);
    b = await as['zwb.clerk'].bundles.accept(b.id, { opinion: '材料齐全，综合受理' });
    expect(b.state).toBe('IN_PROGRESS');
    expect(b.parts.map((p) => [p.state, p.caseNo?.split('-')[0], p.standing])).toEqual([
      ['IN_REVIEW', 'SCJG', 'NORMAL'],
      ['IN_REVIEW', 'WJW', 'NORMAL'],
      ['IN_REVIEW', 'CGJ', 'NORMAL'],
    ]);
    // Each part is now its department's case, in its queue, the review waiting for the department's staff.
    const food = await as['scjg.clerk'].cases.get(b.parts[0].caseId);
    expect(food.bundle).toEqual({ id: b.id, bundleNo: b.bundleNo, name: '开办餐馆' });
    expect(food.caseClock).toMatchObject({ state: 'RUNNING', limit: { value: 10 } });
    expect(food.tasks.find((x) => x.kind === 'REVIEW')).toMatchObject({ state: 'OPEN', assigneeId: null });
    await expectApiError(as['scjg.clerk'].cases.get(b.parts[1].caseId), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    await expectApiError(as['zwb.clerk'].bundles.accept(b.id, {}), 409, ErrorCode.BUNDLE_STATE);
  });

  it('is followed by the applicant as one thing with each department’s part, and publicly by number and code', async () => {
    const mine = await as['13800000002'].bundles.mine();
    expect(mine.find((x) => x.id === b.id)).toMatchObject({ state: 'IN_PROGRESS', parts: 3, done: 0 });
    const progress = await t.client().bundles.progress(b.bundleNo!, b.queryCode!);
    expect(progress).toMatchObject({
      name: '开办餐馆',
      stateLabel: '办理中',
      applicantName: expect.stringContaining('*'),
    });
    expect(progress.parts.map((p) => [p.departmentName, p.stateLabel])).toEqual([
      ['市市场监督管理局', '审查中'],
      ['市卫生健康委员会', '审查中'],
      ['市城市管理局', '审查中'],
    ]);
    await expectApiError(t.client().bundles.progress(b.bundleNo!, 'XXXXXX'), 404, ErrorCode.CASE_NOT_FOUND);
  });

  it('is delivered once, together, when every part is decided', async () => {
    await expectApiError(
      as['zwb.clerk'].bundles.deliver(b.id, { method: 'PICKUP' }),
      409,
      ErrorCode.BUNDLE_NOT_DECIDED,
    );
    const depts = [
      ['scjg.clerk', 'scjg.approver'],
      ['wjw.clerk', 'wjw.approver'],
      ['cgj.clerk', 'cgj.approver'],
    ] as const;
    for (const [i, [clerk, approver]] of depts.entries()) {
      await as[clerk].cases.review(b.parts[i].caseId, { agree: true, opinion: '符合条件' });
      await as[approver].cases.decide(b.parts[i].caseId, { approve: true, reason: '准予许可' });
    }
    b = await as['zwb.clerk'].bundles.get(b.id);
    expect(b).toMatchObject({ state: 'TO_DELIVER', canDeliver: true });
    b = await as['zwb.clerk'].bundles.deliver(b.id, {
      method: 'PICKUP',
      certificates: [{ caseId: b.parts[0].caseId, certificateNo: 'JY13301020000001' }],
    });
    expect(b.state).toBe('CLOSED');
    expect(b.parts.map((p) => [p.state, p.certificateNo])).toEqual([
      ['COMPLETED', 'JY13301020000001'],
      ['COMPLETED', null],
      ['COMPLETED', null],
    ]);
    // One delivery: the three in one transaction, a moment apart.
    const times = b.parts.map((p) => new Date(p.deliveredAt!).getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1000);
    const mine = await as['13800000002'].bundles.mine();
    expect(mine.find((x) => x.id === b.id)).toMatchObject({ state: 'CLOSED', done: 3 });
  });
});

describe('a walk-in bundle at the comprehensive window', () => {
  it('is received with a checklist by item; accepting it is all or nothing', async () => {
    await expectApiError(
      as['scjg.clerk'].bundles.walkIn({ lifeEventCode: restaurant.code, applicant: company, materials: [] }),
      403,
      ErrorCode.BUNDLE_NOT_COMPREHENSIVE_WINDOW,
    );
    const licence = restaurant.materials.find((m) => m.key === 'BUSINESS_LICENCE')!;
    const others = restaurant.materials.filter((m) => m !== licence);
    let b = await as['zwb.clerk'].bundles.walkIn({
      lifeEventCode: restaurant.code,
      applicant: company,
      materials: [
        { index: licence.index, status: 'COPY_KEPT' },
        // The hygiene application form is missing; everything else was seen.
        ...others.map(
          (m) =>
            ({ index: m.index, status: m.name === '公共场所卫生许可申请表' ? 'MISSING' : 'ORIGINAL_SEEN' }) as const,
        ),
      ],
    });
    expect(b.state).toBe('RECEIVED');
    expect(b.channel).toBe('WINDOW');
    const refused = await expectApiError(
      as['zwb.clerk'].bundles.accept(b.id, {}),
      400,
      ErrorCode.CASE_MATERIALS_INCOMPLETE,
    );
    expect(refused.message).toContain('公共场所卫生许可申请表');
    b = await as['zwb.clerk'].bundles.get(b.id);
    expect(b.parts.map((p) => p.state)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM service_case WHERE bundle_id = $1 AND case_no IS NOT NULL`,
      [b.id],
    );
    expect(n).toBe(0);
  });
});
