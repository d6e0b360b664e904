import {
  ApiClient,
  type CardDto,
  type CaseApplicantInput,
  type CaseDto,
  ErrorCode,
  type Principal,
  residentIdCheckChar,
  type SupervisionEvent,
} from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';
import { startServerProcess } from './helpers/server-process.js';
import { SERVER_URL } from './helpers/test-database.js';

let t: TestApp;
type Client = ApiClient & { me: Principal };
let clerk: Client;
let lead: Client;
let supervisor: Client;
let admin: Client;
let zjjClerk: Client;

const FOOD = 'XK00001001'; // 食品经营许可: 承诺件, 10 working days
const applicant: CaseApplicantInput = {
  kind: 'PERSON',
  name: '李监察',
  idNumber: '33010219900307151' + residentIdCheckChar('33010219900307151'),
  contactName: '李监察',
  phone: '13912345678',
};
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();

async function travel(local: string) {
  t.clock.set(at(local));
  [clerk, lead, supervisor, admin, zjjClerk] = await Promise.all(
    ['scjg.clerk', 'scjg.lead', 'supervisor', 'admin', 'zjj.clerk'].map((l) => t.loginAs(l)),
  );
}

const walkIn = () =>
  clerk.cases.walkIn({
    matterCode: FOOD,
    applicant,
    materials: [0, 1, 2, 3].map((index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
  });
const cardsOf = async (caseId: string) =>
  (await supervisor.supervision.cards({ pageSize: 100 })).items.filter((c) => c.caseId === caseId);
const allCards = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM supervision_card'))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-09-28T09:00:00');
});
afterAll(() => t?.close());

describe('the sweep', () => {
  it('gives YELLOW then RED at the working-day moments across National Day, once each, and fires deemed acceptance', async () => {
    await travel('2026-09-28T09:00:00'); // Monday
    const c = await walkIn();
    // 5 working days from Mon 28 Sep, the start day not counted: 29, 30 Sep, (1–7 Oct National Day), 8, 9, and the
    // make-up Saturday 10 Oct. Warning with 1 working day left: the end of Fri 9 Oct.
    expect(c.acceptanceClock!.dueAt).toBe(iso('2026-10-11T00:00:00'));
    expect(c.acceptanceClock!.warnAt).toBe(iso('2026-10-10T00:00:00'));

    await travel('2026-10-09T23:59:00');
    await supervisor.supervision.sweep();
    expect(await cardsOf(c.id)).toEqual([]);

    await travel('2026-10-10T09:00:00');
    const run = await supervisor.supervision.sweep();
    expect(run).toMatchObject({ status: 'DONE', yellow: 1, red: 0 });
    const [yellow] = await cardsOf(c.id);
    expect(yellow).toMatchObject({
      level: 'YELLOW',
      reason: 'TIME_WARNING',
      state: 'ISSUED',
      crossedAt: iso('2026-10-10T00:00:00'),
      clockKind: 'ACCEPTANCE',
      staffName: clerk.me.name,
      policyVersion: 1,
    });
    expect(yellow.departmentId).toBe(c.departmentId);

    // A second sweep issues nothing.
    const before = await allCards();
    expect(await supervisor.supervision.sweep()).toMatchObject({ yellow: 0, red: 0, examined: 0 });
    expect(await allCards()).toBe(before);

    await travel('2026-10-12T09:00:00');
    const red = await supervisor.supervision.sweep();
    expect(red).toMatchObject({ red: 1, deemedAccepted: 1 });
    const cards = await cardsOf(c.id);
    expect(cards.map((k) => [k.level, k.reason, k.crossedAt]).sort()).toEqual([
      ['RED', 'ACCEPTANCE_OVERDUE', iso('2026-10-11T00:00:00')],
      ['YELLOW', 'TIME_WARNING', iso('2026-10-10T00:00:00')],
    ]);
    const deemed = await clerk.cases.get(c.id);
    expect(deemed).toMatchObject({ state: 'IN_REVIEW', deemedAccepted: true, acceptedAt: c.receivedAt });
  });

  it('gives a paused clock no card while it is paused', async () => {
    await travel('2026-11-02T09:00:00');
    const c = await walkIn();
    await clerk.cases.supplement(c.id, { items: [{ materialIndex: 1, text: '营业执照复印件不清晰' }] });
    await travel('2026-12-01T09:00:00'); // far past the 5 days, but the clock is paused
    await supervisor.supervision.sweep();
    expect(await cardsOf(c.id)).toEqual([]);
    // Supplied: the clock runs again with what was left and is watched again.
    await clerk.cases.supply(c.id, { materialIndexes: [1] });
    const resumed = await clerk.cases.get(c.id);
    await travel('2026-12-31T09:00:00');
    await supervisor.supervision.sweep();
    expect((await cardsOf(c.id)).map((k) => [k.level, k.crossedAt]).sort()).toEqual([
      ['RED', resumed.acceptanceClock!.dueAt],
      ['YELLOW', resumed.acceptanceClock!.warnAt],
    ]);
  });

  it('after three days of downtime issues the missed cards stamped with when each threshold was crossed', async () => {
    await travel('2027-01-04T09:00:00');
    const c = await walkIn();
    await clerk.cases.accept(c.id, {});
    const accepted = await clerk.cases.get(c.id);
    await supervisor.supervision.sweep();
    const clock = accepted.caseClock!;
    // Down from the day before the warning until three days after the due day.
    const due = new Date(clock.dueAt);
    t.clock.set(new Date(due.getTime() + 3 * 86_400_000));
    await travel(new Date(due.getTime() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 19));
    const run = await supervisor.supervision.sweep();
    expect(run.asOf > clock.dueAt).toBe(true);
    const cards = (await cardsOf(c.id)).filter((k) => k.clockKind === 'CASE');
    expect(cards.map((k) => [k.level, k.reason, k.crossedAt]).sort()).toEqual([
      ['RED', 'CASE_OVERDUE', clock.dueAt],
      ['YELLOW', 'TIME_WARNING', clock.warnAt],
    ]);
    for (const k of cards) expect(k.issuedAt).toBe(run.asOf);
  });

  it('keeps a record of every run for supervisors', async () => {
    const runs = await supervisor.supervision.runs();
    expect(runs.length).toBeGreaterThan(3);
    expect(runs[0]).toMatchObject({ status: 'DONE', instance: expect.any(String) });
    expect(new Date(runs[0].finishedAt!).getTime()).toBeGreaterThanOrEqual(new Date(runs[0].startedAt).getTime());
    await expectApiError(clerk.supervision.runs(), 403);
  });
});

