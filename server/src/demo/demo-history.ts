import type { INestApplication } from '@nestjs/common';
import {
  type CaseApplicantInput,
  mondayOf,
  type Principal,
  PrincipalKind,
  type Role,
  residentIdCheckChar,
  shanghaiDay,
  startOfShanghaiDay,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { CaseAcceptanceService } from '../modules/acceptance/case-acceptance.service.js';
import { CaseDeliveryService } from '../modules/acceptance/case-delivery.service.js';
import { CaseReviewService } from '../modules/approval/case-review.service.js';
import { CaseIntakeService } from '../modules/acceptance/case-intake.service.js';
import { CalendarService } from '../modules/calendar/calendar.service.js';
import { SweepService } from '../modules/supervision/sweep.service.js';
import { UrgeService } from '../modules/supervision/urge.service.js';
import { type RequestActor, systemActor } from '../platform/auth/request-actor.js';
import { PlatformClock } from '../platform/clock/platform-clock.service.js';

/** The departments whose windows have a history in the demo, with how often each runs late (in 100). */
const DESKS: { dept: string; matter: string; latePer100: number }[] = [
  { dept: 'SCJG', matter: '食品经营许可', latePer100: 3 },
  { dept: 'WJW', matter: '公共场所卫生许可', latePer100: 8 },
  { dept: 'ZRZY', matter: '不动产登记（转移登记）', latePer100: 0 },
  { dept: 'JTYS', matter: '道路运输经营许可', latePer100: 20 },
  { dept: 'GAJ', matter: '户口迁移（市内）', latePer100: 5 },
];
const WEEKS = 6;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
const GIVEN = ['子涵', '思远', '雨桐', '浩然', '欣怡', '俊杰', '梓萱', '宇航'];

/** A small deterministic generator: the same demo every time. */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x / 2_147_483_648;
  }
}

interface Open {
  id: string;
  desk: number;
  concludeDay: number;
}

/**
 * Six weeks of the demo center's work, done through the real services with the platform clock walked
 * forward day by day: walk-in receipts, acceptances and the odd refusal, reviews, decisions and deliveries
 * (some late, more so at some desks), the supervision sweep every evening, an urge. So the supervision
 * board, cards, performance and exchange have something true to show on the first start. Demo mode only;
 * the clock is back at the real time afterwards.
 */
