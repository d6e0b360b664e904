import { ErrorCode } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode, demoResidentId } from '../src/demo/demo-seed.js';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('applicant registration', () => {
  it('registers a citizen, stores the ID number only encrypted, and shows it masked', async () => {
    const id = demoResidentId(31);
    const a = await t.client().auth.registerApplicant({
      applicantType: 'CITIZEN',
      name: '赵市民',
      phone: '13900000031',
      idNumber: id,
      password: 'Citizen2026',
    });
    expect(a).toMatchObject({ name: '赵市民', phoneMasked: '139****0031', organizationName: null });
    expect(a.idNumberMasked).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    const [row] = await t.sql<Record<string, string>>('SELECT * FROM applicant WHERE id = $1', [a.id]);
    expect(JSON.stringify(row)).not.toContain(id);
    const c = await t.loginAs('13900000031', 'Citizen2026');
    expect(await c.auth.myApplicantProfile()).toEqual(a);
    const audit = await t.sql<{ summary: object; actor_id: string }>(
      `SELECT summary, actor_id FROM audit_entry WHERE action = 'applicant.registered' AND target_id = $1`,
      [a.id],
    );
    expect(audit[0].actor_id).toBe(a.id);
    expect(JSON.stringify(audit[0].summary)).not.toContain(id);
  });

  it('rejects a bad check digit, a bad phone and a weak password field by field', async () => {
    const good = demoResidentId(32);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const e = await expectApiError(
      t.client().auth.registerApplicant({
        applicantType: 'CITIZEN',
        name: '钱',
        phone: '12345',
        idNumber: bad,
        password: 'abc',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(e.fieldErrors).toEqual({
      phone: ['必须是 11 位手机号'],
      idNumber: ['身份证号校验位不正确'],
      password: ['至少 8 位，且须同时包含字母和数字'],
    });
  });

  it('a legal person needs the organisation and its credit code', async () => {
    const e = await expectApiError(
      t.client().auth.registerApplicant({
        applicantType: 'LEGAL_PERSON',
        name: '孙经办',
        phone: '13900000033',
        idNumber: demoResidentId(33),
        password: 'Company2026',
      }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['creditCode', 'organizationName']);
    const ok = await t.client().auth.registerApplicant({
      applicantType: 'LEGAL_PERSON',
      name: '孙经办',
      phone: '13900000033',
      idNumber: demoResidentId(33),
      password: 'Company2026',
      organizationName: '示范科技有限公司',
      creditCode: demoCreditCode(33, '91'),
    });
    expect(ok.organizationName).toBe('示范科技有限公司');
  });

  it('one account per phone and per ID number; nothing half-written on refusal', async () => {
    const [{ n: before }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM credential');
    await expectApiError(
      t.client().auth.registerApplicant({
        applicantType: 'CITIZEN',
        name: '重复',
        phone: '13800000001',
        idNumber: demoResidentId(34),
        password: 'Again2026x',
      }),
      409,
      ErrorCode.APPLICANT_PHONE_TAKEN,
    );
    await expectApiError(
      t.client().auth.registerApplicant({
        applicantType: 'CITIZEN',
        name: '重复',
        phone: '13900000035',
        idNumber: demoResidentId(1),
        password: 'Again2026x',
      }),
      409,
      ErrorCode.APPLICANT_ID_NUMBER_TAKEN,
    );
    const [{ n: after }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM credential');
    expect(after).toBe(before);
  });
});
