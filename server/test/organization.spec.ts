import { type ApiClient, type DepartmentDto, ErrorCode, type StaffDto } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';
import { pdfText } from './helpers/pdf-text.js';

let t: TestApp;
let depts: DepartmentDto[];
let scjg: DepartmentDto;
let zjj: DepartmentDto;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'supervisor', 'scjg.clerk', 'scjg.approver', 'scjg.lead', 'zjj.lead', '13800000001']) {
    as[login] = await t.loginAs(login);
  }
  depts = await t.client().org.listDepartments();
  scjg = depts.find((d) => d.code === 'SCJG')!;
  zjj = depts.find((d) => d.code === 'ZJJ')!;
});
afterAll(() => t?.close());

const staffOf = async (login: string): Promise<StaffDto> =>
  (await as.admin.org.listStaff({ q: login })).items.find((s) => s.login === login)!;

/** Status of a raw call, so the matrix can show 2xx / 401 / 403 for every role. */
async function statusOf(client: ApiClient | null, method: string, path: string, body?: unknown): Promise<number> {
  try {
    await (client ?? t.client()).request(method, path, { body, anonymous: client === null });
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('role and department-scope matrix', () => {
  const who = ['anonymous', 'applicant', 'clerk', 'approver', 'lead', 'supervisor', 'admin'] as const;
  const login: Record<(typeof who)[number], string | null> = {
    anonymous: null,
    applicant: '13800000001',
    clerk: 'scjg.clerk',
    approver: 'scjg.approver',
    lead: 'scjg.lead',
    supervisor: 'supervisor',
    admin: 'admin',
  };
  const ok = 200;

  it('every organization, audit and clock endpoint admits exactly the roles it names', async () => {
    const ownClerk = await staffOf('scjg.clerk2');
    const otherClerk = await staffOf('zjj.clerk');
    let n = 0;
    const rows: [string, string, () => unknown, Record<(typeof who)[number], number>][] = [
      [
        'GET',
        '/org/departments',
        () => undefined,
        { anonymous: ok, applicant: ok, clerk: ok, approver: ok, lead: ok, supervisor: ok, admin: ok },
      ],
      [
        'POST',
        '/org/departments',
        () => ({ code: `T${n++}X`, name: '测试局', shortName: '测试', creditCode: demoCreditCode(9000 + n) }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'PATCH',
        `/org/departments/${zjj.id}`,
        () => ({ sortOrder: 35 }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'GET',
        '/org/windows',
        () => undefined,
        { anonymous: ok, applicant: ok, clerk: ok, approver: ok, lead: ok, supervisor: ok, admin: ok },
      ],
      [
        'POST',
        '/org/windows',
        () => ({ number: `B${10 + n++}`, name: '测试窗口', departmentId: scjg.id, kind: 'DEPARTMENT' }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'GET',
        '/org/staff',
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: ok, approver: ok, lead: ok, supervisor: ok, admin: ok },
      ],
      [
        'GET',
        `/org/staff?departmentId=${zjj.id}`,
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: ok, admin: ok },
      ],
      [
        'GET',
        `/org/staff/${ownClerk.id}`,
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: ok, approver: ok, lead: ok, supervisor: ok, admin: ok },
      ],
      [
        'GET',
        `/org/staff/${otherClerk.id}`,
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: ok, admin: ok },
      ],
      [
        'PATCH',
        `/org/staff/${ownClerk.id}`,
        () => ({ name: '改名测试' }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'PUT',
        `/org/staff/${ownClerk.id}/away`,
        () => ({ away: false }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: ok, supervisor: 403, admin: ok },
      ],
      [
        'PUT',
        `/org/staff/${otherClerk.id}/away`,
        () => ({ away: false }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'POST',
        `/org/staff/${ownClerk.id}/password`,
        () => ({ newPassword: 'Demo@2026' }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'GET',
        '/audit',
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: ok, admin: ok },
      ],
      [
        'GET',
        '/audit/verify',
        () => undefined,
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: ok, admin: ok },
      ],
      [
        'POST',
        '/platform/clock/advance',
        () => ({ seconds: 0 }),
        { anonymous: 401, applicant: 403, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: ok },
      ],
      [
        'GET',
        '/applicants/me',
        () => undefined,
        { anonymous: 401, applicant: ok, clerk: 403, approver: 403, lead: 403, supervisor: 403, admin: 403 },
      ],
    ];
    const mismatches: string[] = [];
    for (const [method, path, body, expected] of rows) {
      for (const w of who) {
        const l = login[w];
        const got = await statusOf(l ? as[l] : null, method, path, body());
        if (got !== expected[w]) mismatches.push(`${method} ${path} as ${w}: expected ${expected[w]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a department-scoped refusal names the scope, not the role', async () => {
    await expectApiError(as['scjg.lead'].org.listStaff({ departmentId: zjj.id }), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    const page = await as['scjg.lead'].org.listStaff();
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    expect(page.items.every((s) => s.departmentId === scjg.id)).toBe(true);
    const all = await as.supervisor.org.listStaff({ pageSize: 200 });
    expect(new Set(all.items.map((s) => s.departmentId)).size).toBeGreaterThan(10);
  });

  it('staff may mark themselves away; their lead may too; the backup shows in the record', async () => {
    const clerk = as['scjg.clerk'];
    const me = await clerk.org.setStaffAway(clerk.principal!.id, true);
    expect(me.away).toBe(true);
    expect(me.backupStaffId).toBe((await staffOf('scjg.clerk2')).id);
    const back = await as['scjg.lead'].org.setStaffAway(me.id, false);
    expect(back.away).toBe(false);
    await expectApiError(as['zjj.lead'].org.setStaffAway(me.id, true), 403, ErrorCode.AUTH_DEPARTMENT_SCOPE);
    const rows = await t.sql<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_entry WHERE target_id = $1 AND action LIKE 'org.staff.%' ORDER BY seq`,
      [me.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['org.staff.away', 'org.staff.back']);
  });
});

describe('validation', () => {
  it('lists every bad field with a Chinese message, including the credit code check character', async () => {
    const err = await expectApiError(
      as.admin.org.createDepartment({
        code: 'bad code',
        name: '',
        shortName: '测试',
        creditCode: '11330100000001001X',
        extra: 1,
      } as never),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['code', 'creditCode', 'extra', 'name']);
    expect(err.fieldErrors.creditCode).toEqual(['统一社会信用代码校验位不正确']);
    expect(err.fieldErrors.extra).toEqual(['不允许的字段']);
    expect(err.fieldErrors.name).toContain('不能为空');
  });

  it('rejects a malformed id in the path and a wrong type in the body', async () => {
    const e1 = await expectApiError(as.admin.org.updateDepartment('not-a-uuid', { sortOrder: 1 }), 400);
    expect(e1.message).toMatch(/[\u4e00-\u9fa5]/);
    const e2 = await expectApiError(
      as.admin.org.updateDepartment(zjj.id, { sortOrder: 'x' as never }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(e2.fieldErrors.sortOrder).toContain('必须是整数');
    const e3 = await expectApiError(
      as.admin.org.createStaff({
        login: 'new.one',
        name: '新人',
        password: 'Abc12345',
        departmentId: scjg.id,
        roles: ['APPLICANT'],
      }),
      400,
    );
    expect(e3.fieldErrors.roles).toBeTruthy();
  });

  it('query strings are validated too', async () => {
    const e = await expectApiError(as.admin.org.listStaff({ pageSize: 10_000 }), 400, ErrorCode.VALIDATION_FAILED);
    expect(e.fieldErrors.pageSize).toEqual(['数值太大']);
  });
});

describe('departments', () => {
  it('creates a department, refuses duplicates and parent cycles, and audits each change', async () => {
    const parent = await as.admin.org.createDepartment({
      code: 'KJJ',
      name: '市科学技术局',
      shortName: '科技',
      creditCode: demoCreditCode(7001),
    });
    const child = await as.admin.org.createDepartment({
      code: 'KJJXX',
      name: '市科技信息中心',
      shortName: '科技信息',
      creditCode: demoCreditCode(7002),
      parentId: parent.id,
    });
    await expectApiError(
      as.admin.org.createDepartment({
        code: 'KJJ',
        name: '重复',
        shortName: '重复',
        creditCode: demoCreditCode(7003),
      }),
      409,
      ErrorCode.ORG_DEPARTMENT_CODE_TAKEN,
    );
    await expectApiError(
      as.admin.org.createDepartment({
        code: 'KJJ2',
        name: '重复',
        shortName: '重复',
        creditCode: demoCreditCode(7001),
      }),
      409,
      ErrorCode.ORG_CREDIT_CODE_TAKEN,
    );
    await expectApiError(
      as.admin.org.updateDepartment(parent.id, { parentId: child.id }),
      400,
      ErrorCode.ORG_PARENT_CYCLE,
    );
    await expectApiError(
      as.admin.org.updateDepartment(parent.id, { parentId: parent.id }),
      400,
      ErrorCode.ORG_PARENT_CYCLE,
    );
    await expectApiError(
      as.admin.org.updateDepartment(parent.id, { parentId: '6f1c1c2e-7d8a-4b0a-9a51-3f3a7f1f2b11' }),
      404,
      ErrorCode.ORG_DEPARTMENT_NOT_FOUND,
    );
    const renamed = await as.admin.org.updateDepartment(parent.id, { name: '市科学技术局（知识产权局）' });
    expect(renamed.name).toBe('市科学技术局（知识产权局）');
    const rows = await t.sql<{ action: string; summary: Record<string, unknown> }>(
      `SELECT action, summary FROM audit_entry WHERE target_id = $1 ORDER BY seq`,
      [parent.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['org.department.created', 'org.department.updated']);
    expect(rows[1].summary).toEqual({ changes: { name: ['市科学技术局', '市科学技术局（知识产权局）'] } });
  });
});

describe('windows and staff', () => {
  it('a department window only takes that department staff; a comprehensive window takes anyone', async () => {
    const windows = await t.client().org.listWindows();
    const zjjWindow = windows.find((w) => w.departmentId === zjj.id && w.kind === 'DEPARTMENT')!;
    const comprehensive = windows.find((w) => w.kind === 'COMPREHENSIVE')!;
    await expectApiError(
      as.admin.org.createStaff({
        login: 'wrong.window',
        name: '错位',
        password: 'Abc12345',
        departmentId: scjg.id,
        windowId: zjjWindow.id,
        roles: ['CLERK'],
      }),
      400,
      ErrorCode.ORG_WINDOW_DEPARTMENT_MISMATCH,
    );
    const s = await as.admin.org.createStaff({
      login: 'scjg.z01',
      name: '综窗人员',
      password: 'Abc12345',
      departmentId: scjg.id,
      windowId: comprehensive.id,
      roles: ['CLERK'],
    });
    expect(s).toMatchObject({
      login: 'scjg.z01',
      windowId: comprehensive.id,
      roles: ['CLERK'],
      away: false,
      active: true,
      locked: false,
    });
    await expectApiError(
      as.admin.org.createStaff({
        login: 'SCJG.Z01',
        name: '重名',
        password: 'Abc12345',
        departmentId: scjg.id,
        roles: ['CLERK'],
      }),
      409,
      ErrorCode.AUTH_LOGIN_TAKEN,
    );
    const audit = await t.sql<{ summary: { after: Record<string, unknown> } }>(
      `SELECT summary FROM audit_entry WHERE target_id = $1 AND action = 'org.staff.created'`,
      [s.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].summary)).not.toContain('Abc12345');
  });

  it('an AB-post backup must be another active colleague of the same department', async () => {
    const own = await staffOf('scjg.approver');
    const other = await staffOf('zjj.clerk');
    await expectApiError(
      as.admin.org.updateStaff(own.id, { backupStaffId: own.id }),
      400,
      ErrorCode.ORG_BACKUP_INVALID,
    );
    await expectApiError(
      as.admin.org.updateStaff(own.id, { backupStaffId: other.id }),
      400,
      ErrorCode.ORG_BACKUP_INVALID,
    );
    const lead = await staffOf('scjg.lead');
    const updated = await as.admin.org.updateStaff(own.id, { backupStaffId: lead.id });
    expect(updated.backupStaffId).toBe(lead.id);
    expect(updated.backupStaffName).toBe(lead.name);
    const listed = await as.admin.org.listStaff({ departmentId: own.departmentId, pageSize: 200 });
    expect(listed.items.find((s) => s.id === own.id)?.backupStaffName).toBe(lead.name);
  });

  it('a role change ends the person’s sessions so the new roles apply at once', async () => {
    const approver = await t.loginAs('rsj.approver');
    await as.admin.org.updateStaff(approver.me.id, { roles: ['APPROVER', 'DEPT_LEAD'] });
    await expectApiError(approver.auth.me(), 401, ErrorCode.AUTH_SESSION_ENDED);
    const again = await t.loginAs('rsj.approver');
    expect(again.me.roles).toEqual(['APPROVER', 'DEPT_LEAD']);
  });
});

describe('the center', () => {
  it('publishes one profile (name, hall, hours, phones) that the guide sheet prints too', async () => {
    const anyone = t.client();
    const center = await anyone.org.center();
    expect(center).toEqual({
      name: '示范市政务服务中心',
      address: '示范市市民大道 100 号市民中心 2 楼办事大厅',
      hours: '工作日 9:00–12:00，13:30–17:00（法定节假日除外）',
      hotline: '12345',
      complaintPhone: '12345',
      visitWorkingDays: 3,
    });
    const [{ code }] = await t.sql<{ code: string }>(
      `SELECT m.code FROM matter m JOIN matter_version v ON v.matter_id = m.id WHERE v.status = 'PUBLISHED' LIMIT 1`,
    );
    const sheet = (await pdfText((await anyone.guides.notificationSheet(code)).bytes)).replace(/\s/g, '');
    expect(sheet).toContain(center.address.replace(/\s/g, ''));
    expect(sheet).toContain(center.hours.replace(/\s/g, ''));
  });
});
