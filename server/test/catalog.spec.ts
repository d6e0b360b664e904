import { type ApiClient, checkMatterContent, ErrorCode, type MatterContent, type Principal } from '@onewindow/shared';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './helpers/pdf-text.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: ApiClient & { me: Principal };
let lead: ApiClient & { me: Principal };
let scjg: string;
let zjj: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs('admin');
  lead = await t.loginAs('scjg.lead');
  const depts = await t.client().org.listDepartments();
  scjg = depts.find((d) => d.code === 'SCJG')!.id;
  zjj = depts.find((d) => d.code === 'ZJJ')!.id;
});
afterAll(() => t?.close());

const content = (patch: Partial<MatterContent> = {}): MatterContent => ({
  name: '测试许可事项',
  matterType: 'ADMINISTRATIVE_LICENSE',
  departmentId: scjg,
  windowId: null,
  audience: 'BOTH',
  themes: [],
  lifeEvents: [],
  keywords: [],
  description: '测试用事项',
  legalBasis: '《测试条例》第一条',
  acceptanceConditions: '符合条件',
  materials: [{ name: '申请书', form: 'ORIGINAL', copies: 1, required: true, deferrable: false }],
  procedure: ['申请', '受理', '决定'],
  statutoryLimit: { value: 20, unit: 'WORKING_DAY' },
  promisedLimit: { value: 10, unit: 'WORKING_DAY' },
  handlingKind: 'PROMISED',
  coDepartments: [],
  feeItemCodes: [],
  visitsOnSite: 0,
  specialProcedures: [],
  onlineAvailable: true,
  contactPhone: '0571-12345678',
  complaintPhone: '12345',
  ...patch,
});

async function published(c: MatterContent) {
  const draft = await admin.catalog.create({ content: c });
  return admin.catalog.publish(draft.id);
}

describe('demo catalog', () => {
  it('every demo matter is published and passes the publishing rules', async () => {
    const all = await t.client().guides.search({ pageSize: 200 });
    expect(all.total).toBeGreaterThanOrEqual(60);
    expect(new Set(all.items.map((h) => h.handlingKind))).toEqual(
      new Set(['IMMEDIATE', 'PROMISED', 'JOINT', 'REPORT_UP']),
    );
    expect(all.items.filter((h) => h.handlingKind === 'JOINT').length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.items.map((h) => h.departmentId)).size).toBeGreaterThanOrEqual(13);
    const fees = (await t.client().fees.items()).map((f) => ({
      code: f.code,
      legalBasis: f.legalBasis,
      active: f.active,
    }));
    for (const hit of all.items) {
      const g = await t.client().guides.get(hit.code);
      expect(checkMatterContent(g.content, fees), g.content.name).toEqual({});
      expect(hit.code).toMatch(/^(XK|QR|JF|QT|GG)\d{8}$/);
    }
  });
});

