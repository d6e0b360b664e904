import type { INestApplication } from '@nestjs/common';
import {
  dateOfDay,
  shanghaiDay,
  ApiClientOwnerKind,
  ApiScope,
  ApplicantType,
  creditCodeCheckChar,
  maskResidentId,
  PrincipalKind,
  Role,
  residentIdCheckChar,
  WindowKind,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicantEntity } from '../modules/applicant/applicant.entity.js';
import { DepartmentEntity } from '../modules/organization/department.entity.js';
import { ServiceWindowEntity } from '../modules/organization/service-window.entity.js';
import { StaffEntity } from '../modules/organization/staff.entity.js';
import { AuditService } from '../platform/audit/audit.service.js';
import { CredentialEntity } from '../platform/auth/credential.entity.js';
import { PasswordHasher } from '../platform/auth/password-hasher.js';
import { systemActor } from '../platform/auth/request-actor.js';
import { PlatformClock } from '../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data-cipher.js';
import { seedDemoCatalog } from './demo-catalog.js';
import { KeyProjectEntity } from '../modules/acceptance/case.entities.js';
import { ReceiptBookEntity } from '../modules/fees/fees.entities.js';
import { seedDemoHistory } from './demo-history.js';
import { ApiClientService } from '../modules/integration/api-client.service.js';

export const DEMO_PASSWORD = 'Demo@2026';