describe('cards', () => {
  let card: CardDto;
  beforeAll(async () => {
    // The first case's RED card: deemed accepted after National Day.
    card = (await supervisor.supervision.cards({ level: 'RED', reason: 'ACCEPTANCE_OVERDUE' })).items.find(
      (k) => k.crossedAt === iso('2026-10-11T00:00:00'),
    )!;
  });

  it('are filtered by level, reason, department and date, and staff see only their department', async () => {
    const page = await supervisor.supervision.cards({ level: 'YELLOW' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((k) => k.level === 'YELLOW')).toBe(true);
    expect(
      (await supervisor.supervision.cards({ from: '2026-10-10', to: '2026-10-10' })).items.map((k) => k.crossedAt),
    ).toEqual([iso('2026-10-10T00:00:00')]);
    expect((await clerk.supervision.cards()).total).toBe(
      (await supervisor.supervision.cards({ departmentId: clerk.me.departmentId! })).total,
    );
    expect((await zjjClerk.supervision.cards()).total).toBe(0);
    await expectApiError(zjjClerk.supervision.card(card.id), 403);
  });

  it('an appeal revoked by a supervisor stays on record as revoked, with every step', async () => {
    await expectApiError(
      zjjClerk.supervision.appeal(card.id, { reason: '不是我们部门' }),
      403,
      ErrorCode.CARD_NOT_YOURS,
    );
    await expectApiError(
      supervisor.supervision.decide(card.id, { decision: 'REVOKE', reason: '未申诉' }),
      409,
      ErrorCode.CARD_STATE,
    );
    const appealed = await clerk.supervision.appeal(card.id, { reason: '国庆假期系统维护，申请人未到窗口' });
    expect(appealed.state).toBe('APPEALED');
    await expectApiError(clerk.supervision.appeal(card.id, { reason: '再次申诉' }), 409, ErrorCode.CARD_STATE);
    await expectApiError(clerk.supervision.decide(card.id, { decision: 'REVOKE', reason: '自己撤销' }), 403);
    const revoked = await supervisor.supervision.decide(card.id, { decision: 'REVOKE', reason: '情况属实，予以撤销' });
    expect(revoked.state).toBe('REVOKED');
    expect(revoked.events.map((e) => [e.action, e.actorName])).toEqual([
      ['APPEAL', clerk.me.name],
      ['REVOKE', supervisor.me.name],
    ]);
    expect((await supervisor.supervision.cards({ state: 'REVOKED' })).items.map((k) => k.id)).toContain(card.id);
    const view = await supervisor.supervision.card(card.id);
    expect(view.steps.map((s) => s.action)).toEqual(expect.arrayContaining(['SUBMIT', 'DEEM_ACCEPTED']));
    expect(view.clockExplanation.join('')).toContain('其中节假日 7 天');
    expect(view.clockExplanation.join('')).toContain('停止（视为受理）');
    await expect(t.sql('DELETE FROM supervision_card WHERE id = $1', [card.id])).rejects.toThrow(/kept for the record/);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY seq`, [
      card.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['supervision.card_appeal', 'supervision.card_revoke']);
  });
});

describe('urging', () => {
  it('an unanswered urge turns RED at its deadline; an answered one does not', async () => {
    await travel('2027-02-01T09:00:00');
    const c = await walkIn();
    const c2 = await walkIn();
    await expectApiError(clerk.supervision.urge({ caseId: c.id, message: '请尽快受理', days: 2 }), 403);
    // A number is a number: "5" and true are not taken for one.
    for (const days of ['5', true])
      await expectApiError(
        supervisor.supervision.urge({ caseId: c.id, message: '请说明', days: days as never }),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
    const urge = await supervisor.supervision.urge({
      caseId: c.id,
      message: '请于 2 个工作日内说明未受理原因',
      days: 2,
    });
    const answered = await supervisor.supervision.urge({ caseId: c2.id, message: '请说明', days: 2 });
    expect(urge).toMatchObject({ state: 'OPEN', overdue: false, departmentId: c.departmentId });
    expect((await clerk.supervision.urges({ open: true })).map((u) => u.id)).toEqual(
      expect.arrayContaining([urge.id, answered.id]),
    );
    await expectApiError(zjjClerk.supervision.reply(answered.id, { reply: '不是我们的' }), 403);
    expect(await lead.supervision.reply(answered.id, { reply: '已安排受理' })).toMatchObject({
      state: 'ANSWERED',
      repliedByName: lead.me.name,
    });
    await expectApiError(lead.supervision.reply(answered.id, { reply: '再回一次' }), 409, ErrorCode.URGE_ANSWERED);

    await travel('2027-02-04T09:00:00');
    await supervisor.supervision.sweep();
    const reds = (await supervisor.supervision.cards({ reason: 'URGE_UNANSWERED' })).items;
    expect(reds.map((k) => k.caseId)).toEqual([c.id]);
    expect(reds[0]).toMatchObject({
      level: 'RED',
      clockKind: 'URGE',
      departmentId: c.departmentId,
      crossedAt: urge.dueAt,
      // The case waits for acceptance: the clerk who received it answers for it, at their window.
      staffId: clerk.me.id,
      staffName: clerk.me.name,
      windowId: clerk.me.windowId,
    });
    expect(reds[0].windowName).toBeTruthy();
  });
});

describe('the live channel', () => {
  it('pushes a new card to supervisors and to the department, not to other departments', async () => {
    await travel('2027-03-01T09:00:00');
    const c = await walkIn();
    const seen = {
      supervisor: [] as SupervisionEvent[],
      clerk: [] as SupervisionEvent[],
      other: [] as SupervisionEvent[],
    };
    const connected: Promise<void>[] = [];
    const open = (who: Client, into: SupervisionEvent[]) => {
      let ready!: () => void;
      connected.push(new Promise<void>((r) => (ready = r)));
      return who.supervision.events(
        (e) => into.push(e),
        (ok) => ok && ready(),
      );
    };
    const closers = [open(supervisor, seen.supervisor), open(clerk, seen.clerk), open(zjjClerk, seen.other)];
    try {
      await Promise.all(connected);
      await travel('2027-03-08T09:00:00');
      await admin.supervision.sweep();
      const cardOf = (list: SupervisionEvent[]) => list.find((e) => e.type === 'card' && e.card.caseId === c.id);
      for (let i = 0; i < 50 && !(cardOf(seen.supervisor) && cardOf(seen.clerk)); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(cardOf(seen.supervisor)).toBeTruthy();
      expect(cardOf(seen.clerk)).toBeTruthy();
      expect(seen.other.filter((e) => e.type === 'card')).toEqual([]);
      expect(seen.supervisor.some((e) => e.type === 'run')).toBe(true);
    } finally {
      closers.forEach((close) => close());
    }
  });
});

describe('the card policy', () => {
  it('a signed-off change moves the warning times of open cases, and the sweep cards them under the new version', async () => {
    await travel('2027-03-15T09:00:00'); // Monday
    const c = await walkIn();
    await clerk.cases.accept(c.id, {});
    const before = (await clerk.cases.get(c.id)).caseClock!;
    // 10 working days: due Mon 29 March; the default warns with 2 left, at the end of Thu 25 March.
    expect([before.dueAt, before.warnAt, before.policyVersion]).toEqual([
      iso('2027-03-30T00:00:00'),
      iso('2027-03-26T00:00:00'),
      1,
    ]);
    const proposed = await admin.calendar.proposePolicy({
      usedPercent: 80,
      minLeft: 1,
      byKind: { CASE: { usedPercent: 50, minLeft: 1 } },
      note: '办理时限过半预警',
    });
    await supervisor.calendar.decidePolicy(proposed.version, { approve: true, note: '同意' });
    const after = (await clerk.cases.get(c.id)).caseClock!;
    // Half of 10 used: warns with 5 left, at the end of Mon 22 March; the due time does not move.
    expect([after.dueAt, after.warnAt, after.policyVersion]).toEqual([
      before.dueAt,
      iso('2027-03-23T00:00:00'),
      proposed.version,
    ]);

    await travel('2027-03-23T09:00:00');
    await supervisor.supervision.sweep();
    const yellow = (await cardsOf(c.id)).filter((k) => k.clockKind === 'CASE');
    expect(yellow.map((k) => [k.level, k.crossedAt, k.policyVersion])).toEqual([
      ['YELLOW', iso('2027-03-23T00:00:00'), proposed.version],
    ]);
  });
});

describe.skipIf(!SERVER_URL)('two server processes on one PostgreSQL database', () => {
  it('sweeping at the same moment issue each card exactly once', async () => {
    await travel('2027-04-01T09:00:00');
    const cases: CaseDto[] = [];
    for (let i = 0; i < 30; i++) cases.push(await walkIn());
    // Two more OS processes of the built server on this test's database, their business clock at the same moment.
    const env = { DATABASE_URL: t.databaseUrl!, ONEWINDOW_NOW: '2027-04-20T09:00:00+08:00' };
    const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      expect(servers[0].pid).not.toBe(servers[1].pid);
      const clients = servers.map((s) => new ApiClient({ baseUrl: `${s.baseUrl}/api` }));
      await Promise.all(clients.map((c) => c.auth.login({ login: 'supervisor', password: DEMO_PASSWORD })));
      const [a, b] = await Promise.all(clients.map((c) => c.supervision.sweep()));
      // Either one ran and the other was turned away by the lock, or they ran one after the other and the second
      // found nothing left: what the runs say they issued is what is in the table, and every one of these
      // receipts has exactly its YELLOW and its RED.
      // Each run is recorded by the process that made it (a run turned away by the lock is recorded as SKIPPED).
      expect([a, b].map((r) => r.instance.split(':').pop()).sort()).toEqual(servers.map((s) => String(s.pid)).sort());
      const issued = [a, b].reduce((n, r) => n + r.yellow + r.red, 0);
      const [{ inRuns }] = await t.sql<{ inRuns: number }>(
        'SELECT count(*)::int AS "inRuns" FROM supervision_card WHERE run_id = ANY($1::uuid[])',
        [[a.id, b.id]],
      );
      expect(issued).toBe(inRuns);
      expect(issued).toBeGreaterThanOrEqual(60);
      const [{ n, distinct }] = await t.sql<{ n: number; distinct: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT (clock_id, level))::int AS distinct FROM supervision_card WHERE case_id = ANY($1::uuid[])`,
        [cases.map((c) => c.id)],
      );
      expect([n, distinct]).toEqual([60, 60]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});

if (!SERVER_URL)
  console.info(
    'supervision.spec: the two-process sweep needs PostgreSQL (DATABASE_URL); skipped on the embedded database',
  );

describe('dates in filters', () => {
  it('a day that does not exist is refused, not read as another', async () => {
    const supervisor = await t.loginAs('supervisor');
    const refused = await expectApiError(
      supervisor.supervision.cards({ from: '2026-02-30', to: '2026-03-31' }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(refused.fieldErrors).toEqual({ from: ['没有这一天'] });
    expect(await supervisor.supervision.cards({ from: '2026-02-28', to: '2026-03-31' })).toMatchObject({ page: 1 });
  });
});
