import ExcelJS from 'exceljs';
import {
  ApiClient,
  type CaseDto,
  capitalAmount,
  ErrorCode,
  isValidPaymentCode,
  type PaymentNoticeDto,
  type Principal,
  yuanText,
} from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BANK_CLIENT, DEMO_RECEIPT_BOOK } from '../src/demo/demo-seed.js';
import { ReconciliationService } from '../src/modules/fees/reconciliation.service.js';
import { personApplicant } from './helpers/applicants.js';
import { pdfText } from './helpers/pdf-text.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

// 统一收费 on the demo's 不动产登记（转移登记）(BDC001 80 元 fixed, BDC003 10 元 a book) at 自然资源's window; the bank
// is the demo's collecting bank, a machine client with payments:write, confirming through the integration API.

type Client = ApiClient & { me: Principal };
let t: TestApp;
let clerk: Client;
let approver: Client;
let lead: Client;
let cashier: Client;
let finance: Client;
let gajClerk: Client;
let bankToken: string;
let seq = 0;

const at = (local: string) => new Date(`${local}+08:00`);
const TRANSFER = '不动产登记（转移登记）';
const matterCode = async (name: string) =>
  (
    await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' AND v.content->>'name' = $1`,
      [name],
    )
  )[0].code;

async function acceptedCase(api: Client = clerk, name = TRANSFER, materials = 5): Promise<CaseDto> {
  const c = await api.cases.walkIn({
    matterCode: await matterCode(name),
    applicant: personApplicant(`缴费人${++seq}`),
    materials: Array.from({ length: materials }, (_, index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
  return api.cases.accept(c.id, {});
}

const lines = (books = 1) => [
  { code: 'BDC001', quantity: 1, amountFen: 8000 },
  { code: 'BDC003', quantity: books, amountFen: 1000 * books },
];

async function bank(method: string, path: string, body?: unknown, key?: string) {
  const r = await fetch(`${t.baseUrl}/api/integration/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bankToken}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const answer: any = text ? JSON.parse(text) : null;
  return { status: r.status, replayed: r.headers.get('idempotent-replayed'), body: answer };
}

/** When the bank took each transaction's money: fixed at its first report, as a bank's retry repeats it. */
const paidAt = new Map<string, string>();
const pay = (n: PaymentNoticeDto, txn: string, amountFen = n.totalFen, key = `k-${txn}`) => {
  if (!paidAt.has(txn)) paidAt.set(txn, new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000).toISOString());
  return bank(
    'POST',
    '/payments',
    { paymentCode: n.paymentCode, amountFen, bankTransactionId: txn, paidAt: paidAt.get(txn), channel: 'ONLINE' },
    key,
  );
};

/** The bank's system takes a token (again after the clock jumped past the last one's life). */
async function bankLogin() {
  const res = await fetch(`${t.baseUrl}/api/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_BANK_CLIENT.clientId,
      client_secret: DEMO_BANK_CLIENT.secret,
    }),
  });
  bankToken = ((await res.json()) as { access_token: string }).access_token;
}

const illegalFeeCards = async (caseId: string) =>
  (
    await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM supervision_card WHERE case_id = $1 AND reason = 'ILLEGAL_FEE' AND level = 'RED'`,
      [caseId],
    )
  )[0].n;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at('2026-12-01T09:00:00'));
  [clerk, approver, lead, cashier, finance, gajClerk] = await Promise.all(
    ['zrzy.clerk', 'zrzy.approver', 'zrzy.lead', 'zwb.cashier', 'zwb.finance', 'gaj.clerk'].map((l) => t.loginAs(l)),
  );
  await bankLogin();
});
afterAll(() => t?.close());

describe('assessment', () => {
  it('refuses an amount above the standard, an item not on the matter and an item without basis, and cards each', async () => {
    const c = await acceptedCase();
    const above = await expectApiError(
      clerk.fees.assess(c.id, { items: [{ code: 'BDC001', quantity: 1, amountFen: 8001 }] }),
      400,
      ErrorCode.FEE_ABOVE_STANDARD,
    );
    expect(above.details?.fields?.['items.0.amountFen']).toBeDefined();
    expect(await illegalFeeCards(c.id)).toBe(1);
    // A second unlawful attempt on the case is refused the same way: the case's card is on record already.
    await expectApiError(
      clerk.fees.assess(c.id, { items: [{ code: 'BDC001', quantity: 1, amountFen: 9000 }] }),
      400,
      ErrorCode.FEE_ABOVE_STANDARD,
    );
    expect(await illegalFeeCards(c.id)).toBe(1);
    // Nothing was written: no notice.
    expect((await clerk.fees.ofCase(c.id)).notices).toEqual([]);

    const other = await acceptedCase();
    await expectApiError(
      clerk.fees.assess(other.id, { items: [{ code: 'GA001', quantity: 1, amountFen: 10000 }] }),
      400,
      ErrorCode.FEE_NOT_CHARGEABLE,
    );
    expect(await illegalFeeCards(other.id)).toBe(1);

    // An item whose standard was withdrawn (停用) has no basis to charge on any more.
    const third = await acceptedCase();
    await (await t.loginAs('admin')).fees.updateItem('BDC003', { active: false });
    await expectApiError(clerk.fees.assess(third.id, { items: lines(1) }), 400, ErrorCode.FEE_NO_LEGAL_BASIS);
    await (await t.loginAs('admin')).fees.updateItem('BDC003', { active: true });
    expect(await illegalFeeCards(third.id)).toBe(1);
    // The department holds the cards, seen on its card list.
    const cards = await lead.supervision.cards({ reason: 'ILLEGAL_FEE' });
    expect(cards.items.map((x) => x.caseId)).toEqual(expect.arrayContaining([c.id, other.id, third.id]));
  });

  it('refuses less than the standard (that is a waiver), a matter that charges nothing, and another department', async () => {
    const c = await acceptedCase();
    await expectApiError(
      clerk.fees.assess(c.id, { items: [{ code: 'BDC001', quantity: 1, amountFen: 7000 }] }),
      400,
      ErrorCode.FEE_BELOW_STANDARD,
    );
    expect(await illegalFeeCards(c.id)).toBe(0);
    await expectApiError(gajClerk.fees.assess(c.id, { items: lines() }), 403);
    const free = await acceptedCase(gajClerk, '户口迁移（市内）', 3).catch(() => null);
    if (free)
      await expectApiError(gajClerk.fees.assess(free.id, { items: lines() }), 409, ErrorCode.FEE_NOT_CHARGEABLE);
    expect(free).not.toBeNull();
  });

  it('issues one notice with a checked payment code, a due date in working days and a PDF with the amount in capitals', async () => {
    const c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(2) });
    expect(n).toMatchObject({ state: 'ISSUED', grossFen: 10000, totalFen: 10000, totalCapital: '壹佰元整' });
    expect(isValidPaymentCode(n.paymentCode)).toBe(true);
    const typo = n.paymentCode.slice(0, 5) + ((Number(n.paymentCode[5]) + 1) % 10) + n.paymentCode.slice(6);
    expect(isValidPaymentCode(typo)).toBe(false);
    // 2026-12-01 (Tuesday) + 15 working days.
    expect(n.dueDate).toBe('2026-12-22');
    await expectApiError(clerk.fees.assess(c.id, { items: lines(1) }), 409, ErrorCode.FEE_NOTICE_EXISTS);
    const text = await pdfText((await clerk.fees.noticePdf(n.id)).bytes);
    expect(text).toContain('非税收入缴款通知书');
    expect(text).toContain('壹佰元整');
    expect(text).toContain('不动产登记暂行条例');
    // The applicant cannot read another's notice; the counter finds it by its code.
    const found = await cashier.fees.notices({ paymentCode: n.paymentCode });
    expect(found.items.map((x) => x.id)).toEqual([n.id]);
    await expectApiError(cashier.fees.notices({ paymentCode: typo }), 400, ErrorCode.FEE_PAYMENT_CODE_INVALID);
  });

  it('cancels a notice with a reason and lets it be reissued; the old one stays on record', async () => {
    const c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(1) });
    await expectApiError(clerk.fees.cancelNotice(n.id, { reason: '   ' }), 400, ErrorCode.VALIDATION_FAILED);
    const cancelled = await clerk.fees.cancelNotice(n.id, { reason: '工本费数量有误' });
    expect(cancelled.state).toBe('CANCELLED');
    const again = await clerk.fees.assess(c.id, { items: lines(2) });
    const fees = await clerk.fees.ofCase(c.id);
    expect(fees.notices.map((x) => [x.id, x.state])).toEqual([
      [again.id, 'ISSUED'],
      [n.id, 'CANCELLED'],
    ]);
    // The bank cannot take money on the cancelled one.
    const r = await pay(cancelled, 'TXN-CANCELLED-1');
    expect([r.status, r.body.code]).toEqual([409, ErrorCode.FEE_NOTICE_CANCELLED]);
  });
});

describe('the bank', () => {
  it('looks a notice up and confirms it; a replay answers the same and writes nothing twice; a wrong amount is refused', async () => {
    const c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(1) });
    const look = await bank('GET', `/payment-notices/${n.paymentCode}`);
    expect(look.body).toMatchObject({ state: 'ISSUED', totalFen: 9000, departmentName: expect.any(String) });
    const noKey = await bank('POST', '/payments', {
      paymentCode: n.paymentCode,
      amountFen: 9000,
      bankTransactionId: 'TXN-A',
      paidAt: t.clock.now().toISOString(),
      channel: 'COUNTER',
    });
    expect([noKey.status, noKey.body.code]).toEqual([400, ErrorCode.IDEMPOTENCY_KEY_REQUIRED]);
    const wrong = await pay(n, 'TXN-A', 8000);
    expect([wrong.status, wrong.body.code]).toEqual([422, ErrorCode.FEE_AMOUNT_MISMATCH]);
    const first = await pay(n, 'TXN-A', 9000, 'key-a2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ noticeState: 'PAID', payment: { amountFen: 9000, bankTransactionId: 'TXN-A' } });
    const replay = await pay(n, 'TXN-A', 9000, 'key-a2');
    expect([replay.status, replay.replayed]).toEqual([200, 'true']);
    expect(replay.body).toEqual(first.body);
    // The same transaction under another key (the bank lost our answer): the same payment, not a second.
    const sameTxn = await pay(n, 'TXN-A', 9000, 'key-a3');
    expect(sameTxn.body.payment.id).toBe(first.body.payment.id);
    // Another transaction for the settled notice: refused.
    const second = await pay(n, 'TXN-B');
    expect([second.status, second.body.code]).toEqual([409, ErrorCode.FEE_NOTICE_SETTLED]);
    const rows = await t.sql<{ p: number; r: number }>(
      `SELECT (SELECT count(*)::int FROM fee_payment WHERE notice_id = $1) AS p,
              (SELECT count(*)::int FROM fee_receipt r JOIN fee_payment fp ON fp.id = r.payment_id WHERE fp.notice_id = $1) AS r`,
      [n.id],
    );
    expect(rows[0]).toEqual({ p: 1, r: 1 });
    // Issuing and the confirmation are events (the outbox, in their own transactions) for the systems subscribed.
    const events = await t.sql<{ type: string }>(`SELECT type FROM outbox_event WHERE case_id = $1 ORDER BY id`, [
      c.id,
    ]);
    expect(events.map((e) => e.type).filter((x) => x.startsWith('payment.'))).toEqual([
      'payment.issued',
      'payment.confirmed',
    ]);
    // A bad code is told apart from an unknown one.
    expect((await bank('GET', '/payment-notices/12345')).body.code).toBe(ErrorCode.FEE_PAYMENT_CODE_INVALID);
  });

  it('gives 20 concurrent confirmations 20 consecutive receipt numbers, and two of one notice one payment', async () => {
    const notices = [];
    for (let i = 0; i < 20; i++) notices.push(await clerk.fees.assess((await acceptedCase()).id, { items: lines(1) }));
    const before = (await finance.fees.books())[0].nextNo;
    const out = await Promise.all(notices.map((n, i) => pay(n, `TXN-C-${i}`)));
    expect(out.map((r) => r.status)).toEqual(out.map(() => 200));
    const numbers = out.map((r) => r.body.payment.receipt.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + i));

    const one = await clerk.fees.assess((await acceptedCase()).id, { items: lines(1) });
    const both = await Promise.all([pay(one, 'TXN-D-1'), pay(one, 'TXN-D-2')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await t.sql<{ p: number; r: number }>(
      `SELECT (SELECT count(*)::int FROM fee_payment WHERE notice_id = $1) AS p,
              (SELECT count(*)::int FROM fee_receipt r JOIN fee_payment fp ON fp.id = r.payment_id WHERE fp.notice_id = $1) AS r`,
      [one.id],
    );
    expect(rows[0]).toEqual({ p: 1, r: 1 });
  });
});

describe('delivery and receipts', () => {
  it('refuses delivery while unpaid, and delivers once the bank confirmed; the receipt downloads and verifies', async () => {
    let c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(1) });
    c = await clerk.cases.review(c.id, { agree: true, opinion: '材料齐全，符合转移登记条件' });
    c = await approver.cases.decide(c.id, { approve: true, reason: '准予登记' });
    const refused = await expectApiError(clerk.cases.deliver(c.id, { method: 'PICKUP' }), 409, ErrorCode.FEES_UNPAID);
    expect(refused.message).toContain('90.00 元');
    expect((await clerk.fees.ofCase(c.id)).settled).toBe(false);
    const paid = await pay(n, 'TXN-E');
    const receipt = paid.body.payment.receipt;
    c = await clerk.cases.deliver(c.id, { method: 'PICKUP', certificateNo: '浙(2026)示范市不动产权第0001号' });
    expect(c.state).toBe('COMPLETED');
    const text = await pdfText((await clerk.fees.receiptPdf(receipt.id)).bytes);
    expect(text).toContain(receipt.receiptNo);
    expect(text).toContain('玖拾元整');
    expect(text).toContain('TXN-E');
    const check = await t.client().fees.checkReceipt(receipt.receiptNo, receipt.verificationCode);
    expect(check).toMatchObject({
      receiptNo: receipt.receiptNo,
      state: 'ISSUED',
      totalFen: 9000,
      totalCapital: '玖拾元整',
    });
    expect(check.payerName).not.toBe(c.applicant.name);
    await expectApiError(
      t.client().fees.checkReceipt(receipt.receiptNo, 'WRONG123'),
      404,
      ErrorCode.FEE_RECEIPT_NOT_FOUND,
    );
  });

  it('keeps a voided number on record with who and why, and reissues the next; a spoiled blank keeps its number too', async () => {
    const n = await clerk.fees.assess((await acceptedCase()).id, { items: lines(1) });
    const receipt = (await pay(n, 'TXN-F')).body.payment.receipt;
    await expectApiError(clerk.fees.voidReceipt(receipt.id, { reason: '抬头有误' }), 403);
    const { voided, reissued } = await finance.fees.voidReceipt(receipt.id, { reason: '交款人名称有误' });
    expect(voided).toMatchObject({ number: receipt.number, state: 'VOIDED', voidReason: '交款人名称有误' });
    expect(voided.voidedByName).toBe(finance.me.name);
    expect(reissued.number).toBe(receipt.number + 1);
    await expectApiError(finance.fees.voidReceipt(receipt.id, { reason: '再次' }), 409, ErrorCode.FEE_RECEIPT_STATE);
    const spoiled = await cashier.fees.spoil({ reason: '打印机卡纸' });
    expect(spoiled.number).toBe(reissued.number + 1);
    const usage = await finance.fees.bookUsage((await finance.fees.books())[0].id);
    const mine = usage.receipts.filter((r) => r.number >= receipt.number && r.number <= spoiled.number);
    expect(mine.map((r) => [r.number, r.state])).toEqual([
      [receipt.number, 'VOIDED'],
      [receipt.number + 1, 'ISSUED'],
      [receipt.number + 2, 'SPOILED'],
    ]);
    // No gap anywhere in the book's numbers.
    const nums = usage.receipts.map((r) => r.number);
    expect(nums).toEqual(Array.from({ length: nums.length }, (_, i) => usage.book.firstNo + i));
    expect(usage.book).toMatchObject({ voided: 1, spoiled: 1 });
  });

  it('registers receipt books for the finance office only, a range that overlaps another refused on its field', async () => {
    const book = { series: DEMO_RECEIPT_BOOK.series, firstNo: 49_000, lastNo: 60_000, issuedOn: '2026-12-01' };
    await expectApiError(cashier.fees.registerBook({ ...book, firstNo: 60_001, lastNo: 61_000 }), 403);
    const overlap = await expectApiError(finance.fees.registerBook(book), 409, ErrorCode.FEE_RECEIPT_BOOK_OVERLAP);
    expect(overlap.fieldErrors.firstNo).toEqual(['号段重叠']);
    const backwards = await expectApiError(
      finance.fees.registerBook({ ...book, firstNo: 70_000, lastNo: 69_999 }),
      400,
    );
    expect(backwards.fieldErrors.lastNo).toBeDefined();
    const before = (await finance.fees.books()).length;
    const added = await finance.fees.registerBook({ ...book, firstNo: 50_001, lastNo: 60_000 });
    expect(added).toMatchObject({ firstNo: 50_001, lastNo: 60_000, nextNo: 50_001, issued: 0, remaining: 10_000 });
    expect(added.registeredByName).toBe(finance.me.name);
    expect((await finance.fees.books()).length).toBe(before + 1);
    const [entry] = await t.sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY seq DESC LIMIT 1`,
      [added.id],
    );
    expect(entry?.action).toBe('fees.receipt_book_registered');
  });
});