/** The demo city's departments: code, name, short name. */
const DEPARTMENTS: [string, string, string][] = [
  ['ZWB', '市政务服务管理办公室', '政务办'],
  ['JCS', '市纪委监委驻政务服务中心监察室', '监察室'],
  ['SCJG', '市市场监督管理局', '市场监管'],
  ['ZJJ', '市住房和城乡建设局', '住建'],
  ['ZRZY', '市自然资源和规划局', '自然资源'],
  ['GAJ', '市公安局', '公安'],
  ['WJW', '市卫生健康委员会', '卫健'],
  ['JTYS', '市交通运输局', '交通'],
  ['STHJ', '市生态环境局', '生态环境'],
  ['RSJ', '市人力资源和社会保障局', '人社'],
  ['MZJ', '市民政局', '民政'],
  ['FGW', '市发展和改革委员会', '发改'],
  ['YJGL', '市应急管理局', '应急'],
  ['CGJ', '市城市管理局', '城管'],
  ['WGLJ', '市文化广电旅游体育局', '文广旅体'],
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = [
  '晓明',
  '丽华',
  '建国',
  '文静',
  '海峰',
  '雪梅',
  '志强',
  '晓燕',
  '国平',
  '慧敏',
  '立新',
  '春燕',
  '伟',
  '芳',
  '磊',
  '娜',
];

/** Logins printed at start and in the README. */
export const DEMO_LOGINS: { login: string; role: string }[] = [
  { login: 'admin', role: '中心管理员 CENTER_ADMIN（政务办）' },
  { login: 'supervisor', role: '监察员 SUPERVISOR（监察室）' },
  { login: 'scjg.clerk', role: '窗口工作人员 CLERK（市场监管，A 角）' },
  { login: 'scjg.clerk2', role: '窗口工作人员 CLERK（市场监管，B 角）' },
  { login: 'scjg.approver', role: '审批人 APPROVER（市场监管）' },
  { login: 'scjg.lead', role: '部门负责人 DEPT_LEAD（市场监管）' },
  { login: 'zwb.cashier', role: '收费员 CASHIER（统一收费窗口）' },
  { login: 'zwb.finance', role: '财务 FINANCE（政务办财务：票据、对账、减免退费审批）' },
  { login: '13800000001', role: '申请人 APPLICANT（自然人 王小明）' },
  { login: '13800000002', role: '申请人 APPLICANT（法人 示范餐饮有限公司）' },
];

/** The demo key project's code (示范餐饮有限公司's central kitchen). */
/** The demo center's 市公安局 户籍 business system (examples/department-client plays it); demo data only. */
export const DEMO_API_CLIENT = { clientId: 'owc_demo_gaj', secret: 'ows_demo_gaj_Demo2026' } as const;

/** The demo center's collecting bank (代收银行); `scripts/demo-bank.mjs` plays its payment page; demo data only. */
export const DEMO_BANK_CLIENT = { clientId: 'owc_demo_bank', secret: 'ows_demo_bank_Demo2026' } as const;

/** The demo's receipt book (票据): its series and range. */
export const DEMO_RECEIPT_BOOK = { series: '浙财非税2026', firstNo: 1, lastNo: 50_000 } as const;

export const DEMO_KEY_PROJECT_CODE = '2026-330102-47-01-000123';

export function demoCreditCode(seq: number, kind = '11'): string {
  const body = `${kind}330100${String(seq).padStart(9, '0')}`;
  return body + creditCodeCheckChar(body);
}

export function demoResidentId(seq: number): string {
  const body = `330102${1970 + (seq % 40)}0${1 + (seq % 9)}1${seq % 10}${String(100 + seq).slice(-3)}`;
  return body + residentIdCheckChar(body);
}

/** Loads the demo center into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(app: INestApplication): Promise<boolean> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM department');
  if (n > 0) return false;
  await seedDemo(app);
  // A demo center opens with weeks of work behind it; tests start from the bare one.
  if (app.get<AppConfig>(APP_CONFIG).database.seedDemoHistory) await seedDemoHistory(app);
  return true;
}

export async function seedDemo(app: INestApplication): Promise<void> {
  const ds = app.get(DataSource);
  const clock = app.get(PlatformClock);
  const audit = app.get(AuditService);
  const cipher = app.get(PersonalDataCipher);
  // One hash serves every demo account: they share the documented demo password.
  const hash = await app.get(PasswordHasher).hash(DEMO_PASSWORD);
  const now = clock.now();

  await ds.transaction(async (m) => {
    const credential = (kind: PrincipalKind, principalId: string, login: string) =>
      m.insert(CredentialEntity, {
        principalKind: kind,
        principalId,
        login,
        passwordHash: hash,
        failedAttempts: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        lastLoginAt: null,
        createdAt: now,
      });

    const depts = new Map<string, DepartmentEntity>();
    for (const [i, [code, name, shortName]] of DEPARTMENTS.entries()) {
      const d = await m.save(
        m.create(DepartmentEntity, {
          code,
          name,
          shortName,
          creditCode: demoCreditCode(1000 + i),
          parentId: null,
          sortOrder: i * 10,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      depts.set(code, d);
    }
    const center = depts.get('ZWB')!;

    const windows = new Map<string, ServiceWindowEntity>();
    const addWindow = async (number: string, name: string, departmentId: string, kind: WindowKind) => {
      const w = await m.save(
        m.create(ServiceWindowEntity, {
          number,
          name,
          departmentId,
          kind,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      windows.set(number, w);
      return w;
    };
    for (let i = 1; i <= 4; i++) await addWindow(`Z0${i}`, `综合受理窗口 ${i}`, center.id, WindowKind.COMPREHENSIVE);
    let wn = 1;
    for (const [code, , shortName] of DEPARTMENTS.slice(2)) {
      await addWindow(
        `A${String(wn++).padStart(2, '0')}`,
        `${shortName}窗口`,
        depts.get(code)!.id,
        WindowKind.DEPARTMENT,
      );
    }

    let nameSeq = 0;
    const personName = () => {
      const n = SURNAMES[nameSeq % SURNAMES.length] + GIVEN[(nameSeq * 7) % GIVEN.length];
      nameSeq++;
      return n;
    };
    const addStaff = async (
      login: string,
      departmentId: string,
      roles: Role[],
      windowId: string | null,
      backupStaffId: string | null = null,
      name = personName(),
    ) => {
      const s = await m.save(
        m.create(StaffEntity, {
          name,
          departmentId,
          windowId,
          roles,
          backupStaffId,
          away: false,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await credential(PrincipalKind.STAFF, s.id, login);
      return s;
    };

    const admin = await addStaff('admin', center.id, [Role.CENTER_ADMIN], null, null, '周政务');
    await addStaff('zwb.clerk', center.id, [Role.CLERK], windows.get('Z01')!.id);
    await addStaff('supervisor', depts.get('JCS')!.id, [Role.SUPERVISOR], null, null, '郑监察');
    await addStaff('jcs.supervisor2', depts.get('JCS')!.id, [Role.SUPERVISOR], null);

    wn = 1;
    for (const [code] of DEPARTMENTS.slice(2)) {
      const d = depts.get(code)!;
      const win = windows.get(`A${String(wn++).padStart(2, '0')}`)!;
      const prefix = code.toLowerCase();
      const b = await addStaff(`${prefix}.clerk2`, d.id, [Role.CLERK], win.id);
      const a = await addStaff(`${prefix}.clerk`, d.id, [Role.CLERK], win.id, b.id);
      await m.update(StaffEntity, b.id, { backupStaffId: a.id });
      await addStaff(`${prefix}.approver`, d.id, [Role.APPROVER], null);
      await addStaff(`${prefix}.lead`, d.id, [Role.DEPT_LEAD, Role.APPROVER], null);
    }

    // 统一收费: the fee counter and the finance office sit in the center's own office.
    await addStaff('zwb.cashier', center.id, [Role.CASHIER], null, null, '孙收费');
    const finance = await addStaff('zwb.finance', center.id, [Role.FINANCE], null, null, '钱财务');
    await m.save(
      m.create(ReceiptBookEntity, {
        ...DEMO_RECEIPT_BOOK,
        nextNo: DEMO_RECEIPT_BOOK.firstNo,
        issuedOn: dateOfDay(shanghaiDay(now)),
        registeredByName: finance.name,
        createdAt: now,
        updatedAt: now,
      }),
    );

    await addApplicant(m, cipher, now, credential, {
      phone: '13800000001',
      name: '王小明',
      type: ApplicantType.CITIZEN,
      seq: 1,
    });
    await addApplicant(m, cipher, now, credential, {
      phone: '13800000002',
      name: '李经办',
      type: ApplicantType.LEGAL_PERSON,
      seq: 2,
      org: '示范餐饮有限公司',
    });
    await addApplicant(m, cipher, now, credential, {
      phone: '13800000003',
      name: '陈秀英',
      type: ApplicantType.CITIZEN,
      seq: 3,
    });

    const matters = await seedDemoCatalog(m, now, admin.id);
    // 绿色通道: the demo company's central-kitchen project is a key project (its cases run on the shorter limits).
    const company = demoCreditCode(5002, '91');
    await m.insert(KeyProjectEntity, {
      projectCode: DEMO_KEY_PROJECT_CODE,
      projectName: '示范餐饮中央厨房建设项目',
      applicantName: '示范餐饮有限公司',
      applicantIdNumber: cipher.encrypt(company),
      applicantIdHash: cipher.lookupHash(company),
      reason: '列入 2026 年示范市重点建设项目计划（示范市发改〔2026〕8 号）',
      markedBy: admin.id,
      markedByName: admin.name,
      markedAt: now,
      revokedAt: null,
      revokedByName: null,
      revokeReason: null,
      createdAt: now,
      updatedAt: now,
    });
    const [{ staff }] = await m.query('SELECT count(*)::int AS staff FROM staff');
    await audit.record(m, systemActor('demo'), {
      action: 'demo.seeded',
      targetType: 'database',
      targetId: null,
      summary: { departments: depts.size, windows: windows.size, staff, applicants: 3, matters },
    });
  });
  const gaj = await ds.query<{ id: string }[]>(`SELECT id FROM department WHERE code = 'GAJ'`);
  await app.get(ApiClientService).create(
    systemActor('demo'),
    {
      name: '市公安局户籍业务系统（演示）',
      ownerKind: ApiClientOwnerKind.DEPARTMENT,
      departmentId: gaj[0].id,
      scopes: [
        ApiScope.CASES_READ,
        ApiScope.STEPS_WRITE,
        ApiScope.DECISIONS_WRITE,
        ApiScope.SUBTASKS_WRITE,
        ApiScope.WEBHOOKS_MANAGE,
      ],
      contactName: '王工程师',
      contactPhone: '13900000000',
    },
    DEMO_API_CLIENT,
  );
  await app.get(ApiClientService).create(
    systemActor('demo'),
    {
      name: '示范银行代收系统（演示）',
      ownerKind: ApiClientOwnerKind.BANK,
      departmentId: null,
      scopes: [ApiScope.PAYMENTS_WRITE, ApiScope.WEBHOOKS_MANAGE],
      contactName: '赵柜员',
      contactPhone: '13900000001',
    },
    DEMO_BANK_CLIENT,
  );
}

async function addApplicant(
  m: EntityManager,
  cipher: PersonalDataCipher,
  now: Date,
  credential: (kind: PrincipalKind, id: string, login: string) => Promise<unknown>,
  a: { phone: string; name: string; type: ApplicantType; seq: number; org?: string },
) {
  const id = demoResidentId(a.seq);
  const row = await m.save(
    m.create(ApplicantEntity, {
      applicantType: a.type,
      name: a.name,
      phone: a.phone,
      idNumberHash: cipher.lookupHash(id),
      idNumberCipher: cipher.encrypt(id),
      idNumberMasked: maskResidentId(id),
      organizationName: a.org ?? null,
      creditCode: a.org ? demoCreditCode(5000 + a.seq, '91') : null,
      createdAt: now,
    }),
  );
  await credential(PrincipalKind.APPLICANT, row.id, a.phone);
}