export async function seedDemoHistory(app: INestApplication): Promise<void> {
  const ds = app.get(DataSource);
  const clock = app.get(PlatformClock);
  const intake = app.get(CaseIntakeService);
  const acceptance = app.get(CaseAcceptanceService);
  const reviews = app.get(CaseReviewService);
  const delivery = app.get(CaseDeliveryService);
  const sweeps = app.get(SweepService);
  const urges = app.get(UrgeService);
  const cal = await app.get(CalendarService).calendar();
  const real = clock.now();
  // Business time runs on while the history is written: afterwards it is put back where it would have been.
  const offset = real.getTime() - Date.now();
  const rnd = numbers(20_261_201);
  const next = () => rnd.next().value as number;

  const staff = new Map<string, Principal>();
  for (const r of await ds.query(
    `SELECT s.id, s.name, s.roles, s.department_id, s.window_id, c.login FROM staff s JOIN credential c ON c.principal_id = s.id AND c.principal_kind = 'STAFF'`,
  )) {
    staff.set(r.login, {
      id: r.id,
      kind: PrincipalKind.STAFF,
      name: r.name,
      roles: r.roles as Role[],
      departmentId: r.department_id,
      windowId: r.window_id,
    });
  }
  const as = (login: string): RequestActor => ({
    principal: staff.get(login)!,
    sessionId: null,
    requestId: 'demo-history',
    clientIp: '127.0.0.1',
    actingForId: null,
  });
  const desks: ((typeof DESKS)[number] & { code: string; limit: number; materials: number; prefix: string })[] = [];
  for (const d of DESKS) {
    const [v] = await ds.query(
      `SELECT m.code, v.content FROM matter m JOIN matter_version v ON v.matter_id = m.id AND v.status = 'PUBLISHED' WHERE v.content->>'name' = $1`,
      [d.matter],
    );
    if (!v) continue;
    desks.push({
      ...d,
      code: v.code as string,
      limit: Number(v.content.promisedLimit.value),
      materials: (v.content.materials as unknown[]).length,
      prefix: d.dept.toLowerCase(),
    });
  }

  const at = (day: number, hours: number, minutes = 0) =>
    new Date(startOfShanghaiDay(day).getTime() + (hours * 60 + minutes) * 60_000);
  const today = shanghaiDay(real);
  const monday = mondayOf(today);
  const open: Open[] = [];
  let seq = 0;
  let urged = false;
  for (let day = monday - WEEKS * 7; day < today; day++) {
    if (!cal.isWorkingDay(day)) continue;
    for (const [i, desk] of desks.entries()) {
      const n = next() < 0.85 ? 1 : 2;
      for (let k = 0; k < n; k++) {
        clock.set(at(day, 9, 10 + k * 12));
        const id = await intake.walkIn(
          as(`${desk.prefix}.clerk`),
          desk.code,
          applicant(seq++),
          Array.from({ length: desk.materials }, (_, index) => ({ index, status: 'ORIGINAL_SEEN' as const })),
        );
        clock.set(at(day, 10, 30));
        if (next() < 0.06) {
          await acceptance.reject(
            as(`${desk.prefix}.clerk`),
            id,
            '申请事项依法不属于本机关职权范围',
            '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
          );
          continue;
        }
        await acceptance.accept(as(`${desk.prefix}.clerk`), id, {});
        const late = next() * 100 < desk.latePer100;
        const days = late
          ? desk.limit + 1 + Math.floor(next() * 3)
          : Math.max(1, Math.floor(desk.limit * (0.3 + next() * 0.6)));
        open.push({ id, desk: i, concludeDay: cal.addWorkingDays(day, days) });
      }
    }
    for (const c of open.filter((o) => o.concludeDay === day)) {
      const desk = desks[c.desk];
      clock.set(at(day, 15));
      await reviews.review(as(`${desk.prefix}.clerk`), c.id, { agree: true, opinion: '材料齐全，符合法定形式' });
      await reviews.decide(as(`${desk.prefix}.approver`), c.id, {
        approve: true,
        reason: '经审查，符合法定条件，准予许可',
      });
      clock.set(at(day, 16, 30));
      await delivery.deliver(as(`${desk.prefix}.clerk`), c.id, { method: 'PICKUP' });
    }
    open.splice(0, open.length, ...open.filter((o) => o.concludeDay > day));
    clock.set(at(day, 18));
    if (!urged && day >= today - 3) {
      const late = open.find((o) => o.concludeDay > day + 2 && desks[o.desk].latePer100 >= 20);
      if (late) {
        await urges.create(as('supervisor'), {
          caseId: late.id,
          message: '该件已临近办结时限，请说明办理进度并于 2 个工作日内回复',
          days: 2,
        });
        urged = true;
      }
    }
    await sweeps.sweep(systemActor('电子监察定时巡检'));
  }
  clock.set(new Date(Date.now() + offset));
  await sweeps.sweep(systemActor('电子监察定时巡检'));
}

function applicant(seq: number): CaseApplicantInput {
  const name = SURNAMES[seq % SURNAMES.length] + GIVEN[Math.floor(seq / SURNAMES.length) % GIVEN.length];
  const body = `3301021985${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}${String(100 + (seq % 900)).padStart(3, '0')}`;
  return {
    kind: 'PERSON',
    name,
    idNumber: body + residentIdCheckChar(body),
    contactName: name,
    phone: `139${String(10_000_000 + seq).slice(-8)}`,
  };
}