describe('waivers and refunds', () => {
  it('needs a second person: the one who asked cannot approve; an approved waiver reissues the notice for the rest', async () => {
    const c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(1) });
    await expectApiError(
      clerk.fees.requestAdjustment(n.id, { kind: 'WAIVER', amountFen: 1000, reason: '  ', basis: '依据' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    await expectApiError(
      clerk.fees.requestAdjustment(n.id, { kind: 'WAIVER', amountFen: 9001, reason: '低保', basis: '减免政策' }),
      400,
      ErrorCode.FEE_ADJUSTMENT_AMOUNT,
    );
    const a = await lead.fees.requestAdjustment(n.id, {
      kind: 'WAIVER',
      amountFen: 1000,
      reason: '申请人为最低生活保障对象',
      basis: '财税〔2016〕79号 第六条',
    });
    await expectApiError(
      lead.fees.decideAdjustment(a.id, { approve: true }),
      403,
      ErrorCode.FEE_SECOND_APPROVER_REQUIRED,
    );
    await expectApiError(clerk.fees.decideAdjustment(a.id, { approve: true }), 403);
    // Not in force until approved: the bank still sees the full amount.
    expect((await bank('GET', `/payment-notices/${n.paymentCode}`)).body.totalFen).toBe(9000);
    const ok = await finance.fees.decideAdjustment(a.id, { approve: true, note: '核实属实' });
    expect(ok.state).toBe('APPROVED');
    const fees = await clerk.fees.ofCase(c.id);
    expect(fees.notices.map((x) => [x.state, x.totalFen, x.waivedFen])).toEqual([
      ['ISSUED', 8000, 1000],
      ['CANCELLED', 9000, 0],
    ]);
    expect(fees.notices[0].replacesId).toBe(n.id);
    await expectApiError(finance.fees.decideAdjustment(a.id, { approve: false }), 409, ErrorCode.FEE_ADJUSTMENT_STATE);
  });

  it('a refund is its own record against the payment, approved by a second person, and counted in the totals', async () => {
    const c = await acceptedCase();
    const n = await clerk.fees.assess(c.id, { items: lines(1) });
    await expectApiError(
      clerk.fees.requestAdjustment(n.id, { kind: 'REFUND', amountFen: 1000, reason: '多收', basis: '规定' }),
      409,
      ErrorCode.FEE_ADJUSTMENT_STATE,
    );
    const paid = (await pay(n, 'TXN-G')).body.payment;
    const r = await cashier.fees.requestAdjustment(n.id, {
      kind: 'REFUND',
      amountFen: 1000,
      reason: '证书未发放第二本，退还工本费',
      basis: '财税〔2016〕79号',
    });
    await finance.fees.decideAdjustment(r.id, { approve: true });
    const after = (await clerk.fees.ofCase(c.id)).notices[0].payment!;
    expect([after.id, after.amountFen, after.refundedFen]).toEqual([paid.id, 9000, 1000]);
    const today = '2026-12-01';
    const totals = await finance.fees.totals({ from: today, to: today, by: 'DEPARTMENT' });
    const row = totals.rows.find((x) => x.key === clerk.me.departmentId)!;
    expect(row.refundedFen).toBe(1000);
    expect(row.collectedFen).toBeGreaterThanOrEqual(9000);
    const byItem = await finance.fees.totals({ from: today, to: today, by: 'ITEM', period: 'MONTH' });
    expect(byItem.rows.map((x) => x.key)).toEqual(expect.arrayContaining(['BDC001', 'BDC003']));
    // By channel: what the bank collected online and at its window, the same money as by department.
    const byChannel = await finance.fees.totals({ from: today, to: today, by: 'CHANNEL' });
    const sum = (rows: { collectedFen: number }[]) => rows.reduce((a, x) => a + x.collectedFen, 0);
    expect(byChannel.rows.length).toBeGreaterThan(0);
    expect(byChannel.rows.every((x) => ['ONLINE', 'COUNTER'].includes(x.key))).toBe(true);
    expect(sum(byChannel.rows)).toBe(sum(totals.rows));
    const sheet = await finance.fees.totalsWorkbook({ from: today, to: today, by: 'CHANNEL' });
    expect(sheet.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.bytes);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain(yuanText(sum(byChannel.rows)));
  });
});

describe('reconciliation', () => {
  it('reports each kind of difference, keeps them open until resolved, and cards the finance office after 3 working days', async () => {
    t.clock.set(at('2026-12-02T10:00:00'));
    [clerk, finance, cashier] = await Promise.all(
      ['zrzy.clerk', 'zwb.finance', 'zwb.cashier'].map((l) => t.loginAs(l)),
    );
    await bankLogin();
    const ns = [];
    for (let i = 0; i < 4; i++) ns.push(await clerk.fees.assess((await acceptedCase()).id, { items: lines(1) }));
    for (const [i, n] of ns.entries()) expect((await pay(n, `TXN-R-${i}`)).status).toBe(200);
    const row = (txn: string, yuan: string, time: string, code = '') => `${txn},${yuan},${time},${code}`;
    const csv = [
      '交易流水号,交易金额,交易时间,缴款码',
      row('TXN-R-0', '90.00', '2026-12-02 10:00:00', ns[0].paymentCode),
      row('TXN-R-1', '80.00', '2026-12-02 10:00:00', ns[1].paymentCode), // amount differs
      row('TXN-R-2', '90.00', '2026-12-01 23:59:00', ns[2].paymentCode), // booked the day before
      row('TXN-X-9', '50.00', '2026-12-02 11:00:00'), // at the bank only
      // TXN-R-3: here only
    ].join('\n');
    const bad = await expectApiError(
      finance.fees.importStatement('2026-12-02', {
        bytes: new TextEncoder().encode('交易流水号,交易金额,交易时间\nA,九十,2026-12-02 10:00:00'),
        mediaType: 'text/csv',
      }),
      400,
      ErrorCode.FEE_STATEMENT_INVALID,
    );
    expect(bad.message).toContain('第 2 行');
    await expectApiError(
      cashier.fees.importStatement('2026-12-02', { bytes: new TextEncoder().encode(csv), mediaType: 'text/csv' }),
      403,
    );
    const rec = await finance.fees.importStatement('2026-12-02', {
      bytes: new TextEncoder().encode(csv),
      mediaType: 'text/csv',
      fileName: '对账单.csv',
    });
    expect(rec).toMatchObject({
      bankLines: 4,
      matched: 1,
      differences: { BANK_ONLY: 1, LOCAL_ONLY: 1, AMOUNT_MISMATCH: 1, DATE_MISMATCH: 1 },
      unresolved: 4,
    });
    await expectApiError(
      finance.fees.importStatement('2026-12-02', { bytes: new TextEncoder().encode(csv), mediaType: 'text/csv' }),
      409,
      ErrorCode.FEE_STATEMENT_EXISTS,
    );
    const items = await finance.fees.differences(rec.id);
    const byKind = Object.fromEntries(items.items.map((i) => [i.kind, i]));
    expect(byKind.LOCAL_ONLY.bankTransactionId).toBe('TXN-R-3');
    expect([byKind.AMOUNT_MISMATCH.bankAmountFen, byKind.AMOUNT_MISMATCH.localAmountFen]).toEqual([8000, 9000]);
    const resolved = await finance.fees.resolveDifference(byKind.BANK_ONLY.id, { note: '他行误入账，已退回' });
    expect(resolved.resolvedByName).toBe(finance.me.name);
    await expectApiError(
      finance.fees.resolveDifference(byKind.BANK_ONLY.id, { note: '再次' }),
      409,
      ErrorCode.FEE_DIFFERENCE_RESOLVED,
    );
    expect((await finance.fees.reconciliation(rec.id)).unresolved).toBe(3);
    const book = await finance.fees.reconciliationWorkbook(rec.id);
    expect(book.fileName).toBe('对账-2026-12-02.xlsx');

    // 3 working days after 12-02 is 12-07; on 12-08 what is still open is carded, once.
    const reconciliation = t.running.app.get(ReconciliationService);
    t.clock.set(at('2026-12-07T12:00:00'));
    expect(await reconciliation.cardOverdue()).toBe(0);
    t.clock.set(at('2026-12-08T09:00:00'));
    expect(await reconciliation.cardOverdue()).toBe(3);
    expect(await reconciliation.cardOverdue()).toBe(0);
    const cards = await t.sql<{ department_id: string }>(
      `SELECT department_id FROM supervision_card WHERE reason = 'RECON_UNRESOLVED'`,
    );
    expect(cards.map((x) => x.department_id)).toEqual([finance.me.departmentId]);
  });
});

describe('Chinese capital amounts', () => {
  it('writes known amounts as the payment rules do', () => {
    expect(capitalAmount(0)).toBe('零元整');
    expect(capitalAmount(12000)).toBe('壹佰贰拾元整');
    expect(capitalAmount(105)).toBe('壹元零伍分');
    expect(capitalAmount(168032)).toBe('壹仟陆佰捌拾元零叁角贰分');
    expect(capitalAmount(10700053)).toBe('壹拾万柒仟元零伍角叁分');
    expect(capitalAmount(5)).toBe('伍分');
    expect(capitalAmount(150)).toBe('壹元伍角整');
    expect(capitalAmount(100000000)).toBe('壹佰万元整');
    expect(capitalAmount(1000000100)).toBe('壹仟万零壹元整');
  });
});