describe('search', () => {
  it('finds 食品经营许可 by pinyin initials and highlights the name', async () => {
    const r = await t.client().guides.search({ q: 'spjy' });
    expect(r.items[0]).toMatchObject({ name: '食品经营许可', matchedIn: 'pinyin', highlights: [[0, 4]] });
  });

  it('ranks a name match before a keyword match before a description match', async () => {
    await published(content({ name: '甲乙丙描述事项', description: '与丁戊己有关的说明' }));
    await published(content({ name: '甲乙丙关键词事项', keywords: ['丁戊己'] }));
    await published(content({ name: '丁戊己名称许可' }));
    const r = await t.client().guides.search({ q: '丁戊己' });
    expect(r.items.map((i) => [i.name, i.matchedIn])).toEqual([
      ['丁戊己名称许可', 'name'],
      ['甲乙丙关键词事项', 'keyword'],
      ['甲乙丙描述事项', 'description'],
    ]);
    expect(r.items[0].highlights).toEqual([[0, 3]]);
  });

  it('a remembered search sees a version published after it', async () => {
    expect((await t.client().guides.search({ q: '缓存测试' })).total).toBe(0);
    await published(content({ name: '缓存测试事项' }));
    expect((await t.client().guides.search({ q: '缓存测试' })).items.map((i) => i.name)).toEqual(['缓存测试事项']);
  });

  it('counts each department’s published matters, so browsing by department lists only those that lead some', async () => {
    const counts = await t.client().guides.departments();
    const depts = await t.client().org.listDepartments();
    const byCode = (code: string) => counts.find((c) => c.departmentId === depts.find((d) => d.code === code)!.id);
    expect(byCode('SCJG')?.matters).toBeGreaterThan(0);
    // 监察室 and 政务办 lead no matter: they are not offered for browsing.
    expect(byCode('JCS')).toBeUndefined();
    expect(byCode('ZWB')).toBeUndefined();
    const total = (await t.client().guides.search({ pageSize: 1 })).total;
    expect(counts.reduce((n, c) => n + c.matters, 0)).toBe(total);
  });

  it('filters by department, audience and theme; an empty query browses', async () => {
    const byDept = await t.client().guides.search({ department: 'SCJG', pageSize: 100 });
    expect(byDept.items.length).toBeGreaterThan(2);
    expect(byDept.items.every((i) => i.departmentId === scjg)).toBe(true);
    const citizens = await t.client().guides.search({ audience: 'CITIZEN', pageSize: 100 });
    expect(citizens.items.every((i) => i.audience === 'CITIZEN' || i.audience === 'BOTH')).toBe(true);
    expect(citizens.items.some((i) => i.name === '内地居民婚姻登记')).toBe(true);
    const startBusiness = await t.client().guides.search({ theme: '开办企业', pageSize: 100 });
    expect(startBusiness.items.map((i) => i.name)).toContain('食品经营许可');
    expect((await t.client().guides.search({ q: '不存在的事项名称xyz' })).total).toBe(0);
    expect((await t.client().guides.search({ department: 'NOPE' })).total).toBe(0);
  });
});

describe('versions', () => {
  it('draft → publish → clone → publish v2; the old version is superseded, immutable, and still readable', async () => {
    const v1 = await published(content({ name: '版本测试事项' }));
    expect(v1).toMatchObject({ versionNo: 1, status: 'PUBLISHED' });
    await expectApiError(
      admin.catalog.saveDraft(v1.id, content({ name: '偷偷修改' })),
      409,
      ErrorCode.MATTER_VERSION_IMMUTABLE,
    );
    await expect(
      t.sql(`UPDATE matter_version SET content = jsonb_set(content, '{name}', '"改"') WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/cannot change/);

    const draft = await admin.catalog.cloneToDraft(v1.id);
    expect(draft).toMatchObject({ versionNo: 2, status: 'DRAFT' });
    await expectApiError(admin.catalog.cloneToDraft(v1.id), 409, ErrorCode.MATTER_DRAFT_EXISTS);
    await admin.catalog.saveDraft(draft.id, content({ name: '版本测试事项（2026年修订）' }));
    const v2 = await admin.catalog.publish(draft.id);
    expect(v2.versionNo).toBe(2);
    expect((await t.client().guides.get(v1.code)).content.name).toBe('版本测试事项（2026年修订）');
    expect(await t.client().guides.version(v1.code, 1)).toMatchObject({
      status: 'SUPERSEDED',
      content: { name: '版本测试事项' },
    });
    expect(await t.client().guides.versions(v1.code)).toEqual([
      expect.objectContaining({ versionNo: 2, status: 'PUBLISHED', name: '版本测试事项（2026年修订）', endedAt: null }),
      expect.objectContaining({
        versionNo: 1,
        status: 'SUPERSEDED',
        name: '版本测试事项',
        endedAt: expect.any(String),
      }),
    ]);
    const [audit] = await t.sql<{ summary: { changes: Record<string, unknown> } }>(
      `SELECT summary FROM audit_entry WHERE action = 'catalog.version_published' AND target_id = $1`,
      [v2.id],
    );
    expect(audit.summary.changes).toEqual({ name: ['版本测试事项', '版本测试事项（2026年修订）'] });
  });

  it('publishing checks every rule and answers field by field; nothing changes on refusal', async () => {
    const draft = await admin.catalog.create({
      content: content({
        name: '',
        handlingKind: 'IMMEDIATE',
        promisedLimit: { value: 5, unit: 'WORKING_DAY' },
        feeItemCodes: ['NOPE'],
      }),
    });
    const check = await admin.catalog.check(draft.id);
    expect(check.ok).toBe(false);
    expect(Object.keys(check.fields).sort()).toEqual(['feeItemCodes.0', 'name', 'promisedLimit']);
    const e = await expectApiError(admin.catalog.publish(draft.id), 400, ErrorCode.MATTER_NOT_PUBLISHABLE);
    expect(e.fieldErrors.promisedLimit).toEqual(['即办件的承诺时限必须为 0']);
    const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM matter_version WHERE id = $1', [draft.id]);
    expect(status).toBe('DRAFT');
  });

  it('malformed content is refused with field paths before it is stored', async () => {
    const bad = content({
      materials: [{ name: 'x', form: 'PHOTO' as never, copies: -1, required: true, deferrable: false }],
    });
    const e = await expectApiError(admin.catalog.create({ content: bad }), 400, ErrorCode.VALIDATION_FAILED);
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['content.materials.0.copies', 'content.materials.0.form']);
  });

  it('a withdrawn matter leaves the portal but keeps its record', async () => {
    const v = await published(content({ name: '撤回测试事项' }));
    await admin.catalog.withdraw(v.matterId);
    await expectApiError(t.client().guides.get(v.code), 404, ErrorCode.MATTER_NOT_FOUND);
    expect((await t.client().guides.search({ q: '撤回测试' })).total).toBe(0);
    expect((await t.client().guides.version(v.code, 1)).status).toBe('WITHDRAWN');
    await expectApiError(admin.catalog.withdraw(v.matterId), 409, ErrorCode.MATTER_NOT_PUBLISHED);
  });
});

describe('back-office list', () => {
  it('finds a matter by pinyin initials in the back office too, as on the portal', async () => {
    const found = await admin.catalog.list({ q: 'spjyxk' });
    expect(found.items.map((i) => i.name)).toContain('食品经营许可');
    expect((await admin.catalog.list({ q: 'zzzzzq' })).total).toBe(0);
  });

  it('filters by handling kind and state, and a department lead sees only their department', async () => {
    const immediate = await admin.catalog.list({ handlingKind: 'IMMEDIATE', pageSize: 200 });
    expect(immediate.total).toBeGreaterThanOrEqual(8);
    expect(immediate.items.every((i) => i.handlingKind === 'IMMEDIATE')).toBe(true);
    const drafts = await admin.catalog.list({ state: 'DRAFT', pageSize: 200 });
    expect(drafts.items.every((i) => i.draftVersionId)).toBe(true);
    const withdrawn = await admin.catalog.list({ state: 'WITHDRAWN', pageSize: 200 });
    expect(withdrawn.items.every((i) => i.withdrawn && !i.publishedVersionNo)).toBe(true);
    const all = await admin.catalog.list({ pageSize: 200 });
    const published = await admin.catalog.list({ state: 'PUBLISHED', pageSize: 200 });
    expect(published.total).toBe(all.items.filter((i) => i.publishedVersionNo).length);
    const own = await lead.catalog.list({ pageSize: 200 });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.departmentId === scjg)).toBe(true);
    await expectApiError(
      admin.request('GET', '/catalog/matters', { query: { state: 'ALL' } }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
  });
});

describe('department leads', () => {
  it('prepare their own department’s drafts only, and cannot publish', async () => {
    const own = await lead.catalog.create({ content: content({ name: '部门负责人草稿' }) });
    expect(own.status).toBe('DRAFT');
    await expectApiError(
      lead.catalog.create({ content: content({ departmentId: zjj }) }),
      403,
      ErrorCode.AUTH_DEPARTMENT_SCOPE,
    );
    await expectApiError(lead.catalog.publish(own.id), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    const list = await lead.catalog.list({ pageSize: 200 });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((m) => m.departmentId === scjg)).toBe(true);
    const zjjMatter = (await admin.catalog.list({ departmentId: zjj })).items[0];
    await expectApiError(lead.catalog.versions(zjjMatter.id), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    const clerk = await t.loginAs('scjg.clerk');
    await expectApiError(clerk.catalog.list(), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
  });
});

describe('fee catalog', () => {
  it('an item needs a legal basis and a consistent standard in fen; an inactive item blocks publishing', async () => {
    const e = await expectApiError(
      admin.fees.createItem({
        code: 'X001',
        name: '测试费',
        legalBasis: '',
        approvingDocument: '文件',
        standardKind: 'FIXED',
        amountFen: 100,
        unitPriceFen: null,
        unitName: null,
        minFen: null,
        maxFen: null,
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(e.fieldErrors.legalBasis).toEqual(['收费须有法律或行政法规依据']);
    await expectApiError(
      admin.fees.createItem({
        code: 'X002',
        name: '区间费',
        legalBasis: '依据',
        approvingDocument: '文件',
        standardKind: 'RANGE',
        amountFen: null,
        unitPriceFen: null,
        unitName: null,
        minFen: 500,
        maxFen: 100,
      }),
      400,
      ErrorCode.FEE_STANDARD_INVALID,
    );
    await expectApiError(
      admin.fees.createItem({
        code: 'X003',
        name: '小数费',
        legalBasis: '依据',
        approvingDocument: '文件',
        standardKind: 'FIXED',
        amountFen: 12.5,
        unitPriceFen: null,
        unitName: null,
        minFen: null,
        maxFen: null,
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await admin.fees.createItem({
      code: 'X004',
      name: '测试收费',
      legalBasis: '《测试条例》',
      approvingDocument: '测价〔2026〕1号',
      standardKind: 'FIXED',
      amountFen: 2000,
      unitPriceFen: null,
      unitName: null,
      minFen: null,
      maxFen: null,
    });
    await admin.fees.updateItem('X004', { active: false });
    const draft = await admin.catalog.create({ content: content({ name: '收费事项', feeItemCodes: ['X004'] }) });
    const err = await expectApiError(admin.catalog.publish(draft.id), 400, ErrorCode.MATTER_NOT_PUBLISHABLE);
    expect(err.fieldErrors['feeItemCodes.0']).toEqual(['收费项目 X004 已停用']);
  });
});

describe('import and export', () => {
  it('a re-import of an export changes nothing; a file with any bad row is reported row by row and writes nothing', async () => {
    const exported = await admin.catalog.exportFile();
    expect(exported.matters.length).toBeGreaterThanOrEqual(16);
    // Published versions only: the rule-breaking drafts earlier tests left stay out of it.
    const published = new Set((await t.client().guides.search({ pageSize: 200 })).items.map((i) => i.code));
    expect(new Set(exported.matters.map((r) => r.code))).toEqual(published);
    const file = exported;
    const again = await admin.catalog.importFile(file, true);
    expect(again).toMatchObject({ dryRun: true, ok: true, written: 0 });
    expect(new Set(again.rows.map((r) => r.action))).toEqual(new Set(['UNCHANGED']));

    const food = file.matters.find((r) => r.content.name === '食品经营许可')!;
    const edited = {
      code: food.code,
      content: { ...food.content, promisedLimit: { value: 9, unit: 'WORKING_DAY' as const } },
    };
    const fresh = { code: 'XK00099001', content: content({ name: '导入的新事项' }) };
    const bad = {
      code: 'QR12',
      content: content({
        name: '有误的事项',
        departmentId: '6f1c1c2e-7d8a-4b0a-9a51-3f3a7f1f2b11',
        promisedLimit: { value: 30, unit: 'WORKING_DAY' },
      }),
    };
    const malformed = { code: 'GG00099002', content: { ...content(), materials: 'none' } as never };
    const mixed = {
      format: 'onewindow-catalog' as const,
      formatVersion: 1 as const,
      matters: [edited, fresh, bad, malformed],
    };

    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM matter_version');
    const report = await admin.catalog.importFile(mixed, true);
    expect(report.ok).toBe(false);
    expect(report.rows.map((r) => r.action)).toEqual(['DRAFT', 'CREATE', null, null]);
    expect(Object.keys(report.rows[2].errors).sort()).toEqual([
      'code',
      'content.departmentId',
      'content.promisedLimit',
    ]);
    expect(Object.keys(report.rows[3].errors)).toEqual(['content.materials', 'code']);
    const refused = await expectApiError(admin.catalog.importFile(mixed, false), 400, ErrorCode.CATALOG_IMPORT_INVALID);
    expect(refused.message).toContain('2 行有误');
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM matter_version');
    expect(after).toBe(before);

    const done = await admin.catalog.importFile({ ...mixed, matters: [edited, fresh] }, false);
    expect(done).toMatchObject({ ok: true, written: 2 });
    // Imports are drafts: the portal still shows the published version until someone publishes.
    expect((await t.client().guides.get(food.code)).content.promisedLimit.value).toBe(food.content.promisedLimit.value);
    const matters = await admin.catalog.list({ q: 'XK00099001' });
    expect(matters.items[0]).toMatchObject({ name: '导入的新事项', publishedVersionNo: null });
    const [audit] = await t.sql<{ summary: { written: number } }>(
      `SELECT summary FROM audit_entry WHERE action = 'catalog.imported'`,
    );
    expect(audit.summary.written).toBe(2);
    await expectApiError(lead.catalog.exportFile(), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
  });
});

describe('notification sheet and attachments', () => {
  it('the 一次性告知单 is a PDF whose text (embedded Chinese font) lists conditions, materials, limit, fees, window and phones', async () => {
    const hit = (await t.client().guides.search({ q: '不动产' })).items.find((h) => h.name.includes('不动产'))!;
    const guide = await t.client().guides.get(hit.code);
    const file = await t.client().guides.notificationSheet(hit.code);
    expect(file.mediaType).toBe('application/pdf');
    expect(file.fileName).toBe(`一次性告知单-${guide.content.name}.pdf`);
    const text = await pdfText(file.bytes);
    expect(text).toContain('一次性告知单');
    expect(text).toContain(guide.content.name);
    for (const m of guide.content.materials) expect(text.replace(/\s/g, '')).toContain(m.name.replace(/\s/g, ''));
    expect(text).toContain(guide.content.complaintPhone);
    expect(text).toMatch(new RegExp(`承诺办结时限：\\s*${guide.content.promisedLimit.value}`));
    const fees = await t.client().fees.items();
    for (const code of guide.content.feeItemCodes) expect(text).toContain(fees.find((f) => f.code === code)!.name);
    // A font the PDF carries: the text was extracted as Chinese, not as missing glyphs.
    expect(Buffer.from(file.bytes).toString('latin1')).toMatch(/FontFile3|FontFile2/);
    await expectApiError(t.client().guides.notificationSheet('XK99999999'), 404, ErrorCode.MATTER_NOT_FOUND);
  });

  it('a blank form is checked by its bytes, stored with its checksum, attached to a material and downloadable from the portal', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% 申请表\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const stored = await lead.catalog.uploadAttachment({
      bytes: new Uint8Array(pdf),
      mediaType: 'application/pdf',
      fileName: '食品经营许可申请书（空白）.pdf',
    });
    expect(stored).toMatchObject({
      fileName: '食品经营许可申请书（空白）.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    // A right-to-left override would show `申请书\u202Efdp.exe` as if it ended in .exe reversed: it is removed.
    const docx = Buffer.from('PK\x03\x04[Content_Types].xml word/document.xml', 'latin1');
    const named = await lead.catalog.uploadAttachment({
      bytes: new Uint8Array(docx),
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: '申请书\u202Excod.exe.docx',
    });
    expect(named.fileName).toBe('申请书xcod.exe.docx');

    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stored_file');
    // An executable renamed to .pdf, a type we do not take, an empty body, and a file over the limit: refused, nothing stored.
    await expectApiError(
      lead.catalog.uploadAttachment({
        bytes: new Uint8Array(Buffer.from('MZ\x90\x00 this is an exe')),
        mediaType: 'application/pdf',
        fileName: 'x.pdf',
      }),
      400,
      ErrorCode.FILE_CONTENT_MISMATCH,
    );
    await expectApiError(
      lead.request('POST', '/catalog/attachments', {
        upload: { bytes: new Uint8Array(Buffer.from('<script>')), mediaType: 'text/html' },
      }),
      415,
    );
    await expectApiError(
      lead.catalog.uploadAttachment({
        bytes: new Uint8Array(Buffer.from('MZ\x90\x00')),
        mediaType: 'application/x-msdownload',
        fileName: 'setup.exe',
      }),
      415,
    );
    await expectApiError(
      lead.catalog.uploadAttachment({ bytes: new Uint8Array(0), mediaType: 'application/pdf' }),
      400,
      ErrorCode.FILE_EMPTY,
    );
    // Any zip is not a Word document: a .docx must hold the parts of one.
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await expectApiError(
      lead.catalog.uploadAttachment({
        bytes: new Uint8Array(Buffer.from('PK\x03\x04 payload.exe', 'latin1')),
        mediaType: DOCX,
        fileName: '申请表.docx',
      }),
      400,
      ErrorCode.FILE_CONTENT_MISMATCH,
    );
    const big = Buffer.alloc(5 * 1_048_576 + 1, 0x20);
    big.write('%PDF-');
    await expectApiError(
      lead.catalog.uploadAttachment({ bytes: new Uint8Array(big), mediaType: 'application/pdf' }),
      413,
      ErrorCode.FILE_TOO_LARGE,
    );
    await expectApiError(
      t.client().catalog.uploadAttachment({ bytes: new Uint8Array(pdf), mediaType: 'application/pdf' }),
      401,
    );
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stored_file');
    expect(after).toBe(before);

    const c = content({ name: '带表格的事项' });
    c.materials[0].blankForm = { fileId: stored.id, fileName: stored.fileName };
    c.materials[0].sample = { fileId: '0b5e1d5e-1c1a-4c1e-9f4a-2d0f7a7a7a7a', fileName: '样表.pdf' };
    const draft = await admin.catalog.create({ content: c });
    expect((await admin.catalog.check(draft.id)).fields).toEqual({ 'materials.0.sample': ['附件不存在，请重新上传'] });
    c.materials[0].sample = null;
    await admin.catalog.saveDraft(draft.id, c);
    const v = await admin.catalog.publish(draft.id);
    const guide = await t.client().guides.get(v.code);
    const got = await t.client().guides.attachment(guide.content.materials[0].blankForm!.fileId);
    expect(got.fileName).toBe('食品经营许可申请书（空白）.pdf');
    expect(got.mediaType).toBe('application/pdf');
    expect(Buffer.from(got.bytes).equals(pdf)).toBe(true);
    const res = await fetch(t.client().guides.attachmentUrl(stored.id));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
  });
});

describe('references', () => {
  it('a matter is never made for a department the center does not have', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const refused = await expectApiError(
      admin.catalog.create({ content: content({ name: '无主事项', departmentId: nobody }) }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(refused.fieldErrors).toEqual({ 'content.departmentId': ['不存在'] });
    const draft = await admin.catalog.create({ content: content({ name: '有主事项' }) });
    await expectApiError(
      admin.catalog.saveDraft(draft.id, { ...draft.content, departmentId: nobody }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
  });
});
